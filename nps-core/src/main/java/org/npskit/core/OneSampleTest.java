package org.npskit.core;

import java.util.Locale;
import org.npskit.core.internal.NormalDistribution;

/**
 * A two-sided z-test of one NPS against a target.
 *
 * <p>Immutable and thread-safe.
 *
 * @param target the hypothesised NPS in points
 * @param difference the raw NPS minus the target, in points
 * @param z the test statistic (infinite when the standard error is 0 and the estimate differs)
 */
public record OneSampleTest(double target, double difference, double z) {
  /**
   * Validates the values.
   *
   * @param target see the record component
   * @param difference see the record component
   * @param z see the record component
   * @throws IllegalArgumentException if a value is NaN
   */
  public OneSampleTest {
    if (Double.isNaN(target) || Double.isNaN(difference) || Double.isNaN(z)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "test values must be numbers, were target=%s, difference=%s, z=%s",
              target,
              difference,
              z));
    }
  }

  /**
   * The two-sided p-value 2 (1 - Phi(|z|)).
   *
   * @return p in [0, 1]
   */
  public double pValue() {
    return Math.min(1.0, 2.0 * NormalDistribution.complementaryCdf(Math.abs(z)));
  }
}
