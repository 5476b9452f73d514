package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightedNpsTest {
  @Test
  void weightedFiguresMatchAHandComputation() {
    // python3 on (score, weight) = (10,2),(9,1),(7,.5),(3,1.5),(0,1):
    // NPS_w = 100 sum(w s)/sum(w); n_eff = (sum w)^2/sum w^2; SE_w = 100 sqrt(V_w/n_eff)
    WeightedNpsTally t =
        WeightedNpsAccumulator.create()
            .add(10, 2.0)
            .add(9, 1.0)
            .add(7, 0.5)
            .add(3, 1.5)
            .add(0, 1.0)
            .tally();
    assertThat(t.n()).isEqualTo(5);
    assertThat(t.totalWeight()).isEqualTo(6.0);
    assertThat(t.nps()).isCloseTo(8.333333333333334, within(1e-9));
    assertThat(t.effectiveN()).isCloseTo(4.235294117647059, within(1e-12));
    assertThat(t.standardError()).isCloseTo(46.3460380929544, within(1e-9));
    Interval wald = t.interval(0.95, IntervalMethod.WALD);
    assertThat(wald.low()).isCloseTo(-82.50323215497869, within(1e-9));
    assertThat(wald.high()).isCloseTo(99.16989882164535, within(1e-9));
    assertThat(t.promoterShare() + t.passiveShare() + t.detractorShare())
        .isCloseTo(1.0, within(1e-15));
  }

  @Test
  void unitWeightsGiveTheUnweightedFigures() {
    WeightedNpsAccumulator w = WeightedNpsAccumulator.create();
    for (int s : new int[] {3, 7, 8, 9, 10, 10}) {
      w.add(s, 1.0);
    }
    WeightedNpsTally t = w.tally();
    NpsResult r = new NpsResult(1, 2, 3);
    assertThat(t.effectiveN()).isCloseTo(6.0, within(1e-12));
    assertThat(t.nps()).isCloseTo(r.nps(), within(1e-12));
    assertThat(t.standardError()).isCloseTo(r.standardError(), within(1e-12));
    for (IntervalMethod m : IntervalMethod.values()) {
      assertThat(t.interval(0.95, m).low()).isCloseTo(r.interval(0.95, m).low(), within(1e-9));
      assertThat(t.interval(0.95, m).high()).isCloseTo(r.interval(0.95, m).high(), within(1e-9));
    }
  }

  @Test
  void mergeAndPlusAgree() {
    WeightedNpsAccumulator a = WeightedNpsAccumulator.create().add(10, 2).add(0, 1);
    WeightedNpsAccumulator b = WeightedNpsAccumulator.create().add(8, 3);
    WeightedNpsTally sum = a.tally().plus(b.tally());
    assertThat(a.merge(b).tally()).isEqualTo(sum);
    assertThat(sum.passiveWeight()).isEqualTo(3.0);
    assertThat(WeightedNpsTally.empty().plus(sum)).isEqualTo(sum);
  }

  @Test
  void rejectsBadWeightsAndEmptyTallies() {
    WeightedNpsAccumulator acc = WeightedNpsAccumulator.create();
    for (double bad : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> acc.add(9, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("weight")
          .hasMessageContaining(String.valueOf(bad));
    }
    assertThatThrownBy(() -> acc.add(11, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    WeightedNpsTally zero = acc.add(9, 0.0).tally();
    assertThat(zero.n()).isEqualTo(1);
    assertThat(zero.isEmpty()).isTrue();
    assertThatThrownBy(zero::nps)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("total weight 0");
    assertThatThrownBy(() -> new WeightedNpsTally(-1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detractorWeight");
  }
}
