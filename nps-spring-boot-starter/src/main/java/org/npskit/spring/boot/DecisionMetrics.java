package org.npskit.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * Micrometer meters of the gate, fed through {@link DecisionListener}: counter
 * {@value #DECISIONS} (tags {@code outcome}, {@code reason}: the primary reason code or
 * {@code none}), timer {@value #DECIDE} (from the gate's first store call to the decision),
 * counter {@value #STORE_FAILURES} (tag {@code operation}) and counter {@value #CONFLICTS}
 * (commits that lost a race). Thread-safe.
 */
final class DecisionMetrics implements DecisionListener, HistoryTiming {

  static final String DECISIONS = "npskit.decisions";
  static final String DECIDE = "npskit.decide";
  static final String STORE_FAILURES = "npskit.store.failures";
  static final String CONFLICTS = "npskit.conflicts";

  private final MeterRegistry registry;
  private final Timer decide;
  private final Counter conflicts;
  /** Per thread: [0] the start in nanoseconds, [1] 1 while a decision is being timed. */
  private final ThreadLocal<long[]> start = ThreadLocal.withInitial(() -> new long[2]);

  DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.decide = Timer.builder(DECIDE)
        .description("Time of one survey decision (decide or evaluate)")
        .register(registry);
    this.conflicts = Counter.builder(CONFLICTS)
        .description("Commits that lost a race and were re-evaluated")
        .register(registry);
  }

  @Override
  public ContactHistory timed(ContactHistory history) {
    return new TimedHistory(history, start);
  }

  @Override
  public void onDecision(Decision decision, boolean recorded) {
    long[] s = start.get();
    if (s[1] == 1) {
      s[1] = 0;
      decide.record(System.nanoTime() - s[0], TimeUnit.NANOSECONDS);
    }
    Counter.builder(DECISIONS)
        .description("Survey decisions by outcome and primary reason")
        .tag("outcome", decision.outcome().name())
        .tag("reason", decision.primaryReason().map(r -> r.code().name()).orElse("none"))
        .register(registry)
        .increment();
  }

  @Override
  public void onConflict(String orderId, int attempt) {
    conflicts.increment();
  }

  @Override
  public void onStoreFailure(HistoryUnavailableException failure) {
    Counter.builder(STORE_FAILURES)
        .description("Store failures the gate handled by its store-failure mode")
        .tag("operation", String.valueOf(failure.operation()))
        .register(registry)
        .increment();
  }
}
