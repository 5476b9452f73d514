package org.npskit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.npskit.core.internal.Checks;
import org.npskit.core.internal.Formulas;
import org.npskit.core.internal.NormalDistribution;

/**
 * How often each interval method's interval really contains the true NPS, and how wide it is,
 * computed exactly for a sample size n and true shares: the evidence for choosing a method at
 * one's own n.
 *
 * <p>For counts (d, p, r) drawn from the trinomial (n; detractorShare, 1 - promoterShare -
 * detractorShare, promoterShare), the coverage of a method is the probability that its interval
 * at the given confidence (exactly {@link NpsResult#interval(double, IntervalMethod)}) contains
 * the true NPS 100 (promoterShare - detractorShare), bounds inclusive, and the mean width is the
 * expected width of that interval in points. Both are sums over all (d, p, r) with d + p + r = n
 * of the cell's probability (from precomputed log-factorials) times 1 or 0, or times the width.
 * Cells with a probability below 1e-30 are skipped: together they hold less than 1e-24 of
 * probability, so the sums are the same to double precision, and at n = 1000 only a few ten
 * thousand of the 501,501 cells remain to be solved.
 *
 * <p>Example, n = 20, 85 % promoters and 5 % detractors (true NPS 80) at 95 %: Wald covers
 * 86.4 %, adjusted Wald 96.3 % and Tango 96.4 %.
 *
 * <p>Cost: one Wald, adjusted Wald and Tango interval per cell that is kept (Tango's bounds by
 * Brent's method, about nine evaluations of its score each). Measured on JDK 17, CPU time of one
 * call on a shared 2-core machine: n = {@value #MAX_N} takes 45 to 100 ms (24,000 to 73,000 of
 * the 501,501 cells kept; 85 %/5 % is the fast end, 1/3 each the slow one) and about 0.13 s as
 * the first call in a fresh JVM; n = 100 takes 7 to 20 ms, n = 20 about 1 ms.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param n the sample size, 1 to {@value #MAX_N}
 * @param promoterShare the true promoter share, in [0, 1]
 * @param detractorShare the true detractor share, in [0, 1], with promoterShare + detractorShare
 *     &lt;= 1
 * @param confidence the confidence level of the intervals, in (0, 1)
 * @param methods one entry per {@link IntervalMethod}, in declaration order (copied)
 */
