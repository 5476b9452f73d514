package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a weighted tally accepts, and what it refuses to compute without weight. */
class WeightedNpsTallyContractTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void everySumIsValidatedAndNamed(int component) {
    String[] names = {"detractorWeight", "passiveWeight", "promoterWeight", "sumOfSquaredWeights"};
    for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      double[] sums = {1, 1, 1, 3};
      sums[component] = bad;
      assertThatThrownBy(() -> new WeightedNpsTally(sums[0], sums[1], sums[2], sums[3], 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(names[component] + " must be finite and >= 0, was " + bad);
    }
  }

  @Test
  void negativeResponseCountIsRejected() {
    assertThatThrownBy(() -> new WeightedNpsTally(0, 0, 0, 0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 0, was -1");
    assertThat(new WeightedNpsTally(0, 0, 0, 0, 0)).isEqualTo(WeightedNpsTally.empty());
  }

  @Test
  void everyFigureOfAWeightlessTallyIsUndefined() {
    WeightedNpsTally weightless =
        WeightedNpsAccumulator.create().add(10, 0.0).add(3, 0.0).add(8, 0.0).tally();
    List<Function<WeightedNpsTally, Object>> figures =
        List.of(
            WeightedNpsTally::nps,
            WeightedNpsTally::effectiveN,
            WeightedNpsTally::promoterShare,
            WeightedNpsTally::detractorShare,
            WeightedNpsTally::passiveShare,
            WeightedNpsTally::standardError,
            t -> t.interval(0.95),
            t -> t.interval(0.95, IntervalMethod.TANGO_SCORE));
    for (Function<WeightedNpsTally, Object> figure : figures) {
      assertThatThrownBy(() -> figure.apply(weightless))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("weighted NPS is undefined for total weight 0 (n=3 responses)");
    }
  }

  @Test
  void sharesOfAWeightedTally() {
    WeightedNpsTally t = new WeightedNpsTally(1.0, 3.0, 4.0, 10.0, 5);
    assertThat(t.detractorShare()).isEqualTo(0.125);
    assertThat(t.passiveShare()).isEqualTo(0.375);
    assertThat(t.promoterShare()).isEqualTo(0.5);
    assertThat(t.effectiveN()).isEqualTo(6.4);
  }

  @Test
  void theDefaultIntervalIsAdjustedWald() {
    WeightedNpsTally t = WeightedNpsAccumulator.create().add(10, 2).add(9, 1).add(0, 1.5).tally();
    assertThat(t.interval(0.9)).isEqualTo(t.interval(0.9, IntervalMethod.ADJUSTED_WALD));
    assertThat(t.interval(0.9)).isNotEqualTo(t.interval(0.9, IntervalMethod.WALD));
  }

  @Test
  void theDefaultAccumulatorScaleIsZeroToTen() {
    assertThat(WeightedNpsAccumulator.create().add(0, 1.0).tally().detractorWeight())
        .isEqualTo(1.0);
    assertThatThrownBy(() -> WeightedNpsAccumulator.create(Scale.ONE_TO_TEN).add(0, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
