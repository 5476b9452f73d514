package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactCoverageTest {
  private static final List<IntervalMethod> METHODS = List.of(IntervalMethod.values());

  @Test
  void reproducesTheTableOfTheIssueAndTheContractExample() {
    // ../shared/contract/v2/stats/coverage-n20.args.json: n = 20, 85 % promoters, 5 %
    // detractors (true NPS 80), 95 %: Wald 86.4 %, adjusted Wald 96.3 %, Tango 96.4 %.
    ExactCoverage c = ExactCoverage.compute(20, 0.85, 0.05, 0.95);
    assertThat(c.nps()).isCloseTo(80.0, within(1e-12));
    assertThat(c.coverage(IntervalMethod.WALD)).isCloseTo(0.8642914248326267, within(1e-12));
    assertThat(c.coverage(IntervalMethod.ADJUSTED_WALD))
        .isCloseTo(0.9631397756530624, within(1e-12));
    assertThat(c.coverage(IntervalMethod.TANGO_SCORE))
        .isCloseTo(0.9640770350391841, within(1e-12));
    assertThat(c.meanWidth(IntervalMethod.WALD)).isCloseTo(38.43417025642023, within(1e-10));
    assertThat(c.meanWidth(IntervalMethod.ADJUSTED_WALD))
        .isCloseTo(47.66938238346169, within(1e-10));
    assertThat(c.meanWidth(IntervalMethod.TANGO_SCORE))
        .isCloseTo(47.39629923567222, within(1e-10));
    // the rounded figures of the issue
    assertThat(100 * c.coverage(IntervalMethod.WALD)).isCloseTo(86.4, within(0.05));
    assertThat(100 * c.coverage(IntervalMethod.ADJUSTED_WALD)).isCloseTo(96.3, within(0.05));
    assertThat(100 * c.coverage(IntervalMethod.TANGO_SCORE)).isCloseTo(96.4, within(0.05));
    assertThat(c.n()).isEqualTo(20);
    assertThat(c.promoterShare()).isEqualTo(0.85);
    assertThat(c.detractorShare()).isEqualTo(0.05);
    assertThat(c.confidence()).isEqualTo(0.95);
    assertThat(c.methods()).extracting(ExactCoverage.MethodCoverage::method).isEqualTo(METHODS);
    assertThat(c.of(IntervalMethod.WALD).coverage()).isEqualTo(c.coverage(IntervalMethod.WALD));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 0.5, 0.25, 0.95",
    "2, 0.85, 0.05, 0.9",
    "5, 0.3, 0.3, 0.95",
    "7, 0.6, 0.0, 0.8",
    "6, 0.0, 1.0, 0.99",
    "9, 0.45, 0.15, 0.95"
  })
  void equalsABruteForceSumOverThePublicIntervals(
      int n, double promoters, double detractors, double confidence) {
    // independent of the enumeration: exact multinomial coefficients in long arithmetic,
    // probabilities by Math.pow, intervals by NpsResult.interval, containment by Interval
    double passives = 1 - promoters - detractors;
    double truth = 100 * (promoters - detractors);
    double[] covered = new double[METHODS.size()];
    double[] width = new double[METHODS.size()];
    for (int d = 0; d <= n; d++) {
      for (int r = 0; r + d <= n; r++) {
        int p = n - d - r;
        double prob =
            factorial(n) / (double) (factorial(d) * factorial(p) * factorial(r))
                * Math.pow(detractors, d)
                * Math.pow(passives, p)
                * Math.pow(promoters, r);
        NpsResult result = new NpsResult(d, p, r);
        for (int m = 0; m < METHODS.size(); m++) {
          Interval i = result.interval(confidence, METHODS.get(m));
          covered[m] += i.contains(truth) ? prob : 0;
          width[m] += prob * i.width();
        }
      }
    }
    ExactCoverage c = ExactCoverage.compute(n, promoters, detractors, confidence);
    for (int m = 0; m < METHODS.size(); m++) {
      assertThat(c.coverage(METHODS.get(m))).as("%s", METHODS.get(m))
          .isCloseTo(covered[m], within(1e-12));
      assertThat(c.meanWidth(METHODS.get(m))).as("%s", METHODS.get(m))
          .isCloseTo(width[m], within(1e-10));
    }
  }

  @ParameterizedTest
  @CsvSource({"20, 0.85, 0.05, 20260101", "60, 0.40, 0.35, 7", "150, 0.55, 0.10, 42"})
  void agreesWithAMonteCarloEstimate(int n, double promoters, double detractors, long seed) {
    // Independent estimate: M simulated surveys of n respondents each, every respondent a
    // detractor, passive or promoter with the true shares. The coverage estimate is a binomial
    // proportion with standard error sqrt(c (1 - c) / M), the mean width a sample mean with
    // standard error s / sqrt(M); both must lie within 4 standard errors of the exact value (a
    // correct implementation fails that for fewer than 1 in 10,000 seeds; the seed is fixed).
    int samples = 20_000;
    Random random = new Random(seed);
    double truth = 100 * (promoters - detractors);
    long[] hits = new long[METHODS.size()];
    double[] sum = new double[METHODS.size()];
    double[] sumSquares = new double[METHODS.size()];
    for (int s = 0; s < samples; s++) {
      long d = 0;
      long p = 0;
      long r = 0;
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        if (u < detractors) {
          d++;
        } else if (u < 1 - promoters) {
          p++;
        } else {
          r++;
        }
      }
      NpsResult result = new NpsResult(d, p, r);
      for (int m = 0; m < METHODS.size(); m++) {
        Interval i = result.interval(0.95, METHODS.get(m));
        hits[m] += i.contains(truth) ? 1 : 0;
        sum[m] += i.width();
        sumSquares[m] += i.width() * i.width();
      }
    }
    ExactCoverage exact = ExactCoverage.compute(n, promoters, detractors, 0.95);
    for (int m = 0; m < METHODS.size(); m++) {
      IntervalMethod method = METHODS.get(m);
      double c = exact.coverage(method);
      double coverageSe = Math.sqrt(c * (1 - c) / samples);
      assertThat((double) hits[m] / samples).as("coverage of %s", method)
          .isCloseTo(c, within(4 * coverageSe));
      double mean = sum[m] / samples;
      double sd = Math.sqrt((sumSquares[m] - samples * mean * mean) / (samples - 1));
      assertThat(mean).as("mean width of %s", method)
          .isCloseTo(exact.meanWidth(method), within(4 * sd / Math.sqrt(samples)));
    }
  }

  @Test
  void degenerateSharesGiveDegenerateSamples() {
    // only promoters: every sample is (0, 0, n), Wald's interval is [100, 100]
    ExactCoverage all = ExactCoverage.compute(30, 1.0, 0.0, 0.95);
    assertThat(all.coverage(IntervalMethod.WALD)).isEqualTo(1.0);
    assertThat(all.meanWidth(IntervalMethod.WALD)).isZero();
    Interval tango = new NpsResult(0, 0, 30).interval(0.95, IntervalMethod.TANGO_SCORE);
    assertThat(all.meanWidth(IntervalMethod.TANGO_SCORE)).isCloseTo(tango.width(), within(1e-9));
    // only passives: every sample is (0, n, 0), NPS 0
    ExactCoverage none = ExactCoverage.compute(30, 0.0, 0.0, 0.95);
    assertThat(none.nps()).isZero();
    assertThat(none.coverage(IntervalMethod.WALD)).isEqualTo(1.0);
    // no passives: shares summing to 1 in decimal are accepted
    ExactCoverage split = ExactCoverage.compute(10, 0.7, 0.3, 0.95);
    assertThat(split.nps()).isCloseTo(40.0, within(1e-12));
  }

  @Test
  void theLargestSampleSizeIsNearNominalCoverage() {
    // n = 1000 is large enough for all three methods to cover close to 95 %
    ExactCoverage c = ExactCoverage.compute(ExactCoverage.MAX_N, 0.5, 0.2, 0.95);
    for (IntervalMethod m : METHODS) {
      assertThat(c.coverage(m)).as("%s", m).isCloseTo(0.95, within(0.005));
      assertThat(c.meanWidth(m)).as("%s", m).isCloseTo(2 * 1.96 * 100 * Math.sqrt(0.61 / 1000),
          within(0.1));
    }
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertThatThrownBy(() -> ExactCoverage.compute(0, 0.5, 0.2, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be in 1..1000, was 0");
    assertThatThrownBy(() -> ExactCoverage.compute(1001, 0.5, 0.2, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be in 1..1000, was 1001");
    assertThatThrownBy(() -> ExactCoverage.compute(10, Double.NaN, 0.2, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promoterShare must be in [0, 1], was NaN");
    assertThatThrownBy(() -> ExactCoverage.compute(10, 0.5, -0.1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("detractorShare must be in [0, 1], was -0.1");
    assertThatThrownBy(() -> ExactCoverage.compute(10, 0.7, 0.31, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promoterShare + detractorShare must be <= 1, was 0.7 + 0.31");
    assertThatThrownBy(() -> ExactCoverage.compute(10, 0.5, 0.2, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence must be in (0, 1), was 1.0");
  }

  @Test
  void theRecordValidatesItsEntries() {
    ExactCoverage c = ExactCoverage.compute(3, 0.5, 0.2, 0.95);
    assertThat(new ExactCoverage(3, 0.5, 0.2, 0.95, c.methods())).isEqualTo(c);
    List<ExactCoverage.MethodCoverage> reversed =
        List.of(c.methods().get(2), c.methods().get(1), c.methods().get(0));
    assertThatThrownBy(() -> new ExactCoverage(3, 0.5, 0.2, 0.95, reversed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("methods must hold one entry per IntervalMethod");
    assertThatThrownBy(() -> new ExactCoverage(3, 0.5, 0.2, 0.95, c.methods().subList(0, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declaration order");
    assertThatThrownBy(() -> new ExactCoverage.MethodCoverage(IntervalMethod.WALD, 1.1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("coverage must be in [0, 1], was 1.1");
    assertThatThrownBy(() -> new ExactCoverage.MethodCoverage(IntervalMethod.WALD, 0.5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meanWidth must be in [0, 200], was -1.0");
    assertThatThrownBy(() -> new ExactCoverage.MethodCoverage(IntervalMethod.WALD, 0.5, 201))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meanWidth must be in [0, 200], was 201.0");
    assertThatThrownBy(() -> new ExactCoverage.MethodCoverage(null, 0.5, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
    assertThatThrownBy(() -> c.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
  }

  private static long factorial(int k) {
    long f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }
}
