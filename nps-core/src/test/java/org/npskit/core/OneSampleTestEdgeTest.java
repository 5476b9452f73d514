package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One-sample tests at the edges: the adjusted Wald variant, targets on the ends of the scale, and
 * results whose standard error is 0 (every respondent in one category).
 */
class OneSampleTestEdgeTest {
  private final NpsResult six = new NpsResult(1, 2, 3);
  private final NpsResult hundred = new NpsResult(15, 25, 60);

  @Test
  void adjustedWaldTestUsesThePseudoCountsForZButReportsTheRawDifference() {
    // python3: d, p, r = 15.75, 26.5, 60.75; n = 103;
    // z = (100 (r - d) / n - 30) / (100 sqrt((r/n + d/n - (r/n - d/n)^2) / n))
    OneSampleTest t = hundred.testAgainst(30.0, IntervalMethod.ADJUSTED_WALD);
    assertThat(t.target()).isEqualTo(30.0);
    assertThat(t.difference()).isCloseTo(15.0, within(1e-12));
    assertThat(t.z()).isCloseTo(1.870220528990127, within(1e-12));
    assertThat(t.pValue()).isCloseTo(0.06145320005668786, within(1e-12));
    // and it differs from the plain Wald test on the same data
    assertThat(hundred.test(30.0).z()).isCloseTo(15.0 / hundred.standardError(), within(1e-12));
  }

  @Test
  void targetsOnTheEndsOfTheScaleAreAccepted() {
    // python3: V = 1/2 + 1/6 - (1/2 - 1/6)^2; z = (100/3 -/+ 100) / (100 sqrt(V / 6))
    assertThat(six.test(100.0).z()).isCloseTo(-2.1908902300206643, within(1e-12));
    assertThat(six.test(-100.0).z()).isCloseTo(4.3817804600413295, within(1e-12));
    assertThat(six.testAgainst(100.0, IntervalMethod.ADJUSTED_WALD).z()).isNegative();
    assertThat(six.testAgainst(-100.0, IntervalMethod.TANGO_SCORE).z()).isPositive();
    assertThatThrownBy(() -> six.test(100.00000000000001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("targetPoints must be in [-100, 100], was 100.00000000000001");
    assertThatThrownBy(() -> six.test(-100.00000000000001))
        .hasMessage("targetPoints must be in [-100, 100], was -100.00000000000001");
  }

  @Test
  void varianceOfTheShares() {
    // V = p + d - (p - d)^2: 0.6 + 0.15 - 0.45^2 and 1/2 + 1/6 - (1/3)^2
    assertThat(hundred.variance()).isCloseTo(0.5475, within(1e-15));
    assertThat(six.variance()).isCloseTo(5.0 / 9.0, within(1e-15));
    assertThat(new NpsResult(0, 7, 0).variance()).isZero();
  }

  @Test
  void allPromotersTestedByWald() {
    NpsResult all = new NpsResult(0, 0, 5);
    assertThat(all.standardError()).isZero();
    OneSampleTest atTarget = all.test(100.0);
    assertThat(atTarget.z()).isZero();
    assertThat(atTarget.pValue()).isEqualTo(1.0);
    OneSampleTest below = all.test(50.0);
    assertThat(below.z()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(below.difference()).isEqualTo(50.0);
    assertThat(below.pValue()).isZero();
  }

  @Test
  void allDetractorsTestedByWald() {
    NpsResult all = new NpsResult(4, 0, 0);
    assertThat(all.test(-100.0).z()).isZero();
    OneSampleTest above = all.test(0.0);
    assertThat(above.z()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(above.pValue()).isZero();
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void aResultTestedAgainstItsOwnExtremeValueIsNotSignificant(IntervalMethod method) {
    // Tango's quadratic has a double root at delta = +/-1 here (B^2 - 4AC = 0 exactly) and its
    // variance vanishes: Z is 0/0 in the limit and defined as 0, never NaN.
    for (NpsResult extreme : new NpsResult[] {new NpsResult(0, 0, 1), new NpsResult(0, 0, 40)}) {
      OneSampleTest t = extreme.testAgainst(100.0, method);
      if (method != IntervalMethod.ADJUSTED_WALD) {
        assertThat(t.z()).as("%s %s", method, extreme).isZero();
        assertThat(t.pValue()).isEqualTo(1.0);
      } else {
        // the pseudo-counts pull the estimate below 100: z < 0, finite
        assertThat(t.z()).as("%s %s", method, extreme).isNegative().isFinite();
      }
    }
    for (NpsResult extreme : new NpsResult[] {new NpsResult(1, 0, 0), new NpsResult(25, 0, 0)}) {
      OneSampleTest t = extreme.testAgainst(-100.0, method);
      if (method != IntervalMethod.ADJUSTED_WALD) {
        assertThat(t.z()).as("%s %s", method, extreme).isZero();
      } else {
        assertThat(t.z()).as("%s %s", method, extreme).isPositive().isFinite();
      }
    }
  }
}
