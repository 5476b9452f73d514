package org.npskit.test;

import java.time.Clock;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;

/** npskit's JDBC store on a fresh in-memory H2 database per test, through the kit. */
class H2ContactHistoryCompatibilityTest extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    JdbcConnectionPool dataSource =
        JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    JdbcContactHistory store = JdbcContactHistory.builder(dataSource).build();
    store.createSchema();
    return store;
  }
}
