package org.npskit.core;

import java.util.Locale;
import java.util.Objects;
import org.npskit.core.internal.Formulas;
import org.npskit.core.internal.NormalDistribution;

/**
 * The NPS statistics of a non-empty set of responses, from its category counts. All figures are
 * in points (-100..100), computed in double precision from the integer counts and never rounded.
 *
 * <p>The reported NPS and standard error are always the raw ones; an {@link IntervalMethod} only
 * changes the interval. Immutable and thread-safe; no method accepts null.
 *
 * @param detractors number of detractors (scores 0-6), &gt;= 0
 * @param passives number of passives (7-8), &gt;= 0
 * @param promoters number of promoters (9-10), &gt;= 0
 */
public record NpsResult(long detractors, long passives, long promoters) {
  /**
   * Validates the counts.
   *
   * @param detractors see the record component
   * @param passives see the record component
   * @param promoters see the record component
   * @throws IllegalArgumentException if a count is negative, n = 0 (NPS undefined) or n
   *     overflows a long
   */
  public NpsResult {
    if (detractors < 0 || passives < 0 || promoters < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "counts must be >= 0, were detractors=%d, passives=%d, promoters=%d",
              detractors,
              passives,
              promoters));
    }
    long n = detractors + passives + promoters;
    if (n < 0 || detractors + passives < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "n must fit a long, overflows for detractors=%d, passives=%d, promoters=%d",
              detractors,
              passives,
              promoters));
    }
    if (n == 0) {
      throw new IllegalArgumentException("NPS is undefined for n=0 responses");
    }
  }

  /**
   * The number of responses.
   *
   * @return n &gt; 0
   */
  public long n() {
    return detractors + passives + promoters;
  }

  /**
   * NPS = 100 (promoters - detractors) / n.
   *
   * @return the NPS in points
   */
  public double nps() {
    return Formulas.nps(detractors, passives, promoters);
  }

  /**
   * Promoters / n.
   *
   * @return the share in [0, 1]
   */
  public double promoterShare() {
    return (double) promoters / n();
  }

  /**
   * Passives / n.
   *
   * @return the share in [0, 1]
   */
  public double passiveShare() {
    return (double) passives / n();
  }

  /**
   * Detractors / n.
   *
   * @return the share in [0, 1]
   */
  public double detractorShare() {
    return (double) detractors / n();
  }

  /**
   * Per-respondent variance V = p + d - (p - d)^2 (on shares, not points).
   *
   * @return V in [0, 1]
   */
  public double variance() {
    return Formulas.variance(detractors, passives, promoters);
  }

  /**
   * Standard error 100 sqrt(V / n).
   *
   * @return the standard error in points
   */
  public double standardError() {
    return Formulas.standardError(detractors, passives, promoters);
  }

  /**
   * Margin of error z SE with z = Phi^-1(1 - (1 - confidence) / 2).
   *
   * @param confidence the confidence level in (0, 1)
   * @return the margin in points
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   */
  public double marginOfError(double confidence) {
    return NormalDistribution.criticalValue(confidence) * standardError();
  }

  /**
   * The adjusted Wald interval (the default method).
   *
   * @param confidence the confidence level in (0, 1)
   * @return the interval in points, within [-100, 100]
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   */
  public Interval interval(double confidence) {
    return interval(confidence, IntervalMethod.ADJUSTED_WALD);
  }

  /**
   * A confidence interval by a method.
   *
   * @param confidence the confidence level in (0, 1)
   * @param method the method
   * @return the interval in points, within [-100, 100]
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   */
  public Interval interval(double confidence, IntervalMethod method) {
    Objects.requireNonNull(method, "method");
    double z = NormalDistribution.criticalValue(confidence);
    double[] b =
        switch (method) {
          case WALD -> Formulas.wald(detractors, passives, promoters, z);
          case ADJUSTED_WALD -> Formulas.adjustedWald(detractors, passives, promoters, z);
          case TANGO_SCORE -> Formulas.tango(detractors, passives, promoters, z);
        };
    return new Interval(b[0], b[1]);
  }

  /**
   * A two-sided Wald z-test of this NPS against a target.
   *
   * @param targetPoints the hypothesised NPS in points, in [-100, 100]
   * @return the test
   * @throws IllegalArgumentException if the target is NaN or outside [-100, 100]
   */
  public OneSampleTest test(double targetPoints) {
    return testAgainst(targetPoints, IntervalMethod.WALD);
  }

  /**
   * A two-sided z-test of this NPS against a target. With {@link IntervalMethod#ADJUSTED_WALD}
   * the estimate and standard error come from the pseudo-count-adjusted counts; {@link
   * IntervalMethod#TANGO_SCORE} uses Tango's score statistic Z(target) (the test that inverts
   * into the Tango interval).
   *
   * @param targetPoints the hypothesised NPS in points, in [-100, 100]
   * @param method the method
   * @return the test
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException if the target is NaN or outside [-100, 100]
   */
  public OneSampleTest testAgainst(double targetPoints, IntervalMethod method) {
    Objects.requireNonNull(method, "method");
    if (!(targetPoints >= -100.0 && targetPoints <= 100.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "targetPoints must be in [-100, 100], was %s", targetPoints));
    }
    double z;
    switch (method) {
      case WALD -> z = ratio(nps() - targetPoints, standardError());
      case ADJUSTED_WALD -> {
        double d = detractors + Formulas.ADJUST_OUTER;
        double p = passives + Formulas.ADJUST_PASSIVE;
        double r = promoters + Formulas.ADJUST_OUTER;
        z = ratio(Formulas.nps(d, p, r) - targetPoints, Formulas.standardError(d, p, r));
      }
      case TANGO_SCORE -> z = Formulas.tangoZ(detractors, promoters, n(), targetPoints / 100.0);
      default -> throw new AssertionError(method);
    }
    return new OneSampleTest(targetPoints, nps() - targetPoints, z);
  }

  /**
   * Compares this result (A) with an independent result (B) by the adjusted Wald method, the
   * same default as {@link #interval(double)}: the signed difference NPS_A - NPS_B (raw), its
   * standard error, z, the two-sided p-value and an interval (see {@link Comparison}).
   *
   * @param other the result B
   * @return the comparison A - B
   * @throws NullPointerException if other is null
   */
  public Comparison differenceFrom(NpsResult other) {
    return differenceFrom(other, IntervalMethod.ADJUSTED_WALD);
  }

  /**
   * Compares this result (A) with an independent result (B) by a method.
   *
   * @param other the result B
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @return the comparison A - B
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}, which has no
   *     two-sample form here (see {@link IntervalMethod#comparisonMethod()})
   */
  public Comparison differenceFrom(NpsResult other, IntervalMethod method) {
    return Comparison.of(this, other, method);
  }

  /**
   * Compares this result (A) with an independent result (B) by the Wald method.
   *
   * @param other the result B
   * @return the comparison A - B by {@link IntervalMethod#WALD}
   * @throws NullPointerException if other is null
   * @deprecated The name suggests {@link Comparable#compareTo}, and its Wald default differs
   *     from the adjusted Wald default of {@link #interval(double)}. Use {@link
   *     #differenceFrom(NpsResult, IntervalMethod) differenceFrom(other, IntervalMethod.WALD)}
   *     for the same result, or {@link #differenceFrom(NpsResult)} for adjusted Wald.
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public Comparison compareTo(NpsResult other) {
    return differenceFrom(other, IntervalMethod.WALD);
  }

  /**
   * Compares this result (A) with an independent result (B).
   *
   * @param other the result B
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @return the comparison A - B
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   * @deprecated The name suggests {@link Comparable#compareTo}; use {@link
   *     #differenceFrom(NpsResult, IntervalMethod)}, which returns the same comparison.
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public Comparison compareTo(NpsResult other, IntervalMethod method) {
    return differenceFrom(other, method);
  }

  /** z = numerator / se with the limits of a vanishing standard error made explicit. */
  static double ratio(double numerator, double se) {
    if (se > 0.0) {
      return numerator / se;
    }
    if (numerator == 0.0) {
      return 0.0;
    }
    return numerator > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }
}
