package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npskit.core.internal.Formulas;
import org.npskit.core.internal.NormalDistribution;

/**
 * Tango bounds against an independent 80-digit reference: Tango's Z evaluated in
 * {@link BigDecimal} straight from the formula of the statistics contract, its roots found by
 * 200 bisection steps. The cases include counts where the discriminant B^2 - 4AC nears 0 at a
 * bound (a plain double evaluation of Z is off there by up to 6e-8 points).
 */
class TangoPrecisionTest {
  private static final MathContext MC = new MathContext(80);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private static BigDecimal z(BigDecimal d, BigDecimal r, BigDecimal n, BigDecimal delta) {
    BigDecimal a = n.multiply(TWO);
    BigDecimal b = d.negate().subtract(r).add(n.multiply(TWO).subtract(r).add(d).multiply(delta));
    BigDecimal c = d.negate().multiply(delta).multiply(BigDecimal.ONE.subtract(delta));
    BigDecimal disc = b.multiply(b).subtract(a.multiply(c).multiply(BigDecimal.valueOf(4)));
    BigDecimal root = disc.signum() <= 0 ? BigDecimal.ZERO : disc.sqrt(MC);
    BigDecimal q = root.subtract(b).divide(a.multiply(TWO), MC);
    BigDecimal numerator = r.subtract(d).subtract(n.multiply(delta));
    BigDecimal var = n.multiply(q.multiply(TWO).add(delta.multiply(BigDecimal.ONE.subtract(delta))));
    return numerator.divide(var.sqrt(MC), MC);
  }

  /** Bisection for Z(delta) = target on [lo, hi] where Z is decreasing; result in points. */
  private static double root(BigDecimal d, BigDecimal r, BigDecimal n, double target,
      BigDecimal lo, BigDecimal hi) {
    BigDecimal t = new BigDecimal(target);
    for (int i = 0; i < 200; i++) {
      BigDecimal mid = lo.add(hi).divide(TWO, MC);
      if (z(d, r, n, mid).compareTo(t) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo.add(hi).divide(TWO, MC).doubleValue() * 100.0;
  }

  @ParameterizedTest
  @CsvSource({
    "68, 1, 0, 0.5173", "46, 1, 0, 0.5158", "68, 1, 0, 0.95", "1, 2, 3, 0.95", "15, 25, 60, 0.99",
    "0, 1, 68, 0.5173", "30, 0, 1, 0.8", "100, 3, 2, 0.6", "3, 200, 4, 0.999", "5000, 1, 0, 0.9"
  })
  void boundsMatchThe80DigitReference(long d, long p, long r, double confidence) {
    NpsResult result = NpsTally.ofCategories(d, p, r).toResult();
    Interval i = result.interval(confidence, IntervalMethod.TANGO_SCORE);
    double crit = NormalDistribution.criticalValue(confidence);
    BigDecimal bd = BigDecimal.valueOf(d);
    BigDecimal br = BigDecimal.valueOf(r);
    BigDecimal bn = BigDecimal.valueOf(d + p + r);
    BigDecimal estimate = br.subtract(bd).divide(bn, MC);
    if (i.low() > -100.0) {
      assertThat(i.low()).isCloseTo(root(bd, br, bn, crit, BigDecimal.ONE.negate(), estimate),
          within(1e-11));
    }
    if (i.high() < 100.0) {
      assertThat(i.high()).isCloseTo(root(bd, br, bn, -crit, estimate, BigDecimal.ONE),
          within(1e-11));
    }
  }

  /** Plain bisection on the double Z of the library, 200 steps: the solver before Brent's. */
  private static double bisect(double d, double r, double n, double target, double lo, double hi) {
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
      double mid = 0.5 * (lo + hi);
      if (Formulas.tangoZ(d, r, n, mid) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 100.0 * 0.5 * (lo + hi);
  }

  @Test
  void brentsBoundsAgreeWithBisectionOnEveryCountUpToThirty() {
    // the same roots of the same Z: Brent's method stops at a bracket of about 2e-15 on the
    // share scale, bisection at 1e-15; measured largest difference 1e-13 points (n <= 1000)
    for (double confidence : new double[] {0.8, 0.95, 0.999}) {
      double crit = NormalDistribution.criticalValue(confidence);
      for (int n = 1; n <= 30; n++) {
        for (int d = 0; d <= n; d++) {
          for (int r = 0; r + d <= n; r++) {
            Interval i =
                new NpsResult(d, n - d - r, r).interval(confidence, IntervalMethod.TANGO_SCORE);
            double estimate = (r - d) / (double) n;
            double low = Formulas.tangoZ(d, r, n, -1.0) <= crit ? -100.0
                : bisect(d, r, n, crit, -1.0, estimate);
            double high = Formulas.tangoZ(d, r, n, 1.0) >= -crit ? 100.0
                : bisect(d, r, n, -crit, estimate, 1.0);
            assertThat(i.low()).as("low of (%d, %d, %d)", d, n - d - r, r)
                .isCloseTo(low, within(1e-12));
            assertThat(i.high()).as("high of (%d, %d, %d)", d, n - d - r, r)
                .isCloseTo(high, within(1e-12));
          }
        }
      }
    }
  }
}
