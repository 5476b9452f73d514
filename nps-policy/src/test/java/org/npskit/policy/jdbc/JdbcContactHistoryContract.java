package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ContactHistoryContract;
import org.npskit.policy.spi.HistoryCommit;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The store contract plus what only a SQL store can get wrong (quoting, unique keys), run on every
 * database the JDBC store supports.
 */
abstract class JdbcContactHistoryContract extends ContactHistoryContract {

  /**
   * A builder on an empty database (or a fresh table prefix) whose schema does not exist yet.
   *
   * @return the builder
   */
  protected abstract JdbcContactHistory.Builder newBuilder();

  @Override
  protected ContactHistory newStore() {
    JdbcContactHistory history = newBuilder().build();
    history.createSchema();
    return history;
  }

  @Test
  void schemaCreatedByManyCallersAtOnceIsCreatedOnce() throws Exception {
    JdbcContactHistory fresh = newBuilder().build();
    assertThat(fresh.installedSchemaVersion()).isEmpty();

    List<OptionalInt> versions =
        runConcurrently(
            i -> {
              fresh.createSchema();
              return fresh.installedSchemaVersion();
            });

    assertThat(versions).containsOnly(OptionalInt.of(JdbcContactHistory.SCHEMA_VERSION));
    assertThat(commitSurveyOn(fresh)).isTrue();
  }

  @Test
  void aLostAccountClaimUndoesTheCustomerClaim() {
    store.setOptedOut("C2", false);
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    HistorySnapshot stale = store.load(query("C2", "A1", "O2"));
    assertThat(commitSurvey("O3", "C3", "A1", T0.plusSeconds(1))).isTrue();

    assertThat(store.commit(HistoryCommit.survey(survey("O2", "C2", "A1", T0), stale))).isFalse();

    HistorySnapshot now = store.load(query("C2", "A1", "O2"));
    assertThat(now.customerVersion()).isEqualTo(stale.customerVersion());
    assertThat(now.orderDecided()).isFalse();
    assertThat(store.commit(HistoryCommit.survey(survey("O2", "C2", "A1", T0), now))).isTrue();
  }

  private static boolean commitSurveyOn(JdbcContactHistory history) {
    HistorySnapshot snapshot = history.load(query("C1", null, "O1"));
    return history.commit(
        HistoryCommit.survey(survey("O1", "C1", null, T0), snapshot));
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

  @Test
  void theSameResponseRecordedTwiceIsStoredOnce() {
    long before = store.load(query("C1", null, "x")).customerVersion();
    store.recordResponse("C1", T0);
    store.recordResponse("C1", T0);
    assertThat(store.load(query("C1", null, "x")).customerResponses()).containsExactly(T0);
    assertThat(store.load(query("C1", null, "x")).customerVersion()).isNotEqualTo(before);
  }
}
