package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.npskit.core.internal.Formulas;

class NpsResultTest {
  private static final double POINTS_1E4 = 1e-4;
  private static final double FULL = 1e-9;

  private final NpsResult six = new NpsResult(1, 2, 3);
  private final NpsResult hundred = new NpsResult(15, 25, 60);

  @Test
  void reproducesThePublicReferenceValuesOfTheDesign() {
    // DESIGN section 1, "Public reference values".
    assertThat(six.nps()).isCloseTo(33.3333, within(POINTS_1E4));
    assertThat(six.standardError()).isCloseTo(30.4290, within(POINTS_1E4));
    Interval wald = six.interval(0.95, IntervalMethod.WALD);
    assertThat(wald.low()).isCloseTo(-26.3065, within(POINTS_1E4));
    assertThat(wald.high()).isCloseTo(92.9731, within(POINTS_1E4));
    Interval adjusted = six.interval(0.95);
    assertThat(adjusted.low()).isCloseTo(-26.7433, within(POINTS_1E4));
    assertThat(adjusted.high()).isCloseTo(71.1877, within(POINTS_1E4));
    assertThat(hundred.nps()).isCloseTo(45.0, within(POINTS_1E4));
    assertThat(hundred.standardError()).isCloseTo(7.3993, within(POINTS_1E4));
  }

  @Test
  void reproducesTheFullPrecisionContractFiles() {
    // the public contract examples, nps-examples/src/test/contract/stats/six.{wald,adjusted-wald,tango}.json and hundred.tango.json
    assertThat(six.nps()).isCloseTo(33.333333333333336, within(FULL));
    assertThat(six.standardError()).isCloseTo(30.429030972509224, within(FULL));
    assertInterval(six.interval(0.95, IntervalMethod.WALD), -26.306471457238544, 92.97313812390522);
    assertInterval(six.interval(0.95), -26.743258794104523, 71.18770323854898);
    assertInterval(
        six.interval(0.95, IntervalMethod.TANGO_SCORE), -31.10737846242243, 75.39566635638697);
    assertThat(hundred.standardError()).isCloseTo(7.399324293474371, within(FULL));
    assertInterval(
        hundred.interval(0.95, IntervalMethod.TANGO_SCORE), 29.256915542644645, 58.12570201838807);
  }

  @Test
  void reproducesContractBreakdownCells() {
    // six.by-channel.json "store" (0,1,1), six.by-month.json March (0,0,1) and January (1,1,0)
    NpsResult store = new NpsResult(0, 1, 1);
    assertThat(store.standardError()).isCloseTo(35.35533905932738, within(FULL));
    assertInterval(store.interval(0.95), -39.44865107837682, 79.44865107837683);
    assertInterval(new NpsResult(0, 0, 1).interval(0.95), -48.49864942025201, 98.49864942025201);
    assertInterval(new NpsResult(1, 1, 0).interval(0.95), -79.44865107837683, 39.44865107837682);
    assertThat(new NpsResult(0, 0, 1).standardError()).isZero();
  }

  @Test
  void derivedValuesAtNinetyPercent() {
    // python3: z = NormalDist().inv_cdf(0.95); nps = 100(R-D)/n; V = (R+D)/n - ((R-D)/n)^2;
    // se = 100 sqrt(V/n); Wald = nps +/- z se; adjusted: same on (D+.75, P+1.5, R+.75).
    NpsResult r = new NpsResult(2, 3, 5);
    assertThat(r.nps()).isCloseTo(30.0, within(FULL));
    assertThat(r.standardError()).isCloseTo(24.69817807045694, within(FULL));
    assertInterval(r.interval(0.90, IntervalMethod.WALD), -10.624887778284396, 70.6248877782844);
    assertInterval(r.interval(0.90), -12.277621683085588, 58.431467836931745);
    assertThat(r.marginOfError(0.90)).isCloseTo(40.6248877782844, within(FULL));
  }

  @Test
  void sharesSumToOne() {
    assertThat(six.detractorShare()).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(six.passiveShare()).isCloseTo(2.0 / 6, within(1e-15));
    assertThat(six.promoterShare()).isCloseTo(3.0 / 6, within(1e-15));
    assertThat(six.n()).isEqualTo(6);
  }

  @Test
  void tangoBoundsSolveTheScoreEquation() {
    double z = 1.959963984540054;
    for (NpsResult r : new NpsResult[] {six, hundred, new NpsResult(3, 0, 40)}) {
      Interval i = r.interval(0.95, IntervalMethod.TANGO_SCORE);
      double n = r.n();
      assertThat(Formulas.tangoZ(r.detractors(), r.promoters(), n, i.low() / 100))
          .isCloseTo(z, within(1e-6));
      assertThat(Formulas.tangoZ(r.detractors(), r.promoters(), n, i.high() / 100))
          .isCloseTo(-z, within(1e-6));
    }
  }

  @Test
  void tangoReachesTheBoundWhenAllArePromotersOrDetractors() {
    Interval allPromoters = new NpsResult(0, 0, 20).interval(0.95, IntervalMethod.TANGO_SCORE);
    assertThat(allPromoters.high()).isEqualTo(100.0);
    assertThat(allPromoters.low()).isBetween(50.0, 100.0);
    Interval allDetractors = new NpsResult(20, 0, 0).interval(0.95, IntervalMethod.TANGO_SCORE);
    assertThat(allDetractors.low()).isEqualTo(-100.0);
    assertThat(allDetractors.high()).isBetween(-100.0, -50.0);
  }

