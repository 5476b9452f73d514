package org.npskit.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * Micrometer meters of the gate, fed through {@link DecisionListener}: counter
 * {@value #DECISIONS} (tags {@code outcome}, {@code reason}: the primary reason code or
 * {@code none}), timer {@value #DECIDE} (the whole {@code decide} or {@code evaluate} call, as
 * the gate measures it for {@link #onDecision(Decision, boolean, Duration)}),
 * counter {@value #STORE_FAILURES} (tag {@code operation}) and counter {@value #CONFLICTS}
 * (commits that lost a race). Thread-safe.
 */
final class DecisionMetrics implements DecisionListener {

  static final String DECISIONS = "npskit.decisions";
  static final String DECIDE = "npskit.decide";
  static final String STORE_FAILURES = "npskit.store.failures";
  static final String CONFLICTS = "npskit.conflicts";

  private final MeterRegistry registry;
  private final Timer decide;
  private final Counter conflicts;

  DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.decide = Timer.builder(DECIDE)
        .description("Time of one survey decision (decide or evaluate)")
        .register(registry);
    this.conflicts = Counter.builder(CONFLICTS)
        .description("Commits that lost a race and were re-evaluated")
        .register(registry);
  }

  /** Times and counts the decision. */
  @Override
  public void onDecision(Decision decision, boolean recorded, Duration elapsed) {
    decide.record(elapsed);
    onDecision(decision, recorded);
  }

  /** Counts the decision (a caller that did not time it; the gate calls the timed method). */
  @Override
  public void onDecision(Decision decision, boolean recorded) {
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
