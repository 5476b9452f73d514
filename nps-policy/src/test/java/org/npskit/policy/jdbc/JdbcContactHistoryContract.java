package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.npskit.policy.spi.ContactHistoryContract;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The store contract plus what only a SQL store can get wrong (quoting, unique keys), run on every
 * database the JDBC store supports.
 */
abstract class JdbcContactHistoryContract extends ContactHistoryContract {

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

  @Test
  void theSameResponseRecordedTwiceIsStoredOnce() {
    long before = store.load(query("C1", null, "x")).customerVersion();
    store.recordResponse("C1", T0);
    store.recordResponse("C1", T0);
    assertThat(store.load(query("C1", null, "x")).customerResponses()).containsExactly(T0);
    assertThat(store.load(query("C1", null, "x")).customerVersion()).isNotEqualTo(before);
  }
}
