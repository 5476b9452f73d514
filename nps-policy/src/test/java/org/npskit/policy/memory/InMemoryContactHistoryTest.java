package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ContactHistoryContract;
import org.npskit.policy.spi.HistoryCommit;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.SurveyRecord;
import org.junit.jupiter.api.Test;

class InMemoryContactHistoryTest extends ContactHistoryContract {

  @Override
  protected ContactHistory newStore() {
    return InMemoryContactHistory.withRetention(Duration.ofDays(400));
  }

  @Test
  void negativeRetentionIsRejectedWithTheValue() {
    assertThatThrownBy(() -> InMemoryContactHistory.withRetention(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention")
        .hasMessageContaining("PT-24H");
  }

  @Test
  void writesForACustomerForgetItsEntriesOlderThanTheRetention() {
    InMemoryContactHistory small = InMemoryContactHistory.withRetention(Duration.ofDays(30));
    store = small;
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", "A1", T0.plus(Duration.ofDays(30)))).isTrue();
    assertThat(commitSurvey("O3", "C1", "A1", T0.plus(Duration.ofDays(31)))).isTrue();

    HistorySnapshot s = store.load(query("C1", "A1", "X"));
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O2", "O3");
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O2", "O3");
  }

  @Test
  void theSweepForgetsCustomersAndOrdersNobodyHeardOfSince() {
    InMemoryContactHistory small = InMemoryContactHistory.withRetention(Duration.ofDays(10));
    store = small;
    for (int i = 0; i < 100; i++) {
      assertThat(commitSurvey("O" + i, "C" + i, null, T0)).isTrue();
    }
    assertThat(small.trackedCustomers()).isEqualTo(100);
    Instant later = T0.plus(Duration.ofDays(25));
    assertThat(store.commit(HistoryCommit.skip("late", "other", null, later))).isTrue();
    assertThat(small.trackedCustomers()).isZero();
    assertThat(small.decidedOrders()).isEqualTo(1);
  }

  @Test
  void aSizedStoreBehavesLikeAnUnsizedOneAndRejectsANegativeSize() {
    store = InMemoryContactHistory.withRetention(Duration.ofDays(400), 1000);
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(store.load(query("C1", "A1", "O1")).orderDecided()).isTrue();
    assertThatThrownBy(() -> InMemoryContactHistory.withRetention(Duration.ofDays(1), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedCustomers")
        .hasMessageContaining("-1");
  }

  @Test
  void surveysReadBackAsRecordsInTimeOrderWithCustomerAccountAndSku() {
    // One survey is held inline, more in arrays; account lists keep each survey's customer.
    assertThat(commitSurvey("O2", "C1", null, T0.plus(Duration.ofDays(120)))).isTrue();
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(commitSurvey("O3", "C2", "A1", T0.plus(Duration.ofDays(60)))).isTrue();
    HistorySnapshot s = store.load(query("C1", "A1", "X"));
    assertThat(s.customerSurveys()).containsExactly(
        survey("O1", "C1", "A1", T0), survey("O2", "C1", null, T0.plus(Duration.ofDays(120))));
    assertThat(s.accountSurveys()).containsExactly(
        survey("O1", "C1", "A1", T0), survey("O3", "C2", "A1", T0.plus(Duration.ofDays(60))));
    assertThatThrownBy(() -> s.customerSurveys().add(survey("O9", "C1", null, T0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(store.cancel("O1")).isTrue();
    assertThat(store.cancel("O1")).isFalse();
    HistorySnapshot after = store.load(query("C1", "A1", "X"));
    assertThat(after.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O2");
    assertThat(after.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O3");
  }

  @Test
  void aFullStoreRefusesNewEntriesWithHistoryUnavailableAndChangesNothing() {
    // Index of at most 16 slots: 12 entries per table.
    InMemoryContactHistory tiny = new InMemoryContactHistory(Duration.ofDays(400), 0, 16);
    store = tiny;
    for (int i = 0; i < 12; i++) {
      assertThat(commitSurvey("O" + i, "C" + i, null, T0)).isTrue();
    }
    HistoryQuery q = new HistoryQuery("C12", null, "O12", T0.minusSeconds(1), T0.plusSeconds(1));
    HistorySnapshot before = store.load(q);

    assertThatThrownBy(() -> commitSurvey("O12", "C12", null, T0))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("commit")
        .hasRootCauseMessage("the in-memory history is full (12 customers, 12 decided orders):"
            + " purge it, shorten the retention or use a JDBC store");
    assertThatThrownBy(() -> store.recordResponse("C12", T0))
        .isInstanceOf(HistoryUnavailableException.class);
    assertThatThrownBy(() -> store.setOptedOut("C13", true))
        .isInstanceOf(HistoryUnavailableException.class);
    assertThat(store.load(q)).isEqualTo(before);
    assertThat(tiny.trackedCustomers()).isEqualTo(12);
    assertThat(tiny.decidedOrders()).isEqualTo(12);
    // Known customers can still be written; after a purge there is room again.
    store.recordResponse("C1", T0);
    store.purge(T0.plusSeconds(1));
    assertThat(commitSurvey("O12", "C12", null, T0.plusSeconds(2))).isTrue();
  }
}
