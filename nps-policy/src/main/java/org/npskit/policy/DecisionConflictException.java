package org.npskit.policy;

import org.npskit.policy.internal.Checks;

/**
 * Thrown by {@link SurveyGate#decide} when every attempt to commit a decision lost a race with
 * concurrent decisions for the same customer or account. Nothing was recorded; the call may be
 * repeated. Under normal contention this does not happen (a loser's re-evaluation usually sees the
 * winner's survey and becomes a SKIP, which commits without a version check).
 *
 * <p>Immutable once thrown (like every exception); safe to pass between threads.
 */
public class DecisionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param orderId the order that could not be decided
   * @param attempts the number of attempts made
   */
  public DecisionConflictException(String orderId, int attempts) {
    super(Checks.format(
        "order %s: every one of %d attempts conflicted with concurrent decisions; nothing recorded",
        orderId, attempts));
  }
}
