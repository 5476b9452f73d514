package org.npskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The argument checks every public entry point of nps-core relies on: the bounds are exactly the
 * documented ones (open or closed), a valid value is returned unchanged, and a rejection names
 * the parameter, the constraint and the value.
 */
class ChecksTest {
  @ParameterizedTest
  @ValueSource(doubles = {Double.MIN_VALUE, 0.5, 0.95, 0.9999999999999999})
  void confidenceInsideTheOpenUnitIntervalIsReturned(double c) {
    assertThat(Checks.confidence(c)).isEqualTo(c);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0, -0.5, 95.0, Double.NaN})
  void confidenceOnOrOutsideTheBoundsIsRejected(double c) {
    assertThatThrownBy(() -> Checks.confidence(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence must be in (0, 1), was " + c);
  }

  @Test
  void openUnitExcludesBothEnds() {
    assertThat(Checks.openUnit("power", 0.8)).isEqualTo(0.8);
    assertThatThrownBy(() -> Checks.openUnit("power", 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("power must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> Checks.openUnit("power", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("power must be in (0, 1), was 1.0");
  }

  @Test
  void shareIncludesBothEnds() {
    assertThat(Checks.share("promoterShare", 0.0)).isEqualTo(0.0);
    assertThat(Checks.share("promoterShare", 1.0)).isEqualTo(1.0);
    assertThat(Checks.share("promoterShare", 0.25)).isEqualTo(0.25);
    assertThatThrownBy(() -> Checks.share("detractorShare", -0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("detractorShare must be in [0, 1], was -0.01");
    assertThatThrownBy(() -> Checks.share("detractorShare", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("detractorShare must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> Checks.share("detractorShare", Double.NaN))
        .hasMessage("detractorShare must be in [0, 1], was NaN");
  }

  @Test
  void positiveRejectsZeroAndInfinity() {
    assertThat(Checks.positive("points", Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    assertThat(Checks.positive("points", 5.0)).isEqualTo(5.0);
    assertThatThrownBy(() -> Checks.positive("points", 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> Checks.positive("points", Double.POSITIVE_INFINITY))
        .hasMessage("points must be finite and > 0, was Infinity");
    assertThatThrownBy(() -> Checks.positive("points", -2.0))
        .hasMessage("points must be finite and > 0, was -2.0");
  }
}
