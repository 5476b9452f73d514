package org.npskit.policy;

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
   * Called after every {@code decide}, {@code decideNow} or {@code evaluate}.
   *
   * @param decision the decision; never null
   * @param recorded whether the decision was stored in the history (false for dry runs,
   *     duplicates and store failures)
   */
  default void onDecision(Decision decision, boolean recorded) {}

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
