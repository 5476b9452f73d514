package org.npskit.policy.jdbc;

import java.util.UUID;
import javax.sql.DataSource;

/** The store contract on H2 (in memory, one database per test). */
class H2ContactHistoryTest extends JdbcContactHistoryContract {

  static DataSource freshH2() {
    return new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Override
  protected JdbcContactHistory.Builder newBuilder() {
    return JdbcContactHistory.builder(remember(freshH2()));
  }
}
