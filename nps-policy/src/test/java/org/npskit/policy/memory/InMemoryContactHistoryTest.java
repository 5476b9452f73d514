package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.npskit.policy.MutableClock;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.StoreFixture;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.SurveyRecord;

/**
 * What is particular to the compact store (the contract suite runs it in nps-test): retention and clock,
 * capacity, the builder, the row layout.
 *
 * <p>Mutants of the store that no test here kills, because they change nothing a caller can
 * observe (PIT, December 2026): a {@code return false} or {@code return true} replaced by the
 * same constant; {@code load} taking the read lock when it need not (a negated
 * {@code stamp != 0}); one empty extra chunk in a purge ({@code >=} to {@code >} in
 * {@code inChunks}); columns left uncleared when a state moves out of its row or a survey is
 * cancelled (the order tail and account of {@code clearInline}, the account of a cancelled
 * order: never read again, only a stale reference). Returning an unvalidated optimistic read
 * (a negated {@code validate}) is observable only when a write races the read: the stress test
 * {@code ConcurrentDecisionStressTest} and {@code OptimisticReadTest} catch it when it does.
 */
class InMemoryContactHistoryTest extends StoreFixture {
  /**
   * A clock after every event of these tests: "newest" is the newest event, whatever the date
   * the tests run on (the clock bound has tests of its own below).
   */
  private static final Clock LATE = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Override
  protected ContactHistory newStore() {
    return InMemoryContactHistory.withRetention(Duration.ofDays(400), LATE);
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
    InMemoryContactHistory small = InMemoryContactHistory.withRetention(Duration.ofDays(30), LATE);
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
    InMemoryContactHistory small = InMemoryContactHistory.withRetention(Duration.ofDays(10), LATE);
    store = small;
    for (int i = 0; i < 100; i++) {
      assertThat(commitSurvey("O" + i, "C" + i, null, T0)).isTrue();
    }
    assertThat(small.trackedCustomers()).isEqualTo(100);
    Instant later = T0.plus(Duration.ofDays(25));
    assertThat(store.commit(CommitRequest.skip("late", "other", null, later))).isTrue();
    // Left: the customer of the late order (every decided order counts for its customer).
    assertThat(small.trackedCustomers()).isEqualTo(1);
    assertThat(small.decidedOrders()).isEqualTo(1);
  }

  @Test
  void anEventFarAfterTheClockMakesTheSweepForgetNothingAndLaterSweepsStillRun() {
    MutableClock clock = MutableClock.at(T0.plus(Duration.ofDays(1)));
    InMemoryContactHistory small = InMemoryContactHistory.withRetention(Duration.ofDays(10), clock);
    store = small;
    for (int i = 0; i < 100; i++) {
      assertThat(commitSurvey("O" + i, "C" + i, null, T0)).isTrue();
    }
    // A mistyped delivery date, centuries ahead: the sweep it would trigger cuts at the clock.
    Instant typo = Instant.parse("2999-01-01T00:00:00Z");
    assertThat(store.commit(CommitRequest.skip("typo", "other", null, typo))).isTrue();

    assertThat(small.trackedCustomers()).isEqualTo(101);
    assertThat(small.decidedOrders()).isEqualTo(101);
    assertThat(store.load(query("C7", null, "X")).customerSurveys())
        .extracting(SurveyRecord::orderId).containsExactly("O7");

    // Time goes on: the next sweep is due one retention after the last, on the clock's terms.
    clock.advance(Duration.ofDays(24));
    Instant later = T0.plus(Duration.ofDays(25));
    assertThat(store.commit(CommitRequest.skip("late", "other", null, later))).isTrue();
    // The typo's decided order id is younger than the cut-off, so it is kept, and so is its
    // customer.
    assertThat(small.trackedCustomers()).isEqualTo(1);
    assertThat(small.decidedOrders()).isEqualTo(2);
  }

