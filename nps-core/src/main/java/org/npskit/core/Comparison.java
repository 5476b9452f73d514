package org.npskit.core;

import java.util.Locale;
import java.util.Objects;
import org.npskit.core.internal.Formulas;
import org.npskit.core.internal.NormalDistribution;

/**
 * The comparison of two independent results A and B.
 *
 * <p>{@link #difference()} is always NPS_A - NPS_B from the raw counts. With {@link
 * IntervalMethod#WALD} the standard error is sqrt(SE_A^2 + SE_B^2) and the interval is centred on
 * the raw difference. With {@link IntervalMethod#ADJUSTED_WALD} the standard error, z, p and the
 * interval come from the pseudo-count-adjusted counts of both sides and the interval is centred
 * on the adjusted difference ({@link #estimate()}). Tango's score method has no two-sample form
 * here ({@link IntervalMethod#comparisonMethod()} maps it to adjusted Wald). Weighted tallies are
 * compared on their effective counts ({@link #ofWeighted}).
 *
 * <p>Immutable and thread-safe; the factories reject null arguments.
 *
 * @param method the method used
 * @param difference raw NPS_A - NPS_B in points
 * @param estimate the difference the test and interval are centred on, in points
 * @param standardError the standard error of the difference in points, &gt;= 0
 */
public record Comparison(
    IntervalMethod method, double difference, double estimate, double standardError) {
  /**
   * Validates the values.
   *
   * @param method see the record component
   * @param difference see the record component
   * @param estimate see the record component
   * @param standardError see the record component
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException if a value is NaN or the standard error is negative
   */
  public Comparison {
    Objects.requireNonNull(method, "method");
    if (Double.isNaN(difference) || Double.isNaN(estimate) || !(standardError >= 0.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "comparison needs numbers and standardError >= 0, were difference=%s,"
                  + " estimate=%s, standardError=%s",
              difference,
              estimate,
              standardError));
    }
  }

  /**
   * Compares A with B.
   *
   * @param a the result A
   * @param b the result B
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @return the comparison A - B
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE} (see {@link
   *     IntervalMethod#comparisonMethod()})
   */
  public static Comparison of(NpsResult a, NpsResult b, IntervalMethod method) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return ofCounts(
        a.detractors(), a.passives(), a.promoters(),
        b.detractors(), b.passives(), b.promoters(), method);
  }

  /**
   * Compares two weighted tallies on their effective counts (each tally's weighted shares times
   * its Kish effective sample size, see {@link WeightedNpsTally}): the difference is NPS_w,A -
   * NPS_w,B, the Wald standard error sqrt(SE_w,A^2 + SE_w,B^2), and adjusted Wald adds its
   * pseudo-counts to the effective counts. With all weights 1 this equals {@link #of(NpsResult,
   * NpsResult, IntervalMethod)} on the unweighted results.
   *
   * @param a the weighted tally A
   * @param b the weighted tally B
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @return the comparison A - B
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if a tally is empty (total weight 0: no NPS)
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public static Comparison ofWeighted(
      WeightedNpsTally a, WeightedNpsTally b, IntervalMethod method) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    requireTwoSample(method);
    double[] ea = a.effectiveCounts();
    double[] eb = b.effectiveCounts();
    return ofCounts(ea[0], ea[1], ea[2], eb[0], eb[1], eb[2], method);
  }

  /**
   * Checks that a method has a two-sample form.
   *
   * @param method the method
   * @return the method
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  static IntervalMethod requireTwoSample(IntervalMethod method) {
    Objects.requireNonNull(method, "method");
    if (method == IntervalMethod.TANGO_SCORE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "method must be WALD or ADJUSTED_WALD for a comparison, was %s"
                  + " (Tango's score interval is for one result)",
              method));
    }
    return method;
  }

  /** The comparison on category counts (integers, or effective counts of weighted tallies). */
  private static Comparison ofCounts(
      double da, double pa, double ra, double db, double pb, double rb, IntervalMethod method) {
    requireTwoSample(method);
    double raw = Formulas.nps(da, pa, ra) - Formulas.nps(db, pb, rb);
    if (method == IntervalMethod.WALD) {
      return new Comparison(
          method,
          raw,
          raw,
          Math.hypot(Formulas.standardError(da, pa, ra), Formulas.standardError(db, pb, rb)));
    }
    double oa = Formulas.ADJUST_OUTER;
    double pp = Formulas.ADJUST_PASSIVE;
    double estimate =
        Formulas.nps(da + oa, pa + pp, ra + oa) - Formulas.nps(db + oa, pb + pp, rb + oa);
    double se =
        Math.hypot(
            Formulas.standardError(da + oa, pa + pp, ra + oa),
            Formulas.standardError(db + oa, pb + pp, rb + oa));
    return new Comparison(method, raw, estimate, se);
  }

  /**
   * The test statistic estimate / standardError.
   *
   * @return z (infinite when the standard error is 0 and the estimate is not)
   */
  public double z() {
    return NpsResult.ratio(estimate, standardError);
  }

  /**
   * The two-sided p-value 2 (1 - Phi(|z|)).
   *
   * @return p in [0, 1]
   */
  public double pValue() {
    return Math.min(1.0, 2.0 * NormalDistribution.complementaryCdf(Math.abs(z())));
  }

  /**
   * The interval estimate +/- z_c standardError (not clamped; a difference spans [-200, 200]).
   *
   * @param confidence the confidence level in (0, 1)
   * @return the interval in points
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   */
  public Interval interval(double confidence) {
    double half = NormalDistribution.criticalValue(confidence) * standardError;
    return new Interval(estimate - half, estimate + half);
  }
}
