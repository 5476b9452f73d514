package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleSizeTest {
  @Test
  void designExampleWorstCaseFivePoints() {
    assertThat(SampleSize.forMarginOfError(5.0, 0.95).wald()).isEqualTo(1537);
  }

  @Test
  void matchesIndependentlyComputedSizes() {
    // python3: Wald = ceil(z^2 V / (E/100)^2); adjusted Wald by a linear scan n = 0, 1, ...
    // for the first n with z sqrt(V'/(n+3)) <= E/100, z = NormalDist().inv_cdf(1 - (1-c)/2).
    assertThat(SampleSize.forMarginOfError(5, 0.95))
        .isEqualTo(new SampleSizeEstimate(1537, 1533));
    assertThat(SampleSize.forMarginOfError(5, 0.95, 0.6, 0.15))
        .isEqualTo(new SampleSizeEstimate(842, 840));
    assertThat(SampleSize.forMarginOfError(3, 0.90, 0.4, 0.2))
        .isEqualTo(new SampleSizeEstimate(1684, 1681));
    assertThat(SampleSize.forMarginOfError(10, 0.99))
        .isEqualTo(new SampleSizeEstimate(664, 659));
  }

  @Test
  void plannedSizeReachesTheMargin() {
    SampleSizeEstimate s = SampleSize.forMarginOfError(4, 0.95, 0.5, 0.2);
    long r = Math.round(0.5 * s.wald());
    long d = Math.round(0.2 * s.wald());
    NpsResult planned = new NpsResult(d, s.wald() - r - d, r);
    assertThat(planned.marginOfError(0.95)).isLessThanOrEqualTo(4.0 + 1e-3);
  }

  @Test
  void perGroupForADifference() {
    // python3: ceil((z_.975 + z_.8)^2 (V_A + V_B) / (delta/100)^2)
    assertThat(SampleSize.perGroupForDifference(10, 0.95, 0.8)).isEqualTo(1570);
    assertThat(SampleSize.perGroupForDifference(15, 0.95, 0.8, 0.6, 0.15, 0.5, 0.2))
        .isEqualTo(404);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> SampleSize.forMarginOfError(0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> SampleSize.forMarginOfError(Double.NaN, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> SampleSize.forMarginOfError(5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
    assertThatThrownBy(() -> SampleSize.forMarginOfError(5, 0.95, 0.7, 0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.7 + 0.6");
    assertThatThrownBy(() -> SampleSize.forMarginOfError(5, 0.95, -0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("promoterShare");
    assertThatThrownBy(() -> SampleSize.perGroupForDifference(5, 0.95, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power");
  }
}
