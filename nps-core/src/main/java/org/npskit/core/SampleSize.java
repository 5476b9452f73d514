package org.npskit.core;

import java.util.Locale;
import org.npskit.core.internal.Checks;
import org.npskit.core.internal.Formulas;
import org.npskit.core.internal.NormalDistribution;

/**
 * Sample-size planning: how many responses give a target margin of error, and how many per group
 * detect a difference between two groups with a given power.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleSize {
  private static final long MAX_N = 1L << 50;

  private SampleSize() {}

  /**
   * The sample size for a margin of error in the worst case (promoter and detractor shares 1/2).
   *
   * @param points the target margin of error in points, &gt; 0
   * @param confidence the confidence level in (0, 1)
   * @return the required n by Wald and adjusted Wald (95 %, 5 points: Wald 1537)
   * @throws IllegalArgumentException if points is not positive and finite or the confidence is
   *     not in (0, 1)
   */
  public static SampleSizeEstimate forMarginOfError(double points, double confidence) {
    return forMarginOfError(points, confidence, 0.5, 0.5);
  }

  /**
   * The sample size for a margin of error with expected promoter and detractor shares: Wald n =
   * ceil(z^2 V / (E/100)^2); adjusted Wald = the smallest n with z sqrt(V'(n) / (n + 3)) &lt;=
   * E/100, where V'(n) is the variance of the expected counts plus the pseudo-counts.
   *
   * @param points the target margin of error in points, &gt; 0
   * @param confidence the confidence level in (0, 1)
   * @param promoterShare expected share of promoters in [0, 1]
   * @param detractorShare expected share of detractors in [0, 1], the sum at most 1
   * @return the required n by each method (at least 1)
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static SampleSizeEstimate forMarginOfError(
      double points, double confidence, double promoterShare, double detractorShare) {
    double e = Checks.positive("points", points) / 100.0;
    double z = NormalDistribution.criticalValue(confidence);
    double v = variance(promoterShare, detractorShare);
    long wald = Math.max(1L, ceil(z * z * v / (e * e)));
    long lo = 0;
    long hi = 1;
    while (!adjustedWaldMeets(hi, z, e, promoterShare, detractorShare)) {
      lo = hi;
      hi *= 2;
      if (hi > MAX_N) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "points %s needs more than %d responses", points, MAX_N));
      }
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (adjustedWaldMeets(mid, z, e, promoterShare, detractorShare)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new SampleSizeEstimate(wald, hi);
  }

  private static boolean adjustedWaldMeets(long n, double z, double e, double p, double d) {
    double dd = d * n + Formulas.ADJUST_OUTER;
    double rr = p * n + Formulas.ADJUST_OUTER;
    double pp = (1.0 - p - d) * n + Formulas.ADJUST_PASSIVE;
    return z * Formulas.standardError(dd, pp, rr) / 100.0 <= e;
  }

  /**
   * The per-group sample size to detect a difference of NPS between two equally sized
   * independent groups with a two-sided Wald z-test, worst case (V = 1 in both groups): n =
   * ceil((z_{1-alpha/2} + z_power)^2 (V_A + V_B) / (delta/100)^2).
   *
   * @param differencePoints the difference to detect in points, &gt; 0
   * @param confidence 1 - alpha, in (0, 1)
   * @param power the probability of detecting the difference, in (0, 1)
   * @return the required responses per group
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static long perGroupForDifference(
      double differencePoints, double confidence, double power) {
    return perGroupForDifference(differencePoints, confidence, power, 0.5, 0.5, 0.5, 0.5);
  }

  /**
   * The per-group sample size to detect a difference with expected shares in both groups.
   *
   * @param differencePoints the difference to detect in points, &gt; 0
   * @param confidence 1 - alpha, in (0, 1)
   * @param power the probability of detecting the difference, in (0, 1)
   * @param promoterShareA expected promoter share in group A
   * @param detractorShareA expected detractor share in group A
   * @param promoterShareB expected promoter share in group B
   * @param detractorShareB expected detractor share in group B
   * @return the required responses per group
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static long perGroupForDifference(
      double differencePoints,
      double confidence,
      double power,
      double promoterShareA,
      double detractorShareA,
      double promoterShareB,
      double detractorShareB) {
    double delta = Checks.positive("differencePoints", differencePoints) / 100.0;
    double za = NormalDistribution.criticalValue(confidence);
    double zb = NormalDistribution.quantile(Checks.openUnit("power", power));
    double v = variance(promoterShareA, detractorShareA) + variance(promoterShareB, detractorShareB);
    return Math.max(1L, ceil((za + zb) * (za + zb) * v / (delta * delta)));
  }

  private static double variance(double promoterShare, double detractorShare) {
    Checks.share("promoterShare", promoterShare);
    Checks.share("detractorShare", detractorShare);
    if (promoterShare + detractorShare > 1.0 + 1e-12) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "promoterShare + detractorShare must be <= 1, was %s + %s",
              promoterShare,
              detractorShare));
    }
    double diff = promoterShare - detractorShare;
    return promoterShare + detractorShare - diff * diff;
  }

  /** Ceiling that ignores floating noise just above an integer (relative 1e-12). */
  private static long ceil(double x) {
    double r = Math.rint(x);
    if (Math.abs(x - r) <= 1e-12 * Math.max(1.0, x)) {
      return (long) r;
    }
    return (long) Math.ceil(x);
  }
}
