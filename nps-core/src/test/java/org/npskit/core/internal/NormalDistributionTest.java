package org.npskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class NormalDistributionTest {
  // {x, Phi(x), 1 - Phi(x)} computed with python3: statistics.NormalDist().cdf(x) and
  // 0.5 * math.erfc(x / math.sqrt(2)) (glibc erfc), printed with repr (17 digits).
  private static final double[][] CDF = {
      {-8.5, 0.0, 1.0},
      {-7, 1.2798095916366492e-12, 0.9999999999987201},
      {-6, 9.865876449133282e-10, 0.9999999990134123},
      {-5, 2.8665157186802404e-07, 0.9999997133484281},
      {-4.2, 1.3345749015902797e-05, 0.9999866542509841},
      {-3.5, 0.0002326290790355401, 0.9997673709209645},
      {-3, 0.0013498980316301035, 0.9986501019683699},
      {-2.9, 0.001865813300384045, 0.998134186699616},
      {-2.5, 0.006209665325776159, 0.9937903346742238},
      {-1.96, 0.024997895148220428, 0.9750021048517795},
      {-1.5, 0.06680720126885809, 0.9331927987311419},
      {-1, 0.15865525393145707, 0.8413447460685429},
      {-0.5, 0.3085375387259869, 0.6914624612740131},
      {-0.1, 0.460172162722971, 0.539827837277029},
      {0, 0.5, 0.5},
      {0.1, 0.539827837277029, 0.460172162722971},
      {0.5, 0.6914624612740131, 0.3085375387259869},
      {1, 0.8413447460685429, 0.15865525393145707},
      {1.2815515655446004, 0.8999999999999999, 0.10000000000000003},
      {1.5, 0.9331927987311419, 0.06680720126885809},
      {2, 0.9772498680518208, 0.02275013194817922},
      {2.5, 0.9937903346742238, 0.006209665325776139},
      {2.99, 0.9986051127645077, 0.0013948872354922503},
      {3, 0.9986501019683699, 0.0013498980316300957},
      {3.01, 0.9986937615512306, 0.0013062384487694699},
      {4, 0.9999683287581669, 3.1671241833119965e-05},
      {5, 0.9999997133484282, 2.866515718791946e-07},
      {6, 0.9999999990134123, 9.865876450377012e-10},
      {7.5, 0.999999999999968, 3.19089167291092e-14}
  };

  // {p, Phi^-1(p)} computed with python3: statistics.NormalDist().inv_cdf(p).
  private static final double[][] QUANTILE = {
      {1e-300, -37.0470962993612},
      {1e-100, -21.27345356096532},
      {1e-20, -9.262340089798405},
      {1e-10, -6.361340902404056},
      {1e-06, -4.753424308822899},
      {0.001, -3.090232306167813},
      {0.01, -2.3263478740408408},
      {0.025, -1.9599639845400538},
      {0.05, -1.6448536269514726},
      {0.075, -1.4395314709384557},
      {0.1, -1.2815515655446008},
      {0.3, -0.5244005127080407},
      {0.5, 0.0},
      {0.7, 0.5244005127080407},
      {0.9, 1.2815515655446008},
      {0.925, 1.439531470938456},
      {0.95, 1.6448536269514715},
      {0.975, 1.9599639845400536},
      {0.99, 2.3263478740408408},
      {0.999, 3.090232306167813},
      {0.999999, 4.753424308817089},
      {0.9999999999, 6.361340889697421}
  };

  @Test
  void cdfMatchesPythonToOneInABillion() {
    for (double[] row : CDF) {
      assertThat(NormalDistribution.cdf(row[0])).as("Phi(%s)", row[0]).isCloseTo(row[1], within(1e-12));
    }
  }

  @Test
  void upperTailKeepsRelativePrecision() {
    for (double[] row : CDF) {
      if (row[2] > 1e-300) {
        assertThat(NormalDistribution.complementaryCdf(row[0]))
            .as("Q(%s)", row[0])
            .isCloseTo(row[2], Percentage.withPercentage(1e-9));
      }
    }
  }

  @Test
  void quantileMatchesPythonToOneInABillion() {
    for (double[] row : QUANTILE) {
      assertThat(NormalDistribution.quantile(row[0]))
          .as("PhiInv(%s)", row[0])
          .isCloseTo(row[1], within(1e-9));
    }
  }

  @Test
  void quantileInvertsCdf() {
    for (double p = 0.0005; p < 1.0; p += 0.0005) {
      assertThat(NormalDistribution.cdf(NormalDistribution.quantile(p))).isCloseTo(p, within(1e-13));
    }
  }

  @Test
  void criticalValueAtNinetyFivePercent() {
    // python3: NormalDist().inv_cdf(0.975)
    assertThat(NormalDistribution.criticalValue(0.95)).isCloseTo(1.9599639845400536, within(1e-12));
  }

  @Test
  void rejectsProbabilitiesOutsideTheOpenUnitInterval() {
    for (double bad : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> NormalDistribution.quantile(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(String.valueOf(bad));
      assertThatThrownBy(() -> NormalDistribution.criticalValue(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("confidence")
          .hasMessageContaining(String.valueOf(bad));
    }
    assertThatThrownBy(() -> NormalDistribution.cdf(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
