package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One example per bug the fuzz properties ({@link CoreFuzzProperties}) found in nps-core. */
class FuzzFindingsTest {

  @Test
  void countsWhoseSumOverflowsALongAreAnIllegalArgumentAsDocumented() {
    // Was an ArithmeticException from Math.addExact, though the Javadoc promised an IAE.
    assertThatThrownBy(() -> NpsTally.ofCategories(Long.MAX_VALUE, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    assertThatThrownBy(() -> new NpsResult(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detractors=9223372036854775807");
    NpsTally big = NpsTally.ofCategories(0, 0, Long.MAX_VALUE);
    assertThatThrownBy(() -> big.plus(big)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score 10");
  }

  @Test
  void weightsWhoseSumsOverflowAreRejectedWhenAddedNotWhenTallied() {
    WeightedNpsAccumulator acc = WeightedNpsAccumulator.create().add(10, 1e154);
    // Was accepted, and tally() then threw "sumOfSquaredWeights must be finite".
    assertThatThrownBy(() -> acc.add(9, 1e154)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight 1.0E154 (score 9)", "squares");
    assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(IllegalArgumentException.class);
    assertThat(acc.tally().nps()).isEqualTo(100.0);
  }

  @Test
  void aWeightWhoseSquareUnderflowsIsRejectedInsteadOfGivingANanEffectiveN() {
    // Was accepted: sum w = 4.9E-324, sum w^2 = 0, effectiveN() = NaN.
    assertThatThrownBy(() -> WeightedNpsAccumulator.create().add(0, Double.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4.9E-324");
    assertThatThrownBy(() -> new WeightedNpsTally(1e-200, 0, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sumOfSquaredWeights");
    assertThat(WeightedNpsAccumulator.create().add(0, 1e-150).tally().effectiveN()).isEqualTo(1.0);
  }

  @Test
  void aConfidenceJustBelowOneHasAnInterval() {
    // 1 - (1 - c)/2 rounded to 1.0 and the quantile rejected it: an IAE for a valid c.
    Interval i = new NpsResult(1, 2, 3).interval(0.9999999999999999, IntervalMethod.WALD);
    assertThat(i.low()).isEqualTo(-100.0);
    assertThat(i.high()).isEqualTo(100.0);
  }

  @Test
  void bucketsOutsideTheDateRangeAreAnIllegalArgumentNotADateTimeException() {
    assertThatThrownBy(() -> TimeBucket.DAY.start(Instant.MAX, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Instant.MAX.toString());
    assertThatThrownBy(() -> TimeBucket.DAY.start(Instant.MIN, ZoneOffset.MIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-18:00");
    assertThatThrownBy(() -> TimeBucket.ISO_WEEK.next(LocalDate.MAX.minusDays(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO_WEEK");
    assertThatThrownBy(() -> TimeBucket.QUARTER.next(LocalDate.of(999_999_999, 12, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUARTER");
  }
}
