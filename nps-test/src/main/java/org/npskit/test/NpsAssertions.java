package org.npskit.test;

import org.npskit.core.NpsResult;
import org.npskit.policy.Decision;

/**
 * AssertJ entry points for npskit's values. Import them statically beside AssertJ's own:
 *
 * <pre>{@code
 * import static org.npskit.test.NpsAssertions.assertThat;
 *
 * assertThat(gate.decide(toner))
 *     .isSkip()
 *     .hasReasons(ReasonCode.EXCLUDED_CATEGORY)
 *     .hasNoSubject();
 * assertThat(gate.decide(tv))
 *     .isSurvey()
 *     .hasSubjectSku("OLED55")
 *     .hasSendAt(Instant.parse("2026-03-04T10:00:00Z"));
 * assertThat(new NpsResult(15, 25, 60)).hasNps(45.0, 1e-9).hasIntervalContaining(40.0);
 * }</pre>
 *
 * <p>Stateless and thread-safe; every call returns a new assertion object.
 */
public final class NpsAssertions {
  private NpsAssertions() {}

  /**
   * Starts assertions on a decision.
   *
   * @param actual the decision under test; null fails every assertion but {@code isNull()}
   * @return the assertion
   */
  public static DecisionAssert assertThat(Decision actual) {
    return new DecisionAssert(actual);
  }

  /**
   * Starts assertions on a statistics result.
   *
   * @param actual the result under test; null fails every assertion but {@code isNull()}
   * @return the assertion
   */
  public static NpsResultAssert assertThat(NpsResult actual) {
    return new NpsResultAssert(actual);
  }
}
