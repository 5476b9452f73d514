package org.npskit.policy.jdbc;

import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ContactHistoryContract;

/** The store contract on a real PostgreSQL server (embedded, started once per JVM). */
class PostgresContactHistoryTest extends ContactHistoryContract {

  @Override
  protected ContactHistory newStore() {
    JdbcContactHistory history =
        JdbcContactHistory.builder(EmbeddedPostgresHolder.dataSource())
            .tablePrefix(EmbeddedPostgresHolder.freshPrefix("contract"))
            .build();
    history.createSchema();
    return history;
  }
}
