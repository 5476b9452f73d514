package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleAndMethodTest {
  @Test
  void scalesKnowTheirRange() {
    assertThat(Scale.ZERO_TO_TEN.min()).isZero();
    assertThat(Scale.ONE_TO_TEN.min()).isEqualTo(1);
    assertThat(Scale.ONE_TO_TEN.max()).isEqualTo(10);
    assertThat(Scale.ZERO_TO_TEN.contains(0)).isTrue();
    assertThat(Scale.ONE_TO_TEN.contains(0)).isFalse();
    assertThat(Scale.ONE_TO_TEN.contains(10)).isTrue();
    assertThat(Scale.ZERO_TO_TEN.contains(11)).isFalse();
    assertThat(Scale.ZERO_TO_TEN.validate(7)).isEqualTo(7);
  }

  @Test
  void validateNamesScoreAndScale() {
    assertThatThrownBy(() -> Scale.ONE_TO_TEN.validate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0")
        .hasMessageContaining("1-10");
    assertThatThrownBy(() -> Scale.ZERO_TO_TEN.validate(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 11")
        .hasMessageContaining("0-10");
  }

  @Test
  void parsesLabels() {
    assertThat(Scale.parse("0-10")).isEqualTo(Scale.ZERO_TO_TEN);
    assertThat(Scale.parse(" 1-10 ")).isEqualTo(Scale.ONE_TO_TEN);
    assertThat(Scale.ZERO_TO_TEN.label()).isEqualTo("0-10");
    assertThatThrownBy(() -> Scale.parse("0-5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-5");
    assertThat(IntervalMethod.parse("Adjusted-Wald")).isEqualTo(IntervalMethod.ADJUSTED_WALD);
    assertThat(IntervalMethod.parse("WALD")).isEqualTo(IntervalMethod.WALD);
    assertThat(IntervalMethod.parse("tango")).isEqualTo(IntervalMethod.TANGO_SCORE);
    assertThat(IntervalMethod.parse("tango_score")).isEqualTo(IntervalMethod.TANGO_SCORE);
    for (IntervalMethod m : IntervalMethod.values()) {
      assertThat(IntervalMethod.parse(m.label())).isEqualTo(m);
    }
    assertThatThrownBy(() -> IntervalMethod.parse("wilson"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wilson");
  }

  @Test
  void intervalRejectsInvertedBounds() {
    assertThatThrownBy(() -> new Interval(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2.0, 1.0]");
    assertThat(new Interval(-1, 3).width()).isEqualTo(4.0);
    assertThat(new Interval(-1, 3).contains(3)).isTrue();
    assertThat(new Interval(-1, 3).contains(3.5)).isFalse();
  }
}