  @Test
  void aSurveyFarAfterTheClockDoesNotTrimTheCustomersRecentSurveys() {
    Clock clock = Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    store = InMemoryContactHistory.withRetention(Duration.ofDays(30), clock);
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", "A1", Instant.parse("2999-01-01T00:00:00Z"))).isTrue();

    HistorySnapshot s = store.load(
        new HistoryQuery("C1", "A1", "X", T0.minusSeconds(1), Instant.parse("2999-12-31T00:00:00Z")));
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1", "O2");
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1", "O2");
  }

  @Test
  void aClockThatFailsLeavesTheStoreAsItWasAndARetryRecordsOneSurvey() {
    java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        if (failing.get()) {
          throw new IllegalStateException("clock unavailable");
        }
        return T0.plus(Duration.ofDays(1));
      }
    };
    store = InMemoryContactHistory.withRetention(Duration.ofDays(30), clock);
    HistorySnapshot before = store.load(query("C1", "A1", "O1"));
    CommitRequest survey = CommitRequest.survey(new SurveyRecord("O1", "C1", "A1", "TV-1", T0), before);

    failing.set(true);
    assertThatThrownBy(() -> store.commit(survey)).hasMessageContaining("clock unavailable");
    assertThatThrownBy(() -> store.recordResponse("C1", T0)).hasMessageContaining("clock unavailable");
    assertThat(store.load(query("C1", "A1", "O1"))).isEqualTo(before);

    failing.set(false);
    assertThat(store.commit(survey)).isTrue();
    HistorySnapshot after = store.load(query("C1", "A1", "O1"));
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
    assertThat(after.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
  }

  @Test
  void theClockIsRequired() {
    assertThatThrownBy(() -> InMemoryContactHistory.withRetention(Duration.ofDays(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clock");
    assertThatThrownBy(() -> InMemoryContactHistory.withRetention(Duration.ofDays(1), 10, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clock");
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
    InMemoryContactHistory tiny = InMemoryContactHistory.builder()
        .retention(Duration.ofDays(400)).expectedCustomers(0).clock(LATE).maxIndexSlots(16).build();
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
    // Known customers can still be written, the first one (entry 0) too; after a purge there
    // is room again.
    store.recordResponse("C1", T0);
    store.recordResponse("C0", T0);
    store.setOptedOut("C0", true);
    assertThat(store.load(query("C0", null, "X")).optedOut()).isTrue();
    store.purge(T0.plusSeconds(1));
    assertThat(commitSurvey("O12", "C12", null, T0.plusSeconds(2))).isTrue();
  }

  @Test
  void aBuiltStoreHasTheRetentionAndClockItWasGiven() {
    MutableClock clock = MutableClock.at(T0.plus(Duration.ofDays(1)));
    InMemoryContactHistory built = InMemoryContactHistory.builder()
        .retention(Duration.ofDays(10)).clock(clock).expectedCustomers(1000).build();
    store = built;
    for (int i = 0; i < 100; i++) {
      assertThat(commitSurvey("O" + i, "C" + i, null, T0)).isTrue();
    }
    // Far after the clock: no sweep cuts beyond it.
    assertThat(store.commit(CommitRequest.skip("typo", "other", null, T0.plus(Duration.ofDays(9000)))))
        .isTrue();
    assertThat(built.trackedCustomers()).isEqualTo(101);
    // 24 days later by the clock, and past the 10-day retention: the sweep forgets them (not
    // the customer of the typo and the late order).
    clock.advance(Duration.ofDays(24));
    assertThat(store.commit(CommitRequest.skip("late", "other", null, T0.plus(Duration.ofDays(25)))))
        .isTrue();
    assertThat(built.trackedCustomers()).isEqualTo(1);
  }

  @Test
  void aBuilderWithoutClockUsesTheSystemClock() {
    // Retention 100 years: an event in the year 3000 would sweep away a survey of 2026, were
    // "newest" not bounded by the system clock (for the next 100 years).
    InMemoryContactHistory built =
        InMemoryContactHistory.builder().retention(Duration.ofDays(36_500)).build();
    store = built;
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    Instant future = Instant.parse("3000-01-01T00:00:00Z");
    assertThat(store.commit(CommitRequest.skip("O2", "C2", null, future))).isTrue();
    assertThat(built.trackedCustomers()).isEqualTo(2);
    assertThat(built.decidedOrders()).isEqualTo(2);
  }

  @Test
  void theBuilderRequiresARetention() {
    assertThatThrownBy(() -> InMemoryContactHistory.builder().clock(LATE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("retention must be set: use at least the policy's longest window");
  }

  @Test
  void theBuilderChecksEachSettingWhereItIsSet() {
    InMemoryContactHistory.Builder builder = InMemoryContactHistory.builder();
    assertThatThrownBy(() -> builder.retention(null))
        .isInstanceOf(NullPointerException.class).hasMessage("retention");
    assertThatThrownBy(() -> builder.retention(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention must not be negative, was PT-0.000000001S");
    assertThatThrownBy(() -> builder.clock(null))
        .isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThatThrownBy(() -> builder.expectedCustomers(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedCustomers must be in [0, 1073741823], was -1");
    assertThatThrownBy(() -> builder.expectedCustomers(Integer.MAX_VALUE / 2 + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedCustomers must be in [0, 1073741823], was 1073741824");
    assertThatThrownBy(() -> builder.maxIndexSlots(8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIndexSlots must be a power of two of at least 16, was 8");
    assertThatThrownBy(() -> builder.maxIndexSlots(48))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIndexSlots must be a power of two of at least 16, was 48");
    // Rejected values leave the settings unset; the bounds themselves are accepted.
    assertThat(builder.retention(Duration.ZERO).clock(LATE).expectedCustomers(Integer.MAX_VALUE / 2)
        .maxIndexSlots(16)).isSameAs(builder);
  }

  @Test
  void eachBuilderSettingMayBeSetOnce() {
    InMemoryContactHistory.Builder builder = InMemoryContactHistory.builder()
        .retention(Duration.ofDays(1)).clock(LATE).expectedCustomers(5).maxIndexSlots(32);
    assertThatThrownBy(() -> builder.retention(Duration.ofDays(2)))
        .isInstanceOf(IllegalStateException.class).hasMessage("retention was already set to PT24H");
    assertThatThrownBy(() -> builder.clock(Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set to " + LATE);
    assertThatThrownBy(() -> builder.expectedCustomers(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("expectedCustomers was already set to 5");
    assertThatThrownBy(() -> builder.maxIndexSlots(64))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxIndexSlots was already set to 32");
  }

  @Test
  void oneBuilderBuildsIndependentStores() {
    InMemoryContactHistory.Builder builder =
        InMemoryContactHistory.builder().retention(Duration.ofDays(400)).clock(LATE);
    InMemoryContactHistory first = builder.build();
    InMemoryContactHistory second = builder.build();
    store = first;
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(first.trackedCustomers()).isEqualTo(1);
    assertThat(second.trackedCustomers()).isZero();
  }

  @Test
  void theRetentionCountsToTheMicrosecond() {
    // 30 days and 500 microseconds: a survey 1 microsecond older than that is dropped.
    store = InMemoryContactHistory.withRetention(Duration.ofDays(30).plusNanos(500_999), LATE);
    Instant newest = T0.plus(Duration.ofDays(30)).plusNanos(501_000);
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusNanos(1_000))).isTrue();
    assertThat(commitSurvey("O3", "C1", null, newest)).isTrue();
    HistoryQuery all = new HistoryQuery("C1", null, "X", T0.minusSeconds(1), newest);
    assertThat(store.load(all).customerSurveys()).extracting(SurveyRecord::orderId)
        .containsExactly("O2", "O3");
  }

  @Test
  void aRetentionBeyondTheMicrosecondRangeKeepsEverything() {
    store = InMemoryContactHistory.withRetention(Duration.ofSeconds(Long.MAX_VALUE), LATE);
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
    HistoryQuery all = new HistoryQuery("C1", null, "X", T0, Instant.parse("2099-12-31T00:00:00Z"));
    assertThat(store.load(all).customerSurveys()).extracting(SurveyRecord::orderId)
        .containsExactly("O1", "O2");
  }

  @Test
  void aZeroRetentionKeepsOnlyEntriesAtTheNewestTime() {
    store = InMemoryContactHistory.withRetention(Duration.ZERO, LATE);
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusNanos(1_000))).isTrue();
    assertThat(commitSurvey("O3", "C1", null, T0.plusNanos(1_000))).isTrue();
    HistoryQuery all = new HistoryQuery("C1", null, "X", T0.minusSeconds(1), T0.plusSeconds(1));
    assertThat(store.load(all).customerSurveys()).extracting(SurveyRecord::orderId)
        .containsExactly("O2", "O3");
  }

  @Test
  void aCustomerWithOneSurveyAndNoResponseIsHeldInItsRowAlone() {
    // The layout the memory figure rests on (see BENCHMARKS.md): every other state needs an
    // object, and each change moves the customer between the two forms.
    InMemoryContactHistory compact = InMemoryContactHistory.withRetention(Duration.ofDays(400), LATE);
    store = compact;
    assertThat(compact.heldInRow("C1")).as("unknown").isFalse();
    store.setOptedOut("C1", false);
    assertThat(compact.heldInRow("C1")).as("tracked, nothing stored").isTrue();
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(compact.heldInRow("C1")).as("one survey").isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(1))).isTrue();
    assertThat(compact.heldInRow("C1")).as("two surveys").isFalse();
    assertThat(store.cancel("O2")).isTrue();
    assertThat(compact.heldInRow("C1")).as("one survey, two decided orders").isFalse();
    store.recordResponse("C1", T0.plusSeconds(2));
    assertThat(compact.heldInRow("C1")).as("a response").isFalse();
    assertThat(commitSurvey("order-id-too-long-to-pack", "C2", null, T0)).isTrue();
    assertThat(compact.heldInRow("C2")).as("an order id that does not pack").isFalse();
    assertThat(store.cancel("order-id-too-long-to-pack")).isTrue();
    assertThat(compact.heldInRow("C2")).as("no survey left, one decided order").isTrue();
    assertThat(store.commit(CommitRequest.skip("O3", "C3", null, T0))).isTrue();
    assertThat(compact.heldInRow("C3")).as("one skip").isTrue();
    assertThat(commitSurvey("O4", "C3", null, T0.plusSeconds(1))).isTrue();
    assertThat(compact.heldInRow("C3")).as("a skip and a survey").isFalse();
    assertThat(commitRelationshipSurvey("O5", "C4", T0)).isTrue();
    assertThat(compact.heldInRow("C4")).as("one relationship survey").isTrue();
    HistorySnapshot c1 = store.load(
        new HistoryQuery("C1", "A1", "X", T0, T0.plusSeconds(5), T0));
    assertThat(c1.customerSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
    assertThat(c1.customerResponses()).containsExactly(T0.plusSeconds(2));
    assertThat(c1.customerOrders()).containsExactly(T0, T0.plusSeconds(1));
    HistoryQuery around = new HistoryQuery("C2", null, "X", T0, T0, T0);
    assertThat(store.load(around).customerOrders()).containsExactly(T0);
    assertThat(store.load(new HistoryQuery("C3", null, "X", T0, T0.plusSeconds(1), T0))
        .customerOrders()).containsExactly(T0, T0.plusSeconds(1));
    HistorySnapshot c4 = store.load(new HistoryQuery("C4", null, "X", T0, T0, T0));
    assertThat(c4.customerSurveys()).containsExactly(SurveyRecord.relationship("O5", "C4", null, T0));
    assertThat(c4.customerOrders()).containsExactly(T0);
  }

  private boolean commitRelationshipSurvey(String order, String customer, Instant at) {
    HistorySnapshot snapshot = store.load(query(customer, null, order));
    return store.commit(
        CommitRequest.survey(SurveyRecord.relationship(order, customer, null, at), snapshot));
  }

  @Test
  void aSkipOrACancelledSurveyHeldInItsRowIsPurgedLikeItsOrder() {
    InMemoryContactHistory compact = InMemoryContactHistory.withRetention(Duration.ofDays(400), LATE);
    store = compact;
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isTrue();
    assertThat(commitSurvey("O2", "C2", null, T0)).isTrue();
    assertThat(store.cancel("O2")).isTrue();
    assertThat(compact.heldInRow("C1")).isTrue();
    assertThat(compact.heldInRow("C2")).isTrue();

    store.purge(T0);
    assertThat(compact.trackedCustomers()).isEqualTo(2);
    store.purge(T0.plusNanos(1000));

    assertThat(compact.trackedCustomers()).isZero();
    assertThat(compact.decidedOrders()).isZero();
  }

  @Test
  void aTrimLeavesTheDecidedOrdersTheirOrderIdsAreKeptFor() {
    InMemoryContactHistory small = InMemoryContactHistory.withRetention(Duration.ofDays(30), LATE);
    store = small;
    // The first decision starts the sweep count at T0 + 20 days: no sweep runs below.
    assertThat(store.commit(CommitRequest.skip("O0", "C0", null, T0.plus(Duration.ofDays(20)))))
        .isTrue();
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(store.commit(CommitRequest.skip("O2", "C1", null, T0.plusSeconds(1)))).isTrue();
    // This write trims C1's surveys older than T0 + 1 day.
    assertThat(commitSurvey("O3", "C1", null, T0.plus(Duration.ofDays(31)))).isTrue();

    HistorySnapshot s = store.load(new HistoryQuery("C1", null, "O1", T0,
        T0.plus(Duration.ofDays(40)), T0));
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O3");
    assertThat(s.orderDecided()).isTrue();
    assertThat(s.customerOrders())
        .containsExactly(T0, T0.plusSeconds(1), T0.plus(Duration.ofDays(31)));
  }

  @Test
  void aFullCustomerTableRefusesASurveyOrASkipForANewCustomer() {
    InMemoryContactHistory tiny = InMemoryContactHistory.builder()
        .retention(Duration.ofDays(400)).expectedCustomers(0).clock(LATE).maxIndexSlots(16).build();
    store = tiny;
    for (int i = 0; i < 12; i++) {
      store.setOptedOut("C" + i, false);
    }
    assertThatThrownBy(() -> commitSurvey("O1", "C12", null, T0))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("commit");
    assertThat(tiny.decidedOrders()).isZero();
    // Every decided order counts for its customer, so a skip needs a customer entry too; a
    // known customer (entry 0 too) can still be surveyed and skipped.
    assertThatThrownBy(() -> store.commit(CommitRequest.skip("O2", "C12", null, T0)))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("commit");
    assertThat(commitSurvey("O3", "C0", null, T0)).isTrue();
    assertThat(store.commit(CommitRequest.skip("O4", "C1", null, T0))).isTrue();
    assertThat(tiny.trackedCustomers()).isEqualTo(12);
    assertThat(tiny.decidedOrders()).isEqualTo(2);
  }

  @Test
  void aQueryOverAllOfTimeSeesEverything() {
    // Instant.MIN and MAX lie beyond the microseconds a long holds: they count as the earliest
    // and the latest stored time.
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    store.recordResponse("C1", T0.plusSeconds(1));
    HistorySnapshot s = store.load(new HistoryQuery("C1", null, "O1", Instant.MIN, Instant.MAX));
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
    assertThat(s.customerResponses()).containsExactly(T0.plusSeconds(1));
    assertThat(store.load(new HistoryQuery("C1", null, "O1", Instant.MIN, T0.minusNanos(1)))
        .customerSurveys()).isEmpty();
    assertThat(store.load(new HistoryQuery("C1", null, "O1", T0.plusNanos(1000), Instant.MAX))
        .customerSurveys()).isEmpty();
  }
}
