package org.npskit.policy.jdbc;

/**
 * The store contract on a real PostgreSQL server with the portable survey commit chosen
 * explicitly (the detected dialect there is PostgreSQL's single statement, see {@link
 * PostgresContactHistoryTest}): both commit strategies pass the same suite on the same database.
 */
class PostgresPortableContactHistoryTest extends JdbcContactHistoryContract {

  @Override
  protected JdbcContactHistory.Builder newBuilder() {
    return JdbcContactHistory.builder(remember(EmbeddedPostgresHolder.pooledDataSource()))
        .tablePrefix(EmbeddedPostgresHolder.freshPrefix("portable"))
        .dialect(JdbcDialect.PORTABLE);
  }
}
