package org.npskit.core.internal;

import java.util.Locale;

/**
 * The standard normal distribution: CDF and quantile, accurate to about 1e-15 absolute.
 *
 * <p>Quantile: Wichura, M.J. (1988), "Algorithm AS 241: The Percentage Points of the Normal
 * Distribution", Applied Statistics 37(3), 477-484 (PPND16, relative accuracy about 1e-16).
 *
 * <p>CDF: for |x| &lt; 3 the Taylor series of Marsaglia, G. (2004), "Evaluating the Normal
 * Distribution", Journal of Statistical Software 11(4): Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/15
 * + ...); for |x| &gt;= 3 the tail by Laplace's continued fraction (Abramowitz and Stegun 26.2.14)
 * evaluated with the modified Lentz algorithm, which keeps relative accuracy far in the tails.
 *
 * <p>Stateless and thread-safe.
 */
public final class NormalDistribution {
  private static final double INV_SQRT_2PI = 0.398_942_280_401_432_677_939_946_059_934_4;

  private NormalDistribution() {}

  /**
   * The standard normal density.
   *
   * @param x the point
   * @return phi(x)
   */
  public static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /**
   * The standard normal CDF Phi(x).
   *
   * @param x the point; infinities allowed
   * @return P(Z &lt;= x)
   * @throws IllegalArgumentException if x is NaN
   */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("x must be a number, was NaN");
    }
    if (x >= 3.0) {
      return 1.0 - upperTail(x);
    }
    if (x <= -3.0) {
      return upperTail(-x);
    }
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int i = 3; i < 400; i += 2) {
      term = term * x2 / i;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 + density(x) * sum;
  }

  /**
   * The upper tail Q(x) = 1 - Phi(x), computed without cancellation for large x.
   *
   * @param x the point
   * @return P(Z &gt; x)
   * @throws IllegalArgumentException if x is NaN
   */
  public static double complementaryCdf(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("x must be a number, was NaN");
    }
    if (x >= 3.0) {
      return upperTail(x);
    }
    return 1.0 - cdf(x);
  }

  /** Q(x) for x &gt;= 3: phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) by modified Lentz. */
  private static double upperTail(double x) {
    if (x > 40.0) {
      return 0.0;
    }
    final double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0.0;
    for (int k = 1; k < 500; k++) {
      d = x + k * d;
      d = d == 0.0 ? tiny : d;
      c = x + k / c;
      c = c == 0.0 ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return density(x) / f;
  }

  /**
   * The quantile Phi^-1(p) by Wichura's AS 241 (PPND16).
   *
   * @param p the probability, strictly between 0 and 1
   * @return x with Phi(x) = p
   * @throws IllegalArgumentException if p is NaN or not in (0, 1)
   */
  public static double quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "p must be in (0, 1), was %s", p));
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      double num = (((((((2.50908_09287_30122_6727e+3 * r
          + 3.34305_75583_58812_8105e+4) * r
          + 6.72657_70927_00870_0853e+4) * r
          + 4.59219_53931_54987_1457e+4) * r
          + 1.37316_93765_50946_1125e+4) * r
          + 1.97159_09503_06551_4427e+3) * r
          + 1.33141_66789_17843_7745e+2) * r
          + 3.38713_28727_96366_6080e+0) * q;
      double den = ((((((5.22649_52788_52854_5610e+3 * r
          + 2.87290_85735_72194_2674e+4) * r
          + 3.93078_95800_09271_0610e+4) * r
          + 2.12137_94301_58659_5867e+4) * r
          + 5.39419_60214_24751_1077e+3) * r
          + 6.87187_00749_20579_0830e+2) * r
          + 4.23133_30701_60091_1252e+1) * r
          + 1.0;
      return num / den;
    }
    double r = q <= 0.0 ? p : 1.0 - p;
    r = Math.sqrt(-Math.log(r));
    double num;
    double den;
    if (r <= 5.0) {
      r -= 1.6;
      num = ((((((7.74545_01427_83414_07640e-4 * r
          + 2.27238_44989_26918_45833e-2) * r
          + 2.41780_72517_74506_11770e-1) * r
          + 1.27045_82524_52368_38258e+0) * r
          + 3.64784_83247_63204_60504e+0) * r
          + 5.76949_72214_60691_40550e+0) * r
          + 4.63033_78461_56545_29590e+0) * r
          + 1.42343_71107_49683_57734e+0;
      den = ((((((1.05075_00716_44416_84324e-9 * r
          + 5.47593_80849_95344_94600e-4) * r
          + 1.51986_66563_61645_71966e-2) * r
          + 1.48103_97642_74800_74590e-1) * r
          + 6.89767_33498_51000_04550e-1) * r
          + 1.67638_48301_83803_84940e+0) * r
          + 2.05319_16266_37758_82187e+0) * r
          + 1.0;
    } else {
      r -= 5.0;
      num = ((((((2.01033_43992_92288_13265e-7 * r
          + 2.71155_55687_43487_57815e-5) * r
          + 1.24266_09473_88078_43860e-3) * r
          + 2.65321_89526_57612_30930e-2) * r
          + 2.96560_57182_85048_91230e-1) * r
          + 1.78482_65399_17291_33580e+0) * r
          + 5.46378_49111_64114_36990e+0) * r
          + 6.65790_46435_01103_77720e+0;
      den = ((((((2.04426_31033_89939_78564e-15 * r
          + 1.42151_17583_16445_88870e-7) * r
          + 1.84631_83175_10054_68180e-5) * r
          + 7.86869_13114_56132_59100e-4) * r
          + 1.48753_61290_85061_48525e-2) * r
          + 1.36929_88092_27358_05310e-1) * r
          + 5.99832_20655_58879_37690e-1) * r
          + 1.0;
    }
    double x = num / den;
    return q < 0.0 ? -x : x;
  }

  /**
   * The two-sided critical value z = Phi^-1(1 - (1 - c)/2) for a confidence level.
   *
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the critical value, positive
   * @throws IllegalArgumentException if the confidence is NaN or not in (0, 1)
   */
  public static double criticalValue(double confidence) {
    Checks.confidence(confidence);
    double upper = 1.0 - (1.0 - confidence) / 2.0;
    // Within 1.1e-16 of 1 the upper tail probability rounds to 1: use the lower tail instead.
    return upper < 1.0 ? quantile(upper) : -quantile((1.0 - confidence) / 2.0);
  }
}
