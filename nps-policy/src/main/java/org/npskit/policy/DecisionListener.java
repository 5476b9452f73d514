package org.npskit.policy;

import java.time.Duration;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * Hook for metrics. Every method has a no-op default. Called synchronously on the deciding thread,
 * so implementations must be thread-safe and fast. An exception thrown by a listener is logged
 * (SLF4J, warn) and never propagated to the caller.
 */
public interface DecisionListener {

  /**
   * A listener that does nothing.
   *
   * @return the no-op listener
   */
  static DecisionListener noop() {
    return new DecisionListener() {};
  }

  /**
   * Called after every {@code decide}, {@code decideNow} or {@code evaluate} (by the default
   * {@link #onDecision(Decision, boolean, Duration)}).
   *
   * @param decision the decision; never null
   * @param recorded whether the decision was stored in the history (false for dry runs,
   *     duplicates and store failures)
   */
  default void onDecision(Decision decision, boolean recorded) {}

  /**
   * Called by the gate after every {@code decide}, {@code decideNow} or {@code evaluate}, with
   * how long the call took: from its start (validation included) to the decision, every store
   * call and re-evaluation after a lost race included, the listener itself not. Measured with
   * {@link System#nanoTime()}, so it is not affected by the gate's clock. The default calls
   * {@link #onDecision(Decision, boolean)}: a listener that needs no timing overrides that one,
   * one that does overrides this one (and then the gate does not call the other).
   *
   * @param decision the decision; never null
   * @param recorded as in {@link #onDecision(Decision, boolean)}
   * @param elapsed the time the call took until the decision; never null, never negative
   */
  default void onDecision(Decision decision, boolean recorded, Duration elapsed) {
    onDecision(decision, recorded);
  }

  /**
   * Called when a commit lost a race and the gate re-evaluates.
   *
   * @param orderId the order being decided; never null
   * @param attempt the attempt that conflicted, from 1
   */
  default void onConflict(String orderId, int attempt) {}

  /**
   * Called for every store failure the gate handled by its failure mode.
   *
   * @param failure the failure; never null
   */
  default void onStoreFailure(HistoryUnavailableException failure) {}
}
