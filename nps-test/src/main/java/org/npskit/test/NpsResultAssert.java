package org.npskit.test;

import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.npskit.core.Interval;
import org.npskit.core.NpsResult;

/**
 * AssertJ assertions on an {@link NpsResult}; start with {@link
 * NpsAssertions#assertThat(NpsResult)}. A failure message shows the counts, the NPS, its standard
 * error and the default 95 % interval.
 *
 * <pre>{@code
 * assertThat(new NpsResult(15, 25, 60)).hasNps(45.0, 1e-9).hasIntervalContaining(40.0);
 * }</pre>
 *
 * <p>Not thread-safe (as AssertJ assertions are not); use it on the test's thread.
 */
public final class NpsResultAssert extends AbstractAssert<NpsResultAssert, NpsResult> {
  private static final double CONFIDENCE = 0.95;

  NpsResultAssert(NpsResult actual) {
    super(actual, NpsResultAssert.class);
  }

  /**
   * Verifies the NPS in points, within a tolerance.
   *
   * @param expected the expected NPS in points (-100 to 100)
   * @param tolerance the largest accepted absolute difference in points; finite and not negative
   * @return this assertion
   * @throws IllegalArgumentException if the tolerance is negative, NaN or infinite
   */
  public NpsResultAssert hasNps(double expected, double tolerance) {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance must be finite and not negative, was " + tolerance);
    }
    isNotNull();
    if (!(Math.abs(actual.nps() - expected) <= tolerance)) {
      failWithMessage("%nExpecting NPS %s +/- %s, but it was:%n%s", expected, tolerance,
          describe(actual));
    }
    return this;
  }

  /**
   * Verifies that the default 95 % interval (adjusted Wald, see {@link
   * NpsResult#interval(double)}) contains the value, bounds included.
   *
   * @param points the value in points
   * @return this assertion
   */
  public NpsResultAssert hasIntervalContaining(double points) {
    isNotNull();
    if (!actual.interval(CONFIDENCE).contains(points)) {
      failWithMessage("%nExpecting the 95 %% interval to contain %s, but it was:%n%s", points,
          describe(actual));
    }
    return this;
  }

  static String describe(NpsResult r) {
    Interval i = r.interval(CONFIDENCE);
    return String.format(Locale.ROOT,
        "  n=%d (detractors %d, passives %d, promoters %d)%n  NPS %.4f, SE %.4f,"
            + " 95 %% interval [%.4f, %.4f]",
        r.n(), r.detractors(), r.passives(), r.promoters(), r.nps(),
        r.standardError(), i.low(), i.high());
  }
}
