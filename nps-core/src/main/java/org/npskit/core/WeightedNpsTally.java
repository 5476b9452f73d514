package org.npskit.core;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import org.npskit.core.internal.Formulas;
import org.npskit.core.internal.NormalDistribution;

/**
 * An immutable weighted tally: the sum of survey weights per category, the sum of squared
 * weights and the number of responses.
 *
 * <p>NPS_w = 100 (sum w_i s_i / sum w_i) with s_i in {-1, 0, 1}; Kish's effective sample size
 * n_eff = (sum w)^2 / sum w^2; SE_w = 100 sqrt(V_w / n_eff). Every interval method is applied to
 * the effective counts d_w n_eff, p_w n_eff, r_w n_eff (the adjusted Wald method adds its
 * pseudo-counts to those), so all methods use n_eff. With all weights 1 every figure equals the
 * unweighted one. Immutable, thread-safe and serializable.
 *
 * @param detractorWeight sum of the weights of detractors, &gt;= 0
 * @param passiveWeight sum of the weights of passives, &gt;= 0
 * @param promoterWeight sum of the weights of promoters, &gt;= 0
 * @param sumOfSquaredWeights sum of the squared weights, &gt;= 0
 * @param n the number of responses, &gt;= 0
 * @serial exclude The serial form of a record is its components, documented above (JDK 17's
 *     javadoc would otherwise ask for comments on the record's private fields, JDK-8275199).
 */
public record WeightedNpsTally(
    double detractorWeight,
    double passiveWeight,
    double promoterWeight,
    double sumOfSquaredWeights,
    long n)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Validates the sums.
   *
   * @param detractorWeight see the record component
   * @param passiveWeight see the record component
   * @param promoterWeight see the record component
   * @param sumOfSquaredWeights see the record component
   * @param n see the record component
   * @throws IllegalArgumentException if a sum is NaN, infinite or negative, n is negative, or the
   *     sum of squares is 0 while a weight is positive
   */
  public WeightedNpsTally {
    check("detractorWeight", detractorWeight);
    check("passiveWeight", passiveWeight);
    check("promoterWeight", promoterWeight);
    check("sumOfSquaredWeights", sumOfSquaredWeights);
    if (n < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "n must be >= 0, was %d", n));
    }
    if (sumOfSquaredWeights == 0.0 && detractorWeight + passiveWeight + promoterWeight > 0.0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "sumOfSquaredWeights must be > 0 when a weight is, was 0 with weights %s, %s, %s",
              detractorWeight,
              passiveWeight,
              promoterWeight));
    }
  }

  private static void check(String name, double value) {
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite and >= 0, was %s", name, value));
    }
  }

  /**
   * The empty weighted tally.
   *
   * @return a tally with no weight
   */
  public static WeightedNpsTally empty() {
    return new WeightedNpsTally(0, 0, 0, 0, 0);
  }

  /**
   * The total weight.
   *
   * @return sum w
   */
  public double totalWeight() {
    return detractorWeight + passiveWeight + promoterWeight;
  }

  /**
   * Whether there is no positive weight (the NPS is then undefined).
   *
   * @return true if the total weight is 0
   */
  public boolean isEmpty() {
    return totalWeight() == 0.0;
  }

  /**
   * The sum of this tally and another.
   *
   * @param other another tally
   * @return the sum
   * @throws NullPointerException if other is null
   */
  public WeightedNpsTally plus(WeightedNpsTally other) {
    Objects.requireNonNull(other, "other");
    return new WeightedNpsTally(
        detractorWeight + other.detractorWeight,
        passiveWeight + other.passiveWeight,
        promoterWeight + other.promoterWeight,
        sumOfSquaredWeights + other.sumOfSquaredWeights,
        Math.addExact(n, other.n));
  }

  /**
   * Kish's effective sample size (sum w)^2 / sum w^2.
   *
   * @return n_eff
   * @throws IllegalStateException if the tally is empty
   */
  public double effectiveN() {
    requireNonEmpty();
    double w = totalWeight();
    return w * w / sumOfSquaredWeights;
  }

  /**
   * The weighted NPS.
   *
   * @return NPS_w in points
   * @throws IllegalStateException if the tally is empty
   */
  public double nps() {
    requireNonEmpty();
    return Formulas.nps(detractorWeight, passiveWeight, promoterWeight);
  }

  /**
   * The weighted promoter share.
   *
   * @return r_w in [0, 1]
   * @throws IllegalStateException if the tally is empty
   */
  public double promoterShare() {
    requireNonEmpty();
    return promoterWeight / totalWeight();
  }

  /**
   * The weighted detractor share.
   *
   * @return d_w in [0, 1]
   * @throws IllegalStateException if the tally is empty
   */
  public double detractorShare() {
    requireNonEmpty();
    return detractorWeight / totalWeight();
  }

  /**
   * The weighted passive share.
   *
   * @return p_w in [0, 1]
   * @throws IllegalStateException if the tally is empty
   */
  public double passiveShare() {
    requireNonEmpty();
    return passiveWeight / totalWeight();
  }

  /**
   * SE_w = 100 sqrt(V_w / n_eff).
   *
   * @return the standard error in points
   * @throws IllegalStateException if the tally is empty
   */
  public double standardError() {
    double[] e = effectiveCounts();
    return Formulas.standardError(e[0], e[1], e[2]);
  }

  /**
   * The adjusted Wald interval (the default method) on the effective counts.
   *
   * @param confidence the confidence level in (0, 1)
   * @return the interval in points
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   * @throws IllegalStateException if the tally is empty
   */
  public Interval interval(double confidence) {
    return interval(confidence, IntervalMethod.ADJUSTED_WALD);
  }

  /**
   * A confidence interval on the effective counts.
   *
   * @param confidence the confidence level in (0, 1)
   * @param method the method
   * @return the interval in points
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   * @throws IllegalStateException if the tally is empty
   */
  public Interval interval(double confidence, IntervalMethod method) {
    Objects.requireNonNull(method, "method");
    double z = NormalDistribution.criticalValue(confidence);
    double[] e = effectiveCounts();
    double[] b =
        switch (method) {
          case WALD -> Formulas.wald(e[0], e[1], e[2], z);
          case ADJUSTED_WALD -> Formulas.adjustedWald(e[0], e[1], e[2], z);
          case TANGO_SCORE -> Formulas.tango(e[0], e[1], e[2], z);
        };
    return new Interval(b[0], b[1]);
  }

  /**
   * Compares this tally (A) with another (B) on their effective counts, see {@link
   * Comparison#ofWeighted}.
   *
   * @param other the tally B
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @return the comparison A - B
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if a tally is empty (total weight 0)
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public Comparison differenceFrom(WeightedNpsTally other, IntervalMethod method) {
    return Comparison.ofWeighted(this, other, method);
  }

  /**
   * Effective counts: the weighted shares times n_eff.
   *
   * @throws IllegalStateException if the tally is empty
   */
  double[] effectiveCounts() {
    double neff = effectiveN();
    double w = totalWeight();
    return new double[] {
      detractorWeight / w * neff, passiveWeight / w * neff, promoterWeight / w * neff
    };
  }

  private void requireNonEmpty() {
    if (isEmpty()) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT, "weighted NPS is undefined for total weight 0 (n=%d responses)", n));
    }
  }
}
