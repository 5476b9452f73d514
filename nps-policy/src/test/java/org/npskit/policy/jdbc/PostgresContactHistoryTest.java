package org.npskit.policy.jdbc;

/** The store contract on a real PostgreSQL server (embedded, started once per JVM). */
class PostgresContactHistoryTest extends JdbcContactHistoryContract {

  @Override
  protected JdbcContactHistory.Builder newBuilder() {
    return JdbcContactHistory.builder(remember(EmbeddedPostgresHolder.pooledDataSource()))
        .tablePrefix(EmbeddedPostgresHolder.freshPrefix("contract"));
  }
}
