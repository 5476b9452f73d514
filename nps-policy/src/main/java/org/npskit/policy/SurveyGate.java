package org.npskit.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.npskit.policy.internal.Checks;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.DecidedOrder;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey gate: policy + contact history + clock. Answers "should this purchase trigger a
 * survey?" and records the answer atomically.
 *
 * <p><b>Time.</b> {@link #decide(Purchase)} and {@link #evaluate(Purchase)} use the purchase's
 * event time (delivered-at, else ordered-at) as decision time {@code now}; the {@code (purchase,
 * now)} overloads take it explicitly; {@link #decideNow} and {@link #evaluateNow} use the clock.
 * The clock is also used by {@link #recordResponse(String)} and {@link #purgeExpired()}, and it
 * bounds what the default in-memory store forgets (see {@link InMemoryContactHistory}). Decision
 * times are truncated to microseconds (the precision stores keep).
 *
 * <p><b>Atomicity.</b> {@code decide} loads a snapshot, runs the rules (a pure function) and
 * commits with the snapshot's version tokens. A lost race reloads and re-evaluates, up to
 * {@link Builder#maxAttempts} times, then throws {@link DecisionConflictException}. So across
 * threads and processes sharing a store, the surveys recorded for a customer never break the
 * policy, and an order id is decided once.
 *
 * <p><b>Store failures.</b> A {@link HistoryUnavailableException} in {@code decide}/{@code
 * evaluate} follows {@link SurveyPolicy#storeFailure()} (see {@link StoreFailureMode}); it is
 * logged at warn once per incident (an incident lasts until the failed step, load or commit,
 * succeeds again; a successful commit ends any incident) and reported to the
 * listener every time. The management methods ({@code cancel}, {@code recordResponse}, opt-out,
 * purge, erase) propagate it.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use; share one gate per policy.
 *
 * <p><b>Nulls.</b> No argument may be null ({@link NullPointerException}).
 */
public final class SurveyGate {
  private static final Logger LOG = LoggerFactory.getLogger(SurveyGate.class);
  private static final Duration MIN_DEFAULT_RETENTION = Duration.ofDays(30);

  private final SurveyPolicy policy;
  private final ContactHistory history;
  private final Clock clock;
  private final DecisionListener listener;
  private final int maxAttempts;
  /** The gate's step (load or commit) that failed in the current incident; null if none. */
  private final AtomicReference<StoreOperation> failingOperation = new AtomicReference<>();

  private SurveyGate(Builder b) {
    this.policy = b.policy;
    this.history =
        b.history != null
            ? b.history
            : InMemoryContactHistory.withRetention(defaultRetention(b.policy), b.clock);
    this.clock = b.clock;
    this.listener = b.listener;
    this.maxAttempts = b.maxAttempts;
  }

  /**
   * Starts a gate for the policy. Defaults: an {@link InMemoryContactHistory} with retention
   * twice the policy's longest window but at least 30 days (so redeliveries are recognised even
   * when every window is off) on the gate's clock, {@link Clock#systemUTC()}, a no-op listener,
   * 32 attempts.
   *
   * @param policy the policy; not null
   * @return a new builder
   * @throws NullPointerException if {@code policy} is null
   */
  public static Builder builder(SurveyPolicy policy) {
    return new Builder(policy);
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public SurveyPolicy policy() {
    return policy;
  }

  /**
   * The contact history.
   *
   * @return the store
   */
  public ContactHistory history() {
    return history;
  }

  /**
   * Decides at the purchase's event time and records the decision atomically (the order id for
   * every outcome, the survey for SURVEY).
   *
   * @param purchase the purchase; not null
   * @return the decision
   * @throws IllegalArgumentException if the order's currency has no threshold while thresholds
   *     are set (nothing is recorded)
   * @throws DecisionConflictException if every attempt lost a race
   */
  public Decision decide(Purchase purchase) {
    return decide(purchase, Objects.requireNonNull(purchase, "purchase").eventTime());
  }

  /**
   * Decides at the clock's current instant and records the decision.
   *
   * @param purchase the purchase; not null
   * @return the decision
   * @throws IllegalArgumentException as {@link #decide(Purchase)}
   * @throws DecisionConflictException if every attempt lost a race
   */
  public Decision decideNow(Purchase purchase) {
    return decide(purchase, clock.instant());
  }

  /**
   * Decides at the given time and records the decision.
   *
   * @param purchase the purchase; not null
   * @param now the decision time; not null, in years 1 to 9999 (UTC)
   * @return the decision
   * @throws IllegalArgumentException as {@link #decide(Purchase)}, or if {@code now} is outside
   *     years 1 to 9999
   * @throws DecisionConflictException if every attempt lost a race
   */
  public Decision decide(Purchase purchase, Instant now) {
    long started = System.nanoTime();
    Objects.requireNonNull(purchase, "purchase");
    Instant at = truncate(now);
    policy.requireThresholdsFor(purchase.currency());
    Decision expired;
    try {
      expired = expired(purchase, at);
    } catch (HistoryUnavailableException e) {
      return report(storeFailure(purchase, at, e, null), false, started);
    }
    if (expired != null) {
      return report(expired, false, started);
    }
    HistoryQuery query = query(purchase, at);
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      HistorySnapshot snapshot;
      try {
        snapshot = load(query);
      } catch (HistoryUnavailableException e) {
        return report(storeFailure(purchase, at, e, null), false, started);
      }
      Evaluation evaluation = RuleEngine.evaluate(purchase, policy, snapshot, at);
      Decision decision = evaluation.decision();
      if (evaluation.commit() == null) {
        return report(decision, false, started);
      }
      boolean committed;
      try {
        committed = history.commit(evaluation.commit());
        recovered(StoreOperation.COMMIT);
      } catch (HistoryUnavailableException e) {
        noteFailure(e, StoreOperation.COMMIT);
        return afterFailedCommit(purchase, query, at, evaluation, e, started);
      }
      if (committed) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("order {} customer {}: {} {} subject={}", purchase.orderId(),
              purchase.customerId(), decision.outcome(), decision.reasonCodes(),
              decision.subjectSku().orElse(null));
        }
        return report(decision, true, started);
      }
      LOG.debug("order {}: commit conflict on attempt {}, re-evaluating", purchase.orderId(),
          attempt);
      notifyConflict(purchase.orderId(), attempt);
    }
    throw new DecisionConflictException(purchase.orderId(), maxAttempts);
  }

  /**
   * Dry run at the purchase's event time: the decision {@code decide} would make now; records
   * nothing and never changes the history.
   *
   * @param purchase the purchase; not null
   * @return the decision
   * @throws IllegalArgumentException as {@link #decide(Purchase)}
   */
  public Decision evaluate(Purchase purchase) {
    return evaluate(purchase, Objects.requireNonNull(purchase, "purchase").eventTime());
  }

  /**
   * Dry run at the clock's current instant.
   *
   * @param purchase the purchase; not null
   * @return the decision
   * @throws IllegalArgumentException as {@link #decide(Purchase)}
   */
  public Decision evaluateNow(Purchase purchase) {
    return evaluate(purchase, clock.instant());
  }

  /**
   * Dry run at the given time.
   *
   * @param purchase the purchase; not null
   * @param now the decision time; not null, in years 1 to 9999 (UTC)
   * @return the decision
   * @throws IllegalArgumentException as {@link #decide(Purchase)}, or if {@code now} is outside
   *     years 1 to 9999
   */
  public Decision evaluate(Purchase purchase, Instant now) {
    long started = System.nanoTime();
    Objects.requireNonNull(purchase, "purchase");
    Instant at = truncate(now);
    policy.requireThresholdsFor(purchase.currency());
    HistorySnapshot snapshot;
    try {
      Decision expired = expired(purchase, at);
      if (expired != null) {
        return report(expired, false, started);
      }
      snapshot = load(query(purchase, at));
    } catch (HistoryUnavailableException e) {
      return report(storeFailure(purchase, at, e, null), false, started);
    }
    Decision decision = RuleEngine.evaluate(purchase, policy, snapshot, at).decision();
    return report(decision, false, started);
  }

  /**
   * Releases the survey of a cancelled or returned order (it no longer counts for cooldowns,
   * caps or repeat subjects); the order id stays decided.
   *
   * @param orderId the order; not null
   * @return true if a survey was released
   * @throws HistoryUnavailableException if the store fails
   */
  public boolean cancel(String orderId) {
    boolean released = history.cancel(Objects.requireNonNull(orderId, "orderId"));
    LOG.debug("cancel order {}: released={}", orderId, released);
    return released;
  }

  /**
   * Records a response now (clock time).
   *
   * @param customerId the customer; not null
   * @throws HistoryUnavailableException if the store fails
   */
  public void recordResponse(String customerId) {
    recordResponse(customerId, clock.instant());
  }

  /**
   * Records a response at the given time (starts the response cooldown).
   *
   * @param customerId the customer; not null
   * @param at the response time; not null, in years 1 to 9999 (UTC)
   * @throws IllegalArgumentException if {@code at} is outside years 1 to 9999
   * @throws HistoryUnavailableException if the store fails
   */
  public void recordResponse(String customerId, Instant at) {
    Objects.requireNonNull(customerId, "customerId");
    history.recordResponse(customerId, truncate(at));
  }

  /**
   * Opts the customer out: every later decision is SKIP with {@code NO_CONSENT}.
   *
   * @param customerId the customer; not null
   * @throws HistoryUnavailableException if the store fails
   */
  public void optOut(String customerId) {
    history.setOptedOut(Objects.requireNonNull(customerId, "customerId"), true);
  }

  /**
   * Withdraws an opt-out.
   *
   * @param customerId the customer; not null
   * @throws HistoryUnavailableException if the store fails
   */
  public void optIn(String customerId) {
    history.setOptedOut(Objects.requireNonNull(customerId, "customerId"), false);
  }

  /**
   * Erases everything stored about the customer (GDPR).
   *
   * @param customerId the customer; not null
   * @throws HistoryUnavailableException if the store fails
   */
  public void eraseCustomer(String customerId) {
    history.eraseCustomer(Objects.requireNonNull(customerId, "customerId"));
  }

  /**
   * Retention: purges entries older than the clock's instant minus the policy's longest window.
   *
   * @throws IllegalArgumentException if the clock's instant is outside years 1 to 9999
   * @throws HistoryUnavailableException if the store fails
   */
  public void purgeExpired() {
    history.purge(Checks.inTimeRange(clock.instant(), "clock instant").minus(policy.longestWindow()));
  }

  private static Duration defaultRetention(SurveyPolicy policy) {
    Duration twice = policy.longestWindow().multipliedBy(2);
    return twice.compareTo(MIN_DEFAULT_RETENTION) < 0 ? MIN_DEFAULT_RETENTION : twice;
  }

  private HistoryQuery query(Purchase purchase, Instant now) {
    Duration longest = policy.longestWindow();
    // The frequent-buyer rule counts the customer's decided orders in the trigger's window.
    Instant ordersFrom =
        policy.relationshipTrigger().map(trigger -> now.minus(trigger.window())).orElse(null);
    return new HistoryQuery(
        purchase.customerId(), purchase.accountId().orElse(null), purchase.orderId(),
        now.minus(longest), now.plus(longest), ordersFrom);
  }

  /**
   * The {@code HISTORY_EXPIRED} answer when the policy's windows around {@code now} reach before
   * what the store still holds (so surveys they must see may be forgotten), else null.
   */
  private Decision expired(Purchase purchase, Instant now) {
    Optional<Instant> forgotten = history.forgottenBefore();
    if (forgotten.isEmpty()) {
      return null;
    }
    Duration longest = policy.longestWindow();
    if (!now.minus(longest).isBefore(forgotten.get())) {
      return null;
    }
    return RuleEngine.skipWithoutSubject(purchase, now, new Reason(ReasonCode.HISTORY_EXPIRED,
        "the decision time " + Checks.instantText(now) + " minus the longest window "
            + Checks.durationText(longest) + " lies before "
            + Checks.instantText(forgotten.get())
            + ", from when on the contact history holds everything; surveys the rules must see"
            + " may be forgotten"));
  }

  private HistorySnapshot load(HistoryQuery query) {
    HistorySnapshot snapshot = history.load(query);
    recovered(StoreOperation.LOAD);
    return snapshot;
  }

  private static Instant truncate(Instant now) {
    return Checks.inTimeRange(now, "now").truncatedTo(ChronoUnit.MICROS);
  }

  private Decision storeFailure(
      Purchase purchase, Instant now, HistoryUnavailableException e, Decision evaluated) {
    noteFailure(e, evaluated == null ? StoreOperation.LOAD : StoreOperation.COMMIT);
    return failureDecision(purchase, now, e, evaluated);
  }

  /** Logs the failure once per incident and tells the listener every time. */
  private void noteFailure(HistoryUnavailableException e, StoreOperation step) {
    if (failingOperation.compareAndSet(null, step)) {
      LOG.warn("contact history unavailable ({}), failing {}: {}", e.operation(),
          policy.storeFailure() == StoreFailureMode.FAIL_OPEN ? "open" : "closed", e.toString());
    }
    try {
      listener.onStoreFailure(e);
    } catch (RuntimeException listenerFailure) {
      LOG.warn("decision listener failed in onStoreFailure", listenerFailure);
    }
  }

  /** The store-failure answer: the evaluated decision or the rules on no history (fail-open), or
   * a SKIP with {@code HISTORY_UNAVAILABLE} (fail-closed). */
  private Decision failureDecision(
      Purchase purchase, Instant now, HistoryUnavailableException e, Decision evaluated) {
    if (policy.storeFailure() == StoreFailureMode.FAIL_OPEN) {
      if (evaluated != null) {
        return evaluated;
      }
      return RuleEngine.evaluate(purchase, policy, HistorySnapshot.empty(), now).decision();
    }
    return RuleEngine.skipWithoutSubject(purchase, now, new Reason(ReasonCode.HISTORY_UNAVAILABLE,
        Checks.format("contact history unavailable during %s", e.operation())));
  }

  /**
   * A commit that threw may still have been applied (the connection broke after the statement
   * was sent). Reads the order back and answers what the store holds: this decision, recorded,
   * when the store holds it; the duplicate when it holds another decision of the order (a racing
   * instance's); the store-failure answer when it holds none or cannot be read.
   */
  private Decision afterFailedCommit(Purchase purchase, HistoryQuery query, Instant at,
      Evaluation evaluation, HistoryUnavailableException failure, long started) {
    Decision decision = evaluation.decision();
    HistorySnapshot snapshot;
    try {
      snapshot = history.load(query);
    } catch (HistoryUnavailableException e) {
      return report(failureDecision(purchase, at, failure, decision), false, started);
    }
    if (!snapshot.orderDecided()) {
      return report(failureDecision(purchase, at, failure, decision), false, started);
    }
    if (holds(snapshot, evaluation.commit())) {
      LOG.info("order {}: the commit failed ({}), but the store holds this decision",
          purchase.orderId(), failure.toString());
      return report(decision, true, started);
    }
    if (snapshot.decidedOrder() == null && !evaluation.commit().isSurvey()) {
      // The store cannot say whose skip it holds: no answer beyond the failure is honest.
      return report(failureDecision(purchase, at, failure, decision), false, started);
    }
    return report(RuleEngine.duplicate(purchase, policy, snapshot, at), false, started);
  }

  /** Whether the snapshot shows this commit's decision recorded for its order. */
  private static boolean holds(HistorySnapshot snapshot, CommitRequest commit) {
    DecidedOrder recorded = snapshot.decidedOrder();
    if (recorded != null) {
      return recorded.survey() == commit.isSurvey()
          && recorded.decidedAt().equals(commit.decidedAt());
    }
    return commit.isSurvey() && snapshot.customerSurveys().contains(commit.survey());
  }

  /**
   * Ends the current incident when the operation that failed has succeeded again. A successful
   * commit ends any incident (the store answered both calls of the decision); a successful load
   * does not end a commit incident, so a store that reads but cannot write is logged once, not
   * once per decision.
   */
  private void recovered(StoreOperation operation) {
    StoreOperation failing = failingOperation.get();
    if (failing != null && (failing == operation || operation == StoreOperation.COMMIT)
        && failingOperation.compareAndSet(failing, null)) {
      LOG.info("contact history available again");
    }
  }

  /** Tells the listener, with the time since {@code started} ({@link System#nanoTime()}). */
  private Decision report(Decision decision, boolean recorded, long started) {
    Duration elapsed = Duration.ofNanos(Math.max(0, System.nanoTime() - started));
    try {
      listener.onDecision(decision, recorded, elapsed);
    } catch (RuntimeException e) {
      LOG.warn("decision listener failed in onDecision for order {}", decision.orderId(), e);
    }
    return decision;
  }

  private void notifyConflict(String orderId, int attempt) {
    try {
      listener.onConflict(orderId, attempt);
    } catch (RuntimeException e) {
      LOG.warn("decision listener failed in onConflict for order {}", orderId, e);
    }
  }

  /** Builds a {@link SurveyGate}. Not thread-safe. */
  public static final class Builder {
    private final SurveyPolicy policy;
    private ContactHistory history;
    private Clock clock = Clock.systemUTC();
    private DecisionListener listener = DecisionListener.noop();
    private int maxAttempts = 32;

    private Builder(SurveyPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Sets the contact history (default: a new in-memory store).
     *
     * @param history the store; not null
     * @return this builder
     */
    public Builder history(ContactHistory history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /**
     * Sets the clock (default {@link Clock#systemUTC()}).
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the listener (default no-op).
     *
     * @param listener the listener; not null
     * @return this builder
     */
    public Builder listener(DecisionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how many load-evaluate-commit attempts {@code decide} makes before giving up.
     *
     * @param maxAttempts at least 1 (default 32)
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            Checks.format("maxAttempts must be at least 1, was %d", maxAttempts));
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Builds the gate.
     *
     * @return the gate
     */
    public SurveyGate build() {
      return new SurveyGate(this);
    }
  }
}
