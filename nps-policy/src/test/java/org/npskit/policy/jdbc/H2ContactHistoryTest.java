package org.npskit.policy.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ContactHistoryContract;

/** The store contract on H2 (in memory, one database per test). */
class H2ContactHistoryTest extends ContactHistoryContract {

  static DataSource freshH2() {
    return new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Override
  protected ContactHistory newStore() {
    JdbcContactHistory history = JdbcContactHistory.builder(freshH2()).build();
    history.createSchema();
    return history;
  }
}
