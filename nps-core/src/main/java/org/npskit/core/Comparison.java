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
 * on the adjusted difference ({@link #estimate()}). Immutable and thread-safe.
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
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public static Comparison of(NpsResult a, NpsResult b, IntervalMethod method) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(method, "method");
    double raw = a.nps() - b.nps();
    switch (method) {
      case WALD -> {
        return new Comparison(method, raw, raw, Math.hypot(a.standardError(), b.standardError()));
      }
      case ADJUSTED_WALD -> {
        double[] ea = adjusted(a);
        double[] eb = adjusted(b);
        return new Comparison(method, raw, ea[0] - eb[0], Math.hypot(ea[1], eb[1]));
      }
      default ->
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "method must be WALD or ADJUSTED_WALD for a comparison, was %s"
                      + " (Tango's score interval is for one result)",
                  method));
    }
  }

  private static double[] adjusted(NpsResult r) {
    double d = r.detractors() + Formulas.ADJUST_OUTER;
    double p = r.passives() + Formulas.ADJUST_PASSIVE;
    double pr = r.promoters() + Formulas.ADJUST_OUTER;
    return new double[] {Formulas.nps(d, p, pr), Formulas.standardError(d, p, pr)};
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
