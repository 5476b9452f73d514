package org.npskit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.npskit.policy.FrequencyCap;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;

/**
 * The contract every {@link ContactHistory} must pass: the SPI rules, plus exact-count
 * concurrency tests through {@link SurveyGate} (16 threads released by a start latch, repeated
 * {@link #ROUNDS} times). Subclass it and return a fresh, empty
 * store from {@link #newStore()}; see {@code InMemoryContactHistoryTest}. Stores must keep at
 * least the last 400 days behind the newest entry (the tests use times within one year).
 */
public abstract class ContactHistoryContract {
  protected static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  protected static final Instant FROM = T0.minus(Duration.ofDays(150));
  protected static final Instant TO = T0.plus(Duration.ofDays(150));
  protected static final int THREADS = 16;
  protected static final int ROUNDS = 50;

  protected ContactHistory store;
  private ExecutorService pool;

  /** For subclasses. */
  protected ContactHistoryContract() {}

  /**
   * A fresh, empty store; called before every test.
   *
   * @return the store under test
   */
  protected abstract ContactHistory newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  protected static HistoryQuery query(String customer, String account, String order) {
    return new HistoryQuery(customer, account, order, FROM, TO);
  }

  protected static SurveyRecord survey(String order, String customer, String account, Instant at) {
    return new SurveyRecord(order, customer, account, "SKU-" + order, at);
  }

  /** Loads, then commits a survey on that snapshot. */
  protected boolean commitSurvey(String order, String customer, String account, Instant at) {
    HistorySnapshot snapshot = store.load(query(customer, account, order));
    return store.commit(CommitRequest.survey(survey(order, customer, account, at), snapshot));
  }

  @Test
  void unknownCustomerHasAnEmptySnapshot() {
    HistorySnapshot s = store.load(query("C1", "A1", "O1"));
    assertThat(s.orderDecided()).isFalse();
    assertThat(s.optedOut()).isFalse();
    assertThat(s.customerSurveys()).isEmpty();
    assertThat(s.accountSurveys()).isEmpty();
    assertThat(s.customerResponses()).isEmpty();
    assertThat(s.customerVersion()).isZero();
    assertThat(s.accountVersion()).isZero();
  }

  @Test
  void committedSurveyIsLoadedAndChangesVersions() {
    HistorySnapshot before = store.load(query("C1", "A1", "O1"));
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();

    HistorySnapshot after = store.load(query("C1", "A1", "O1"));
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
    assertThat(after.accountSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
    assertThat(after.customerVersion()).isNotEqualTo(before.customerVersion());
    assertThat(after.accountVersion()).isNotEqualTo(before.accountVersion());
  }

  @Test
  void surveysAreReturnedInTimeOrderWhateverTheCommitOrder() {
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(60))).isTrue();
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O3", "C1", null, T0.plusSeconds(30))).isTrue();

