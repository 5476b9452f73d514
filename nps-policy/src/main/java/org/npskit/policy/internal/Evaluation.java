package org.npskit.policy.internal;

import java.util.Objects;
import org.npskit.policy.Decision;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The pure result of the rules: the decision and, for SURVEY, the survey to record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param decision the decision
 * @param survey the survey to record, or null unless SURVEY
 */
public record Evaluation(Decision decision, SurveyRecord survey) {
  /**
   * Validates.
   *
   * @param decision not null
   * @param survey present exactly for SURVEY
   */
  public Evaluation {
    Objects.requireNonNull(decision, "decision");
    if (decision.isSurvey() != (survey != null)) {
      throw new IllegalArgumentException("survey must be present exactly for SURVEY");
    }
  }
}
