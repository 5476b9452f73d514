package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ContactHistoryContract;
import org.npskit.policy.spi.SurveyRecord;

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

  @Test
  void idsWithQuotesSemicolonsAndUnicodeAreBoundAsValues() {
    String order = "O'1; DROP TABLE npskit_decision; --";
    String customer = "Zoë \"Ünïcødé\" 'q' \\ 😀";
    assertThat(commitSurvey(order, customer, "A'1", T0)).isTrue();
    assertThat(store.load(query(customer, "A'1", order)).customerSurveys())
        .extracting(SurveyRecord::orderId)
        .containsExactly(order);
    store.setOptedOut(customer, true);
    assertThat(store.load(query(customer, null, "x")).optedOut()).isTrue();
  }
}