    assertThat(store.load(query("C1", null, "X")).customerSurveys())
        .extracting(SurveyRecord::orderId)
        .containsExactly("O1", "O3", "O2");
  }

  @Test
  void staleCustomerVersionIsAConflictAndStoresNothing() {
    HistorySnapshot stale = store.load(query("C1", null, "O2"));
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();

    assertThat(store.commit(CommitRequest.survey(survey("O2", "C1", null, T0), stale))).isFalse();

    HistorySnapshot now = store.load(query("C1", null, "O2"));
    assertThat(now.orderDecided()).isFalse();
    assertThat(now.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
  }

  @Test
  void staleAccountVersionIsAConflict() {
    HistorySnapshot stale = store.load(query("C2", "A1", "O2"));
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();

    assertThat(store.commit(CommitRequest.survey(survey("O2", "C2", "A1", T0), stale))).isFalse();
    assertThat(store.load(query("C2", "A1", "O2")).customerSurveys()).isEmpty();
  }

  @Test
  void surveyWithoutAccountIgnoresAccountVersionsAndCountsForNoAccount() {
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(1))).isTrue();

    HistorySnapshot s = store.load(query("C1", "A1", "X"));
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1");
    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId).containsExactly("O1", "O2");
  }

  @Test
  void accountSurveysIncludeOtherCustomersOfTheAccount() {
    assertThat(commitSurvey("O1", "C1", "A1", T0)).isTrue();
    HistorySnapshot other = store.load(query("C2", "A1", "O2"));
    assertThat(other.customerSurveys()).isEmpty();
    assertThat(other.accountSurveys()).containsExactly(survey("O1", "C1", "A1", T0));
  }

  @Test
  void anOrderIdIsDecidedOnlyOnce() {
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O1", "C1", null, T0.plusSeconds(1))).isFalse();
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isFalse();
    assertThat(store.load(query("C1", null, "O1")).customerSurveys()).hasSize(1);
  }

  @Test
  void skipClaimsTheOrderIdWithoutVersionCheckAndWithoutSurvey() {
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

  @Test
  void cancelReleasesTheSurveyButKeepsTheOrderDecided() {
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

  @Test
  void cancelOfUnknownOrSkippedOrderReleasesNothing() {
    assertThat(store.cancel("nope")).isFalse();
    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isTrue();
    assertThat(store.cancel("O1")).isFalse();
  }

  @Test
  void cancelLeavesOtherSurveysAlone() {
    assertThat(commitSurvey("O1", "C1", null, T0)).isTrue();
    assertThat(commitSurvey("O2", "C1", null, T0.plusSeconds(5))).isTrue();
    assertThat(store.cancel("O1")).isTrue();
    assertThat(store.load(query("C1", null, "X")).customerSurveys())
        .extracting(SurveyRecord::orderId)
        .containsExactly("O2");
  }

  @Test
  void responsesAreLoadedInOrderAndChangeTheVersion() {
    long v0 = store.load(query("C1", null, "O")).customerVersion();
    store.recordResponse("C1", T0.plusSeconds(10));
    store.recordResponse("C1", T0);
    HistorySnapshot s = store.load(query("C1", null, "O"));
    assertThat(s.customerResponses()).containsExactly(T0, T0.plusSeconds(10));
    assertThat(s.customerVersion()).isNotEqualTo(v0);
    assertThat(store.load(query("C2", null, "O")).customerResponses()).isEmpty();
  }

  @Test
  void optOutIsStoredReversibleAndChangesTheVersion() {
    store.setOptedOut("C1", true);
    HistorySnapshot out = store.load(query("C1", null, "O"));
    assertThat(out.optedOut()).isTrue();
    store.setOptedOut("C1", false);
    HistorySnapshot in = store.load(query("C1", null, "O"));
    assertThat(in.optedOut()).isFalse();
    assertThat(in.customerVersion()).isNotEqualTo(out.customerVersion());
  }

  @Test
  void optOutChangesTheVersionSoARacingSurveyConflicts() {
    HistorySnapshot s = store.load(query("C1", null, "O1"));
    store.setOptedOut("C1", true);
    assertThat(store.commit(CommitRequest.survey(survey("O1", "C1", null, T0), s))).isFalse();
  }

  @Test
  void rangeBoundsAreInclusive() {
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

  @Test
  void instantsKeepMicrosecondPrecision() {
    Instant at = T0.plusNanos(123_456_000L);
    assertThat(commitSurvey("O1", "C1", null, at)).isTrue();
    store.recordResponse("C1", at);
    HistorySnapshot s = store.load(query("C1", null, "X"));
    assertThat(s.customerSurveys().get(0).at()).isEqualTo(at);
    assertThat(s.customerResponses()).containsExactly(at);
  }

  @Test
  void purgeDeletesEntriesStrictlyOlderThanTheCutoff() {
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

  @Test
  void eraseDeletesEverythingAboutTheCustomerOnly() {
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

  @Test
  void gateErasureForgetsTheCustomerAndFreesTheAccount() {
    SurveyPolicy policy = SurveyPolicy.builder().accountCooldown(Duration.ofDays(30))
        .maxSurveysPerAccount(new FrequencyCap(1, Duration.ofDays(365))).build();
    SurveyGate gate = SurveyGate.builder(policy).history(store).build();
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

  @Test
  void versionsNeverRepeatAfterErasure() {
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

  @Test
  void nullArgumentsAreRejected() {
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

  @Test
  void concurrentSurveysOnOneSnapshotVersionCommitExactlyOnce() throws Exception {
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

  @Test
  void concurrentCommitsOfOneOrderIdSucceedExactlyOnce() throws Exception {
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

  /**
   * Delegates; the first {@link #THREADS} loads after {@link #reset()} meet at a barrier, so all
   * threads of one round evaluate on the same state before anyone commits: maximal contention,
   * deterministically, without sleeping.
   */
  private static final class OverlappingLoads extends ForwardingContactHistory {
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

  @Test
  void gateSixteenOrdersOfOneCustomerAtOnceYieldExactlyOneSurveyPerCooldown() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ofDays(90)).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).build();
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

  @Test
  void gateOneOrderDecidedConcurrentlyYieldsOneSurvey() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ZERO).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).build();
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

  @Test
  void gateSixteenCustomersOfOneAccountYieldOneSurveyPerAccountCooldown() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().accountCooldown(Duration.ofDays(30)).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).build();
    for (int round = 0; round < ROUNDS; round++) {
      loads.reset();
      String account = "ACC" + round;
      List<Decision> decisions = runConcurrently(
          i -> gate.decide(order(account + "-O" + i, account + "-C" + i, account, T0)));
      assertThat(surveys(decisions)).isEqualTo(1);
      assertThat(store.load(query("nobody", account, "x")).accountSurveys()).hasSize(1);
    }
  }

  @Test
  void gateCapHoldsExactlyUnderContention() throws Exception {
    OverlappingLoads loads = new OverlappingLoads(store);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ZERO)
        .maxSurveysPerCustomer(new FrequencyCap(3, Duration.ofDays(365))).build();
    SurveyGate gate = SurveyGate.builder(policy).history(loads).build();
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
   * @throws Exception if a task failed
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