  @Test
  void waldIsClampedToTheScale() {
    Interval i = new NpsResult(0, 1, 3).interval(0.99, IntervalMethod.WALD);
    assertThat(i.high()).isEqualTo(100.0);
  }

  @Test
  void reproducesTheContractComparison() {
    // compare.wald.json: A = six.csv (1,2,3), B = hundred.csv (15,25,60)
    Comparison c = six.differenceFrom(hundred, IntervalMethod.WALD);
    assertThat(c.difference()).isCloseTo(-11.666666666666657, within(FULL));
    assertThat(c.standardError()).isCloseTo(31.31574565495648, within(FULL));
    assertThat(c.z()).isCloseTo(-0.3725495408990883, within(FULL));
    assertThat(c.pValue()).isCloseTo(0.7094837338202518, within(FULL));
    assertInterval(c.interval(0.95), -73.04440029939803, 49.71106696606471);
  }

  @Test
  void adjustedWaldComparisonUsesAdjustedCountsButReportsTheRawDifference() {
    // python3: A' = (1.75, 3.5, 3.75) n'=9, B' = (15.75, 26.5, 60.75) n'=103
    Comparison c = six.differenceFrom(hundred);
    assertThat(c).isEqualTo(six.differenceFrom(hundred, IntervalMethod.ADJUSTED_WALD));
    assertThat(c.difference()).isCloseTo(-11.666666666666657, within(FULL));
    double npsA = 100 * (3.75 - 1.75) / 9;
    double npsB = 100 * (60.75 - 15.75) / 103;
    assertThat(c.estimate()).isCloseTo(npsA - npsB, within(FULL));
    double va = (3.75 + 1.75) / 9 - Math.pow((3.75 - 1.75) / 9, 2);
    double vb = (60.75 + 15.75) / 103 - Math.pow((60.75 - 15.75) / 103, 2);
    double se = 100 * Math.sqrt(va / 9 + vb / 103);
    assertThat(c.standardError()).isCloseTo(se, within(FULL));
    assertThat(c.z()).isCloseTo((npsA - npsB) / se, within(FULL));
    assertThat(c.interval(0.95).low()).isCloseTo(npsA - npsB - 1.959963984540054 * se, within(FULL));
  }

  @Test
  void theDefaultComparisonUsesTheDefaultIntervalMethod() {
    // the interval default and the comparison default are one method (adjusted Wald)
    assertThat(six.differenceFrom(hundred).method()).isEqualTo(IntervalMethod.ADJUSTED_WALD);
    assertThat(six.interval(0.95)).isEqualTo(six.interval(0.95, IntervalMethod.ADJUSTED_WALD));
  }

  @Test
  @SuppressWarnings({"deprecation", "removal"})
  void deprecatedCompareToKeepsItsWaldDefaultAndForwardsTheMethod() {
    assertThat(six.compareTo(hundred)).isEqualTo(six.differenceFrom(hundred, IntervalMethod.WALD));
    assertThat(six.compareTo(hundred, IntervalMethod.ADJUSTED_WALD))
        .isEqualTo(six.differenceFrom(hundred));
  }

  @Test
  void comparisonRejectsTango() {
    assertThatThrownBy(() -> six.differenceFrom(hundred, IntervalMethod.TANGO_SCORE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TANGO_SCORE");
  }

  @Test
  void oneSampleTestAgainstATarget() {
    // python3: z = (45 - 30) / 7.399324293474371; p = 2 * (1 - NormalDist().cdf(abs(z)))
    OneSampleTest t = hundred.test(30.0);
    assertThat(t.difference()).isCloseTo(15.0, within(FULL));
    assertThat(t.z()).isCloseTo(2.0272121351984578, within(FULL));
    assertThat(t.pValue()).isCloseTo(0.042640722640095774, within(1e-9));
    assertThat(hundred.test(45.0).pValue()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void tangoTestIsZeroAtThePointEstimateAndSignificantOutsideTheInterval() {
    assertThat(hundred.testAgainst(45.0, IntervalMethod.TANGO_SCORE).z()).isCloseTo(0, within(1e-12));
    Interval i = hundred.interval(0.95, IntervalMethod.TANGO_SCORE);
    assertThat(hundred.testAgainst(i.low() - 1, IntervalMethod.TANGO_SCORE).pValue()).isLessThan(0.05);
    assertThat(hundred.testAgainst(i.low() + 1, IntervalMethod.TANGO_SCORE).pValue()).isGreaterThan(0.05);
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    assertThatThrownBy(() -> new NpsResult(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n=0");
    assertThatThrownBy(() -> new NpsResult(-1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detractors=-1");
    for (double bad : new double[] {0.0, 1.0, 1.5, -0.1, Double.NaN}) {
      assertThatThrownBy(() -> six.interval(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("confidence")
          .hasMessageContaining(String.valueOf(bad));
    }
    assertThatThrownBy(() -> six.test(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> six.test(120))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("120");
    assertThatThrownBy(() -> six.interval(0.95, null)).isInstanceOf(NullPointerException.class);
  }

  private static void assertInterval(Interval actual, double low, double high) {
    assertThat(actual.low()).isCloseTo(low, within(FULL));
    assertThat(actual.high()).isCloseTo(high, within(FULL));
  }
}
