package org.npskit.policy;

import java.util.Objects;
import org.npskit.policy.spi.CommitRequest;

/**
 * The pure result of the rules for one purchase: the decision, and what to write to the contact
 * history for it (nothing when the order was already decided).
 *
 * <p>Immutable and thread-safe.
 *
 * @param decision the decision
 * @param commit the request to commit (a survey for SURVEY, the order id for SKIP), or null when
 *     nothing is to be written
 */
record Evaluation(Decision decision, CommitRequest commit) {
  /**
   * Validates.
   *
   * @param decision not null
   * @param commit a survey request exactly for SURVEY; null only for a SKIP
   */
  Evaluation {
    Objects.requireNonNull(decision, "decision");
    if (commit == null ? decision.isSurvey() : decision.isSurvey() != commit.isSurvey()) {
      throw new IllegalArgumentException(
          "commit must record a survey exactly for SURVEY, was " + commit + " for " + decision);
    }
  }
}
