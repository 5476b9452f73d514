package org.npskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionKind;
import org.npskit.policy.FrequencyCap;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.RelationshipTrigger;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.DecidedOrder;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyKind;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The contract every {@link ContactHistory} must pass, as a JUnit 5 test class to extend: the SPI
 * rules (snapshots, commits and conflicts, cancel, responses, opt-out, purge, erasure, null
 * arguments, relationship surveys, the customer's decided orders, version-checked skips) and
 * exact-count concurrency tests through {@link SurveyGate} ({@value #THREADS}
 * threads released together by a start latch, loads meeting at a barrier, repeated {@value
 * #ROUNDS} times). npskit's own stores (in memory, H2, PostgreSQL) run through this class.
 *
 * <p>Extend it and return a fresh, empty store from {@link #createStore(Clock)}:
 *
 * <pre>{@code
 * class RedisContactHistoryTest extends ContactHistoryCompatibilityKit {
 *   @Override
 *   protected ContactHistory createStore(Clock clock) {
 *     return new RedisContactHistory(redis, clock);   // your store, emptied for each test
 *   }
 * }
 * }</pre>
 *
 * <p>What the store must offer: every test uses times within 150 days of {@link #T0}
 * (2026-01-01T12:00:00Z); the clock given to {@link #createStore} stands at {@code T0} and does
 * not move unless a test moves it, so a store that forgets by its clock must keep at least the
 * last 400 days behind it. A store that loses writes, serves stale snapshots or lets two racing
 * commits both succeed fails this suite.
 *
 * <p>Not thread-safe itself (JUnit creates one instance per test method); the concurrency tests
 * use their own thread pool, stopped after each test.
 */
public abstract class ContactHistoryCompatibilityKit {
  /** The time around which every test works: 2026-01-01T12:00:00Z. */
  protected static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  /** The start of the range every test's query covers: {@code T0} minus 150 days. */
  protected static final Instant FROM = T0.minus(Duration.ofDays(150));
  /** The end of the range every test's query covers: {@code T0} plus 150 days. */
  protected static final Instant TO = T0.plus(Duration.ofDays(150));
  /** Threads per concurrency round. */
  protected static final int THREADS = 16;
  /** Rounds per concurrency test. */
  protected static final int ROUNDS = 50;

  /** The clock given to the store (and to the gates of the gate tests), standing at {@link #T0}. */
  protected MutableClock clock;
  /** The store under test, created before each test. */
  protected ContactHistory store;
  private ExecutorService pool;

  /** For subclasses. */
  protected ContactHistoryCompatibilityKit() {}

  /**
   * A fresh, empty store; called before every test.
   *
   * @param clock the clock the store may read (for retention, say), standing at {@link #T0};
   *     a store that reads no clock may ignore it
   * @return the store under test
   */
  protected abstract ContactHistory createStore(Clock clock);

  /** Creates the clock, the store and the thread pool before each test. */
  @BeforeEach
  protected void setUpStore() {
    clock = MutableClock.at(T0);
    pool = Executors.newFixedThreadPool(THREADS);
    store = createStore(clock);
  }

  /**
   * Stops the thread pool after each test.
   *
   * @throws InterruptedException if interrupted while waiting for the pool
   */
  @AfterEach
  protected void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A query over {@link #FROM} to {@link #TO}.
   *
   * @param customer the customer
   * @param account the account, or null
   * @param order the order
   * @return the query
   */
  protected static HistoryQuery query(String customer, String account, String order) {
    return new HistoryQuery(customer, account, order, FROM, TO);
  }

  /**
   * A survey about {@code "SKU-" + order}.
   *
   * @param order the order
   * @param customer the customer
   * @param account the account, or null
   * @param at the time
   * @return the record
   */
  protected static SurveyRecord survey(String order, String customer, String account, Instant at) {
    return new SurveyRecord(order, customer, account, "SKU-" + order, at);
  }

  /**
   * Loads, then commits a survey on that snapshot.
   *
   * @param order the order
   * @param customer the customer
   * @param account the account, or null
   * @param at the time
   * @return whether the commit succeeded
   */
  protected boolean commitSurvey(String order, String customer, String account, Instant at) {
    HistorySnapshot snapshot = store.load(query(customer, account, order));
    return store.commit(CommitRequest.survey(survey(order, customer, account, at), snapshot));
  }

  /** Unknown customer has an empty snapshot. */
  @Test
  public void unknownCustomerHasAnEmptySnapshot() {
    HistorySnapshot s = store.load(query("C1", "A1", "O1"));
    assertThat(s.orderDecided()).isFalse();
    assertThat(s.optedOut()).isFalse();
    assertThat(s.customerSurveys()).isEmpty();
    assertThat(s.accountSurveys()).isEmpty();
    assertThat(s.customerResponses()).isEmpty();
    assertThat(s.customerVersion()).isZero();
    assertThat(s.accountVersion()).isZero();
  }

  /** Committed survey is loaded and changes versions. */
  @Test
  public void committedSurveyIsLoadedAndChangesVersions() {
    HistorySnapshot before = store.load(query("C1", "A1", "O1"));
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();

    HistorySnapshot after = store.load(query("C1", "A1", "O1"));
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
    assertThat(after.accountSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
    assertThat(after.customerVersion()).isNotEqualTo(before.customerVersion());
    assertThat(after.accountVersion()).isNotEqualTo(before.accountVersion());
  }

  /** Load says what is recorded for the queried order, also outside the query range. */
  @Test
  public void loadSaysWhatIsRecordedForTheQueriedOrder() {
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(store.commit(CommitRequest.skip("O2", "C1", null, T0.plusSeconds(1)))).isTrue();
    assertThat(commitSurvey("O3", "C1", null, T0.plusSeconds(2))).isTrue();
    assertThat(store.cancel("O3")).isTrue();

    assertThat(store.load(query("C1", null, "O1")).decidedOrder())
        .isEqualTo(new DecidedOrder(true, T0));
    assertThat(store.load(query("C1", null, "O2")).decidedOrder())
        .isEqualTo(new DecidedOrder(false, T0.plusSeconds(1)));
    assertThat(store.load(query("C1", null, "O3")).decidedOrder())
        .as("a cancelled survey").isEqualTo(new DecidedOrder(false, T0.plusSeconds(2)));
    assertThat(store.load(query("C1", null, "O9")).decidedOrder()).isNull();
    HistorySnapshot elsewhere = store.load(
        new HistoryQuery("C1", null, "O1", T0.plus(Duration.ofDays(100)), TO));
    assertThat(elsewhere.customerSurveys()).isEmpty();
    assertThat(elsewhere.decidedOrder()).isEqualTo(new DecidedOrder(true, T0));
  }

  /** Surveys are returned in time order whatever the commit order. */
  @Test
  public void surveysAreReturnedInTimeOrderWhateverTheCommitOrder() {
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(60))).isTrue();
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O3", "C1", null, T0.plusSeconds(30))).isTrue();

    assertThat(store.load(query("C1", null, "X")).customerSurveys())
        .extracting(SurveyRecord::orderId)
        .containsExactly("O1", "O3", "O2");
  }

  /** Stale customer version is a conflict and stores nothing. */
  @Test
  public void staleCustomerVersionIsAConflictAndStoresNothing() {
    HistorySnapshot stale = store.load(query("C1", null, "O2"));
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();

    assertThat(store.commit(CommitRequest.survey(survey("O2", "C1", null, T0), stale))).isFalse();

    HistorySnapshot now = store.load(query("C1", null, "O2"));
    assertThat(now.orderDecided()).isFalse();
    assertThat(now.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
  }

  /** Stale account version is a conflict. */
  @Test
  public void staleAccountVersionIsAConflict() {
    HistorySnapshot stale = store.load(query("C2", "A1", "O2"));
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();

    assertThat(store.commit(CommitRequest.survey(survey("O2", "C2", "A1", T0), stale))).isFalse();
    assertThat(store.load(query("C2", "A1", "O2")).customerSurveys()).isEmpty();
  }

  /** Survey without account ignores account versions and counts for no account. */
  @Test
  public void surveyWithoutAccountIgnoresAccountVersionsAndCountsForNoAccount() {
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(1))).isTrue();

    HistorySnapshot s = store.load(query("C1", "A1", "X"));
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1", "O2");
  }

  /** Account surveys include other customers of the account. */
  @Test
  public void accountSurveysIncludeOtherCustomersOfTheAccount() {
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    HistorySnapshot other = store.load(query("C2", "A1", "O2"));
    assertThat(other.customerSurveys()).isEmpty();
    assertThat(other.accountSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
  }

  /** An order id is decided only once. */
  @Test
  public void anOrderIdIsDecidedOnlyOnce() {
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O1", "C1", null, T0.plusSeconds(1))).isFalse();
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isFalse();
    assertThat(store.load(query("C1", null, "O1")).customerSurveys()).hasSize(1);
  }

  /** Skip claims the order id without version check and without survey. */
  @Test
  public void skipClaimsTheOrderIdWithoutVersionCheckAndWithoutSurvey() {
    HistorySnapshot before = store.load(query("C1", null, "O1"));
    assertThat(commitSurvey("O0", "C1", null, T0)).isTrue();

    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isTrue();
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isFalse();

    HistorySnapshot after = store.load(query("C1", null, "O1"));
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O0");
    assertThat(before.customerVersion()).isNotEqualTo(after.customerVersion());
    // A skip after a survey: a survey committed on the pre-skip snapshot still sees a current
    // version, because SKIP changes no version.
    HistorySnapshot s = store.load(query("C1", null, "O2"));
    assertThat(store.commit(CommitRequest.skip("O3", "C1", null, T0))).isTrue();
    assertThat(store.commit(CommitRequest.survey(survey("O2", "C1", null, T0), s))).isTrue();
  }

  /** Cancel releases the survey but keeps the order decided. */
  @Test
  public void cancelReleasesTheSurveyButKeepsTheOrderDecided() {
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    HistorySnapshot before = store.load(query("C1", "A1", "O1"));

    assertThat(store.cancel("O1")).isTrue();

    HistorySnapshot after = store.load(query("C1", "A1", "O1"));
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerSurveys()).isEmpty();
    assertThat(after.accountSurveys()).isEmpty();
    assertThat(after.customerVersion()).isNotEqualTo(before.customerVersion());
    assertThat(after.accountVersion()).isNotEqualTo(before.accountVersion());
    assertThat(store.cancel("O1")).isFalse();
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isFalse();
  }

  /** Cancel of unknown or skipped order releases nothing. */
  @Test
  public void cancelOfUnknownOrSkippedOrderReleasesNothing() {
    assertThat(store.cancel("nope")).isFalse();
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isTrue();
    assertThat(store.cancel("O1")).isFalse();
  }

  /** Cancel leaves other surveys alone. */
  @Test
  public void cancelLeavesOtherSurveysAlone() {
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(5))).isTrue();
    assertThat(store.cancel("O1")).isTrue();
    assertThat(store.load(query("C1", null, "X")).customerSurveys())
        .extracting(SurveyRecord::orderId)
        .containsExactly("O2");
  }

  /** Responses are loaded in order and change the version. */
  @Test
  public void responsesAreLoadedInOrderAndChangeTheVersion() {
    long v0 = store.load(query("C1", null, "O")).customerVersion();
    store.recordResponse("C1", T0.plusSeconds(10));
    store.recordResponse("C1", T0);
    HistorySnapshot s = store.load(query("C1", null, "O"));
    assertThat(s.customerResponses()).containsExactly(T0, T0.plusSeconds(10));
    assertThat(s.customerVersion()).isNotEqualTo(v0);
    assertThat(store.load(query("C2", null, "O")).customerResponses()).isEmpty();
  }

  /** Opt out is stored reversible and changes the version. */
  @Test
  public void optOutIsStoredReversibleAndChangesTheVersion() {
    store.setOptedOut("C1", true);
    HistorySnapshot out = store.load(query("C1", null, "O"));
    assertThat(out.optedOut()).isTrue();
    store.setOptedOut("C1", false);
    HistorySnapshot in = store.load(query("C1", null, "O"));
    assertThat(in.optedOut()).isFalse();
    assertThat(in.customerVersion()).isNotEqualTo(out.customerVersion());
  }

  /** Opt out changes the version so a racing survey conflicts. */
  @Test
  public void optOutChangesTheVersionSoARacingSurveyConflicts() {
    HistorySnapshot s = store.load(query("C1", null, "O1"));
    store.setOptedOut("C1", true);
    assertThat(store.commit(CommitRequest.survey(survey("O1", "C1", null, T0), s))).isFalse();
  }

  /** Range bounds are inclusive. */
  @Test
  public void rangeBoundsAreInclusive() {
    assertThat(commitSurvey("O1", "C1", "A1", FROM)).isTrue();
    assertThat(commitSurvey("O2", "C1", "A1", TO)).isTrue();
    assertThat(commitSurvey("O3", "C1", "A1", FROM.minusNanos(1000))).isTrue();
    assertThat(commitSurvey("O4", "C1", "A1", TO.plusNanos(1000))).isTrue();
    store.recordResponse("C1", FROM);
    store.recordResponse("C1", TO.plusNanos(1000));

    HistorySnapshot s = store.load(query("C1", "A1", "X"));
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1", "O2");
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1", "O2");
    assertThat(s.customerResponses()).containsExactly(FROM);
  }

  /** Instants keep microsecond precision. */
  @Test
  public void instantsKeepMicrosecondPrecision() {
    Instant at = T0.plusNanos(123_456_000L);
    assertThat(commitSurvey("O1", "C1", null, at)).isTrue();
    store.recordResponse("C1", at);
    HistorySnapshot s = store.load(query("C1", null, "X"));
    assertThat(s.customerSurveys().get(0).at()).isEqualTo(at);
    assertThat(s.customerResponses()).containsExactly(at);
  }

  /** Purge deletes entries strictly older than the cutoff. */
  @Test
  public void purgeDeletesEntriesStrictlyOlderThanTheCutoff() {
    Instant cutoff = T0;
    assertThat(commitSurvey("O1", "C1", "A1", cutoff.minusSeconds(1))).isTrue();
    assertThat(commitSurvey("O2", "C1", "A1", cutoff)).isTrue();
    assertThat(store.commit(CommitRequest.skip("O3", "C1", null, cutoff.minusSeconds(1))))
        .isTrue();
    store.recordResponse("C1", cutoff.minusSeconds(1));
    store.recordResponse("C1", cutoff);
    store.setOptedOut("C9", true);

    store.purge(cutoff);

    HistorySnapshot s = store.load(query("C1", "A1", "O1"));
    assertThat(s.orderDecided()).isFalse();
    assertThat(store.load(query("C1", "A1", "O3")).orderDecided()).isFalse();
    assertThat(store.load(query("C1", "A1", "O2")).orderDecided()).isTrue();
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O2");
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O2");
    assertThat(s.customerResponses()).containsExactly(cutoff);
    assertThat(store.load(query("C9", null, "X")).optedOut()).isTrue();
  }

  /** Erase deletes everything about the customer only. */
  @Test
  public void eraseDeletesEverythingAboutTheCustomerOnly() {
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(commitSurvey("O2", "C2", "A1", T0.plusSeconds(1))).isTrue();
    store.recordResponse("C1", T0);
    store.setOptedOut("C1", true);

    store.eraseCustomer("C1");

    HistorySnapshot s = store.load(query("C1", "A1", "O1"));
    assertThat(s.orderDecided()).isFalse();
    assertThat(s.optedOut()).isFalse();
    assertThat(s.customerSurveys()).isEmpty();
    assertThat(s.customerResponses()).isEmpty();
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O2");
    assertThat(store.load(query("C2", "A1", "O2")).orderDecided()).isTrue();
  }

  /** Gate erasure forgets the customer and frees the account. */
  @Test
  public void gateErasureForgetsTheCustomerAndFreesTheAccount() {
    SurveyPolicy policy = SurveyPolicy.builder().accountCooldown(Duration.ofDays(30))
        .maxSurveysPerAccount(new FrequencyCap(1, Duration.ofDays(365))).build();
    SurveyGate gate = SurveyGate.builder(policy).history(store).clock(clock).build();
    assertThat(gate.decide(order("E-O1", "E-C1", "E-A", T0)).isSurvey()).isTrue();
    assertThat(gate.decide(order("E-O2", "E-C1", null, T0.plusSeconds(1))).isSurvey()).isFalse();
    gate.recordResponse("E-C1", T0.plusSeconds(60));
    gate.optOut("E-C1");
    Purchase colleague = order("E-O3", "E-C2", "E-A", T0.plus(Duration.ofDays(1)));
    assertThat(gate.evaluate(colleague).reasonCodes())
        .containsExactly(ReasonCode.ACCOUNT_COOLDOWN, ReasonCode.ACCOUNT_CAP);

    gate.eraseCustomer("E-C1");

    // The account's history no longer counts the erased customer's survey.
    assertThat(gate.decide(colleague).isSurvey()).isTrue();
    for (String orderId : List.of("E-O1", "E-O2")) {
      HistorySnapshot s = store.load(query("E-C1", "E-A", orderId));
      assertThat(s.orderDecided()).as(orderId).isFalse();
      assertThat(s.optedOut()).isFalse();
      assertThat(s.customerSurveys()).isEmpty();
      assertThat(s.customerResponses()).isEmpty();
      assertThat(s.accountSurveys()).extracting(SurveyRecord::customerId)
          .containsExactly("E-C2");
    }
    // Back as a stranger: no cooldown, no response cooldown, no opt-out.
    assertThat(gate.evaluate(order("E-O4", "E-C1", null, T0.plus(Duration.ofDays(2))))
        .isSurvey()).isTrue();
  }

  /** Versions never repeat after erasure. */
  @Test
  public void versionsNeverRepeatAfterErasure() {
    HistorySnapshot stale = store.load(query("C1", null, "O9"));
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    HistorySnapshot afterFirst = store.load(query("C1", null, "O9"));
    store.eraseCustomer("C1");
    assertThat(commitSurvey("O2", "C1", null, T0)).isTrue();
    HistorySnapshot now = store.load(query("C1", null, "O9"));
    assertThat(now.customerVersion())
        .isNotEqualTo(afterFirst.customerVersion())
        .isNotEqualTo(stale.customerVersion());
  }

  /** Null arguments are rejected. */
  @Test
  public void nullArgumentsAreRejected() {
    assertThatThrownBy(() -> store.load(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.commit(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.cancel(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.recordResponse(null, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.recordResponse("C1", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.setOptedOut(null, true))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.purge(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.eraseCustomer(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * Concurrent surveys on one snapshot version commit exactly once.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void concurrentSurveysOnOneSnapshotVersionCommitExactlyOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String customer = "C" + round;
      String account = "A" + round;
      HistorySnapshot snapshot = store.load(query(customer, account, "none"));
      List<Boolean> results =
          runConcurrently(
              i ->
                  store.commit(
                      CommitRequest.survey(
                          survey(customer + "-O" + i, customer, account, T0), snapshot)));
      assertThat(results).filteredOn(ok -> ok).hasSize(1);
      assertThat(store.load(query(customer, account, "none")).customerSurveys()).hasSize(1);
    }
  }

  /**
   * Concurrent commits of one order id succeed exactly once.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void concurrentCommitsOfOneOrderIdSucceedExactlyOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String order = "O" + round;
      List<Boolean> results =
          runConcurrently(
              i ->
                  i % 2 == 0
                      ? store.commit(CommitRequest.skip(order, "C" + i, null, T0))
                      : store.commit(
                          CommitRequest.survey(
                              new SurveyRecord(order, "C" + i, null, "SKU", T0),
                              store.load(query("C" + i, null, order)))));
      assertThat(results).filteredOn(ok -> ok).hasSize(1);
    }
  }

  /** A relationship survey is loaded with its kind and without SKU, for customer and account. */
  @Test
  public void aRelationshipSurveyIsLoadedWithItsKindAndWithoutSku() {
    HistorySnapshot before = store.load(query("C1", "A1", "O1"));
    SurveyRecord relationship = SurveyRecord.relationship("O1", "C1", "A1", T0);
    assertThat(store.commit(CommitRequest.survey(relationship, before))).isTrue();
    assertThat(commitSurvey("O2", "C1", "A1", T0.plusSeconds(1))).isTrue();

    HistorySnapshot after = store.load(query("C1", "A1", "X"));
    assertThat(after.customerSurveys())
        .containsExactly(relationship, survey("O2", "C1", "A1", T0.plusSeconds(1)));
    assertThat(after.accountSurveys())
        .containsExactly(relationship, survey("O2", "C1", "A1", T0.plusSeconds(1)));
    assertThat(after.customerSurveys().get(0).kind()).isEqualTo(SurveyKind.RELATIONSHIP);
    assertThat(after.customerSurveys().get(0).sku()).isNull();
    assertThat(after.customerVersion()).isNotEqualTo(before.customerVersion());
    assertThat(store.load(query("C1", "A1", "O1")).decidedOrder())
        .isEqualTo(new DecidedOrder(true, T0));
    assertThat(store.cancel("O1")).isTrue();
    assertThat(store.load(query("C1", "A1", "X")).customerSurveys())
        .extracting(SurveyRecord::orderId).containsExactly("O2");
  }

  /**
   * A query with {@code ordersFrom} loads the decision times of the customer's decided orders in
   * {@code [ordersFrom, to]}, ascending: surveys of both kinds, skips and cancelled surveys, one
   * per order id; a query without it loads none.
   */
  @Test
  public void loadListsTheCustomersDecidedOrdersWhenAskedForThem() {
    assertThat(commitSurvey("O1", "C1", "A1", T0.plusSeconds(3))).isTrue();
    assertThat(store.commit(CommitRequest.skip("O2", "C1", null, T0.plusSeconds(1)))).isTrue();
    assertThat(store.commit(CommitRequest.survey(
        SurveyRecord.relationship("O3", "C1", null, T0.plusSeconds(2)),
        store.load(query("C1", null, "O3"))))).isTrue();
    assertThat(commitSurvey("O4", "C1", null, T0)).isTrue();
    assertThat(store.cancel("O4")).isTrue();
    assertThat(store.commit(CommitRequest.skip("O2", "C1", null, T0.plusSeconds(9)))).isFalse();
    assertThat(commitSurvey("O5", "C2", "A1", T0)).isTrue();
    assertThat(store.commit(CommitRequest.skip("O6", "C1", null, FROM.minusNanos(1000))))
        .isTrue();
    assertThat(store.commit(CommitRequest.skip("O7", "C1", null, TO.plusNanos(1000)))).isTrue();

    assertThat(store.load(new HistoryQuery("C1", "A1", "X", FROM, TO, FROM)).customerOrders())
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
    assertThat(store.load(new HistoryQuery("C1", null, "X", FROM, T0.plusSeconds(2),
        T0.plusSeconds(1))).customerOrders())
        .as("both bounds inclusive").containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
    assertThat(store.load(query("C1", "A1", "X")).customerOrders())
        .as("not asked for").isEmpty();
    assertThat(store.load(new HistoryQuery("C2", "A1", "X", FROM, TO, FROM)).customerOrders())
        .containsExactly(T0);
  }

  /** Purge and erasure drop decided orders from the customer's list like the order ids. */
  @Test
  public void purgeAndErasureDropDecidedOrdersFromTheCustomersList() {
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0.minusSeconds(1)))).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0)).isTrue();
    assertThat(store.commit(CommitRequest.skip("O3", "C2", null, T0))).isTrue();

    store.purge(T0);
    assertThat(store.load(new HistoryQuery("C1", null, "X", FROM, TO, FROM)).customerOrders())
        .containsExactly(T0);
    store.eraseCustomer("C1");

    assertThat(store.load(new HistoryQuery("C1", null, "X", FROM, TO, FROM)).customerOrders())
        .isEmpty();
    assertThat(store.load(new HistoryQuery("C2", null, "X", FROM, TO, FROM)).customerOrders())
        .containsExactly(T0);
  }

  /**
   * A version-checked skip succeeds only while the customer's version is that of its snapshot,
   * then changes it (and not the account's); a stale one stores nothing.
   */
  @Test
  public void aVersionCheckedSkipNeedsTheCustomersVersionAndChangesIt() {
    HistorySnapshot unknown = store.load(query("C1", "A1", "O1"));
    assertThat(store.commit(CommitRequest.skip("O1", "C1", "A1", T0, unknown))).isTrue();
    assertThat(store.commit(CommitRequest.skip("O2", "C1", "A1", T0, unknown)))
        .as("stale: the first skip changed the version").isFalse();
    assertThat(store.load(query("C1", "A1", "O2")).orderDecided()).isFalse();

    assertThat(commitSurvey("O3", "C1", "A1", T0.plusSeconds(1))).isTrue();
    HistorySnapshot before = store.load(query("C1", "A1", "O4"));
    assertThat(store.commit(CommitRequest.skip("O4", "C1", "A1", T0, before))).isTrue();
    HistorySnapshot after = store.load(query("C1", "A1", "O4"));
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerVersion()).isNotEqualTo(before.customerVersion());
    assertThat(after.accountVersion()).isEqualTo(before.accountVersion());
    // So a survey decided on the snapshot before the skip loses.
    assertThat(store.commit(CommitRequest.survey(survey("O5", "C1", "A1", T0), before)))
        .isFalse();
    assertThat(store.commit(CommitRequest.survey(survey("O5", "C1", "A1", T0), after))).isTrue();
  }

  /**
   * Gate: sixteen orders of one new customer at once, under a relationship trigger of two orders:
   * whichever is decided first is a transactional decision, every other one a relationship
   * decision (it counts the first), and exactly one relationship survey is recorded. A store
   * whose commit let a decision made on the count before a racing order through would answer
   * every order as transactional, sending a transactional survey (or none) the racing order had
   * made a relationship one.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void gateSixteenOrdersOfANewCustomerAtOnceCountEachOtherForTheRelationshipTrigger()
      throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ZERO)
        .minOrderValue(Money.of("100", "EUR"))
        .relationshipTrigger(new RelationshipTrigger(2, Duration.ofDays(30))).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).clock(clock).build();
    for (int round = 0; round < ROUNDS; round++) {
      loads.reset();
      String customer = "R" + round;
      // Even threads: a TV (a transactional survey when first); odd: toner (a skip when first).
      // All at T0, so that each order counts every other one decided before it.
      List<Decision> decisions = runConcurrently(i -> gate.decide(i % 2 == 0
          ? order(customer + "-O" + i, customer, null, T0)
          : cheap(customer + "-O" + i, customer, T0)));
      assertThat(decisions).filteredOn(d -> d.kind().orElseThrow() == DecisionKind.TRANSACTIONAL)
          .as("round %d: %s", round, decisions).hasSize(1);
      assertThat(decisions).filteredOn(d -> d.isSurvey()
          && d.kind().orElseThrow() == DecisionKind.RELATIONSHIP)
          .as("round %d: %s", round, decisions).hasSize(1);
      assertThat(store.load(query(customer, null, "x")).customerSurveys())
          .filteredOn(s -> s.kind() == SurveyKind.RELATIONSHIP).hasSize(1);
    }
  }

  private static Purchase cheap(String orderId, String customerId, Instant at) {
    return Purchase.builder(orderId, customerId).orderedAt(at)
        .line(OrderLine.of("TONER-1", "printing/toner", Money.of("20", "EUR"), 1)).build();
  }

  /** Forwards every call to another store. */
  private static class Forwarding implements ContactHistory {
    private final ContactHistory delegate;

    Forwarding(ContactHistory delegate) {
      this.delegate = delegate;
    }

    @Override
    public HistorySnapshot load(HistoryQuery query) {
      return delegate.load(query);
    }

    @Override
    public boolean commit(CommitRequest commit) {
      return delegate.commit(commit);
    }

    @Override
    public boolean cancel(String orderId) {
      return delegate.cancel(orderId);
    }

    @Override
    public void recordResponse(String customerId, Instant at) {
      delegate.recordResponse(customerId, at);
    }

    @Override
    public void setOptedOut(String customerId, boolean optedOut) {
      delegate.setOptedOut(customerId, optedOut);
    }

    @Override
    public void purge(Instant olderThan) {
      delegate.purge(olderThan);
    }

    @Override
    public void eraseCustomer(String customerId) {
      delegate.eraseCustomer(customerId);
    }

    @Override
    public Optional<Instant> forgottenBefore() {
      return delegate.forgottenBefore();
    }
  }

  /**
   * Delegates; the first {@link #THREADS} loads after {@link #reset()} meet at a barrier, so all
   * threads of one round evaluate on the same state before anyone commits: maximal contention,
   * deterministically, without sleeping.
   */
  private static final class OverlappingLoads extends Forwarding {
    private volatile CyclicBarrier barrier = new CyclicBarrier(THREADS);
    private final AtomicInteger loads = new AtomicInteger();

    OverlappingLoads(ContactHistory delegate) {
      super(delegate);
    }

    void reset() {
      loads.set(0);
      barrier = new CyclicBarrier(THREADS);
    }

    @Override
    public HistorySnapshot load(HistoryQuery query) {
      HistorySnapshot snapshot = super.load(query);
      if (loads.incrementAndGet() <= THREADS) {
        try {
          barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("threads did not meet", e);
        }
      }
      return snapshot;
    }
  }

  private static Purchase order(String orderId, String customerId, String accountId, Instant at) {
    Purchase.Builder b = Purchase.builder(orderId, customerId).orderedAt(at)
        .line(OrderLine.of("TV-1", "tv", Money.of("500", "EUR"), 1));
    if (accountId != null) {
      b.accountId(accountId);
    }
    return b.build();
  }

  private static long surveys(List<Decision> decisions) {
    return decisions.stream().filter(Decision::isSurvey).count();
  }

  /**
   * Gate sixteen orders of one customer at once yield exactly one survey per cooldown.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void gateSixteenOrdersOfOneCustomerAtOnceYieldExactlyOneSurveyPerCooldown() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ofDays(90)).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).clock(clock).build();
    for (int round = 0; round < ROUNDS; round++) {
      loads.reset();
      String customer = "G" + round;
      List<Decision> decisions = runConcurrently(
          i -> gate.decide(order(customer + "-O" + i, customer, null, T0.plusSeconds(i))));
      assertThat(surveys(decisions)).isEqualTo(1);
      assertThat(decisions).filteredOn(d -> !d.isSurvey())
          .allSatisfy(d -> assertThat(d.reasonCodes())
              .containsExactly(ReasonCode.CUSTOMER_COOLDOWN));
      assertThat(store.load(query(customer, null, "x")).customerSurveys()).hasSize(1);
    }
  }

  /**
   * Gate one order decided concurrently yields one survey.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void gateOneOrderDecidedConcurrentlyYieldsOneSurvey() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ZERO).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).clock(clock).build();
    for (int round = 0; round < ROUNDS; round++) {
      loads.reset();
      Purchase purchase = order("D" + round, "D" + round, null, T0);
      List<Decision> decisions = runConcurrently(i -> gate.decide(purchase));
      assertThat(surveys(decisions)).isEqualTo(1);
      assertThat(decisions).filteredOn(d -> !d.isSurvey())
          .allSatisfy(d -> assertThat(d.reasonCodes())
              .containsExactly(ReasonCode.DUPLICATE_ORDER));
    }
  }

  /**
   * Gate sixteen customers of one account yield one survey per account cooldown.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void gateSixteenCustomersOfOneAccountYieldOneSurveyPerAccountCooldown() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().accountCooldown(Duration.ofDays(30)).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).clock(clock).build();
    for (int round = 0; round < ROUNDS; round++) {
      loads.reset();
      String account = "ACC" + round;
      List<Decision> decisions = runConcurrently(
          i -> gate.decide(order(account + "-O" + i, account + "-C" + i, account, T0)));
      assertThat(surveys(decisions)).isEqualTo(1);
      assertThat(store.load(query("nobody", account, "x")).accountSurveys()).hasSize(1);
    }
  }

  /**
   * Gate cap holds exactly under contention.
   *
   * @throws Exception if a thread fails or does not finish in time
   */
  @Test
  public void gateCapHoldsExactlyUnderContention() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ZERO)
        .maxSurveysPerCustomer(new FrequencyCap(3, Duration.ofDays(365))).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).clock(clock).build();
    for (int round = 0; round < ROUNDS; round++) {
      loads.reset();
      String customer = "CAP" + round;
      List<Decision> decisions = runConcurrently(
          i -> gate.decide(order(customer + "-O" + i, customer, null, T0.plusSeconds(i))));
      assertThat(surveys(decisions)).isEqualTo(3);
      assertThat(store.load(query(customer, null, "x")).customerSurveys()).hasSize(3);
    }
  }

  /** A task run by thread {@code i} of {@link #THREADS}. */
  protected interface Task<T> {
    /**
     * Runs the task.
     *
     * @param i the thread index
     * @return the result
     * @throws Exception on failure
     */
    T run(int i) throws Exception;
  }

  /**
   * Runs the task on {@link #THREADS} threads released together by a start latch.
   *
   * @param task the task
   * @param <T> the result type
   * @return the results, by thread index
   * @throws Exception if a task failed or the threads did not start within 30 seconds
   */
  protected <T> List<T> runConcurrently(Task<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                start.await();
                return task.run(index);
              }));
    }
    assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