public record ExactCoverage(
    int n,
    double promoterShare,
    double detractorShare,
    double confidence,
    List<MethodCoverage> methods) {
  /** The largest sample size {@link #compute} enumerates. */
  public static final int MAX_N = 1000;

  /**
   * Cells less likely than this are skipped: at most 501,501 of them, so together less than 1e-24
   * of probability, which moves a coverage by less than 1e-24 and a mean width by less than
   * 2e-22 points, far below the rounding of the sums themselves (about 1e-16 and 1e-14).
   */
  private static final double NEGLIGIBLE = 1e-30;

  /** Rounding slack allowed on promoterShare + detractorShare &lt;= 1 (decimal inputs). */
  private static final double SHARE_SUM_SLACK = 1e-12;

  /**
   * Validates the values.
   *
   * @param n see the record component
   * @param promoterShare see the record component
   * @param detractorShare see the record component
   * @param confidence see the record component
   * @param methods see the record component
   * @throws NullPointerException if methods or an entry is null
   * @throws IllegalArgumentException if a value is out of range, the shares sum to more than 1,
   *     or methods does not hold one entry per method in declaration order
   */
  public ExactCoverage {
    checkInputs(n, promoterShare, detractorShare, confidence);
    methods = List.copyOf(methods);
    IntervalMethod[] all = IntervalMethod.values();
    boolean ordered = methods.size() == all.length;
    for (int i = 0; ordered && i < all.length; i++) {
      ordered = methods.get(i).method() == all[i];
    }
    if (!ordered) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "methods must hold one entry per IntervalMethod in declaration order %s, was %s",
              List.of(all),
              methods));
    }
  }

  private static void checkInputs(
      int n, double promoterShare, double detractorShare, double confidence) {
    if (n < 1 || n > MAX_N) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "n must be in 1..%d, was %d", MAX_N, n));
    }
    Checks.share("promoterShare", promoterShare);
    Checks.share("detractorShare", detractorShare);
    if (promoterShare + detractorShare > 1.0 + SHARE_SUM_SLACK) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "promoterShare + detractorShare must be <= 1, was %s + %s",
              promoterShare,
              detractorShare));
    }
    Checks.confidence(confidence);
  }

  /**
   * Computes the exact coverage and mean width of every method.
   *
   * @param n the sample size, 1 to {@value #MAX_N}
   * @param promoterShare the true promoter share, in [0, 1]
   * @param detractorShare the true detractor share, in [0, 1]; the two shares sum to at most 1
   *     (1e-12 of rounding allowed; the passive share is 1 - both, at least 0)
   * @param confidence the confidence level in (0, 1), e.g. 0.95
   * @return the coverage of each method
   * @throws IllegalArgumentException if n is outside 1..{@value #MAX_N}, a share is NaN or outside
   *     [0, 1], the shares sum to more than 1 or the confidence is not in (0, 1)
   */
  public static ExactCoverage compute(
      int n, double promoterShare, double detractorShare, double confidence) {
    checkInputs(n, promoterShare, detractorShare, confidence);
    double passiveShare = Math.max(0.0, 1.0 - promoterShare - detractorShare);
    double z = NormalDistribution.criticalValue(confidence);
    double truth = 100.0 * (promoterShare - detractorShare);
    double[] logFactorial = new double[n + 1];
    for (int k = 1; k <= n; k++) {
      logFactorial[k] = logFactorial[k - 1] + Math.log(k);
    }
    double logD = Math.log(detractorShare);
    double logP = Math.log(passiveShare);
    double logR = Math.log(promoterShare);
    IntervalMethod[] all = IntervalMethod.values();
    double[] covered = new double[all.length];
    double[] width = new double[all.length];
    for (int d = 0; d <= n; d++) {
      for (int r = 0; r <= n - d; r++) {
        int p = n - d - r;
        double logProb =
            logFactorial[n]
                - logFactorial[d]
                - logFactorial[p]
                - logFactorial[r]
                + times(d, logD)
                + times(p, logP)
                + times(r, logR);
        double prob = Math.exp(logProb);
        if (prob < NEGLIGIBLE) {
          continue;
        }
        for (int m = 0; m < all.length; m++) {
          double[] b =
              switch (all[m]) {
                case WALD -> Formulas.wald(d, p, r, z);
                case ADJUSTED_WALD -> Formulas.adjustedWald(d, p, r, z);
                case TANGO_SCORE -> Formulas.tango(d, p, r, z);
              };
          if (b[0] <= truth && truth <= b[1]) {
            covered[m] += prob;
          }
          width[m] += prob * (b[1] - b[0]);
        }
      }
    }
    List<MethodCoverage> out = new ArrayList<>(all.length);
    for (int m = 0; m < all.length; m++) {
      out.add(
          new MethodCoverage(all[m], Math.min(1.0, covered[m]), Math.min(200.0, width[m])));
    }
    return new ExactCoverage(n, promoterShare, detractorShare, confidence, out);
  }

  /** count * log(share), with 0 * log(0) = 0 (a share of 0 allows only a count of 0). */
  private static double times(int count, double logShare) {
    return count == 0 ? 0.0 : count * logShare;
  }

  /**
   * The true NPS 100 (promoterShare - detractorShare).
   *
   * @return the NPS in points
   */
  public double nps() {
    return 100.0 * (promoterShare - detractorShare);
  }

  /**
   * The entry of one method.
   *
   * @param method the method
   * @return its coverage and mean width
   * @throws NullPointerException if method is null
   */
  public MethodCoverage of(IntervalMethod method) {
    return methods.get(Objects.requireNonNull(method, "method").ordinal());
  }

  /**
   * The exact coverage of one method.
   *
   * @param method the method
   * @return the probability in [0, 1] that its interval contains the true NPS
   * @throws NullPointerException if method is null
   */
  public double coverage(IntervalMethod method) {
    return of(method).coverage();
  }

  /**
   * The expected width of one method's interval.
   *
   * @param method the method
   * @return the mean width in points, in [0, 200]
   * @throws NullPointerException if method is null
   */
  public double meanWidth(IntervalMethod method) {
    return of(method).meanWidth();
  }

  /**
   * The coverage and mean width of one interval method.
   *
   * <p>Immutable and thread-safe.
   *
   * @param method the method
   * @param coverage the probability that the interval contains the true NPS, in [0, 1]
   * @param meanWidth the expected interval width in points, in [0, 200]
   */
  public record MethodCoverage(IntervalMethod method, double coverage, double meanWidth) {
    /**
     * Validates the values.
     *
     * @param method see the record component
     * @param coverage see the record component
     * @param meanWidth see the record component
     * @throws NullPointerException if method is null
     * @throws IllegalArgumentException if coverage is not in [0, 1] or meanWidth not in [0, 200]
     */
    public MethodCoverage {
      Objects.requireNonNull(method, "method");
      if (!(coverage >= 0.0 && coverage <= 1.0)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "coverage must be in [0, 1], was %s", coverage));
      }
      if (!(meanWidth >= 0.0 && meanWidth <= 200.0)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "meanWidth must be in [0, 200], was %s", meanWidth));
      }
    }
  }
}
