package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PValueAdjustmentTest {
  private static final double EXACT = 1e-12;

  /**
   * Benjamini and Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1), section
   * 4: the 15 p-values of the thrombolysis trial of Neuhaus et al. (1992), sorted.
   */
  private static final double[] BH_1995 = {
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
    0.5719, 0.6528, 0.7590, 1.000
  };

  @Test
  void benjaminiHochbergReproducesThe1995WorkedExample() {
    // The paper: at q = 0.05 the procedure rejects the four smallest, since p(4) = 0.0095 <=
    // 4/15 0.05 = 0.0133 and no larger p(i) is below i/15 0.05; Bonferroni (0.05/15 = 0.0033)
    // rejects three. Adjusted, by hand (min over j >= i of 15 p(j) / j):
    // 15 * 0.0001 / 1 = 0.0015, 15 * 0.0004 / 2 = 0.003, 15 * 0.0019 / 3 = 0.0095,
    // 15 * 0.0095 / 4 = 0.035625, 15 * 0.0201 / 5 = 0.0603, 15 * 0.0298 / 7 = 0.0638571
    // (also for i = 6, as 15 * 0.0278 / 6 = 0.0695 is larger), 15 * 0.0344 / 8 = 0.0645,
    // 15 * 0.0459 / 9 = 0.0765, 15 * 0.3240 / 10 = 0.486, ..., 15 * 1 / 15 = 1.
    double[] adjusted = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(BH_1995);
    double[] expected = {
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 15 * 0.0298 / 7, 15 * 0.0298 / 7, 0.0645, 0.0765,
      0.486, 15 * 0.4262 / 11, 15 * 0.5719 / 12, 15 * 0.6528 / 13, 15 * 0.7590 / 14, 1.0
    };
    assertClose(adjusted, expected);
    assertThat(Arrays.stream(adjusted).filter(a -> a <= 0.05).count()).isEqualTo(4);
    assertThat(Arrays.stream(BH_1995).filter(p -> p <= 0.05 / 15).count()).isEqualTo(3);
  }

  @Test
  void holmOnTheSame1995Data() {
    // By hand (max over j <= i of (15 - j + 1) p(j)): 15 * 0.0001 = 0.0015, 14 * 0.0004 =
    // 0.0056, 13 * 0.0019 = 0.0247, 12 * 0.0095 = 0.114, 11 * 0.0201 = 0.2211, 10 * 0.0278 =
    // 0.278 (kept for i = 7, 8 as 9 * 0.0298 = 0.2682 and 8 * 0.0344 = 0.2752 are smaller),
    // 7 * 0.0459 = 0.3213, then 6 * 0.3240 > 1, capped at 1. Holm rejects three at 0.05.
    double[] adjusted = PValueAdjustment.HOLM.adjust(BH_1995);
    double[] expected = {
      0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1
    };
    assertClose(adjusted, expected);
    assertThat(Arrays.stream(adjusted).filter(a -> a <= 0.05).count()).isEqualTo(3);
  }

  @Test
  void holmReproducesTheTextbookExampleInInputOrder() {
    // The worked example of the Wikipedia article "Holm-Bonferroni method" (also in
    // GeeksforGeeks' "Holm-Bonferroni method"): H1..H4 with p = 0.01, 0.04, 0.03, 0.005 at
    // alpha = 0.05; H4 (0.005 < 0.05/4) and H1 (0.01 < 0.05/3) are rejected, H3 (0.03 >
    // 0.05/2) and H2 are not. Adjusted: 4 * 0.005 = 0.02, 3 * 0.01 = 0.03, 2 * 0.03 = 0.06,
    // max(0.06, 1 * 0.04) = 0.06.
    double[] adjusted = PValueAdjustment.HOLM.adjust(0.01, 0.04, 0.03, 0.005);
    assertClose(adjusted, new double[] {0.03, 0.06, 0.06, 0.02});
    assertThat(adjusted[0]).isLessThan(0.05);
    assertThat(adjusted[3]).isLessThan(0.05);
    assertThat(adjusted[1]).isGreaterThan(0.05);
    assertThat(adjusted[2]).isGreaterThan(0.05);
  }

  @Test
  void benjaminiHochbergOnTheTextbookExample() {
    // 4 * 0.005 / 1 = 0.02, 4 * 0.01 / 2 = 0.02, 4 * 0.03 / 3 = 0.04, 4 * 0.04 / 4 = 0.04
    assertClose(
        PValueAdjustment.BENJAMINI_HOCHBERG.adjust(0.01, 0.04, 0.03, 0.005),
        new double[] {0.02, 0.04, 0.04, 0.02});
  }

  @Test
  void reproducesTheContractFamilies() {
    // ../shared/contract/v2/stats: the three channel p-values of shop.csv, Holm (adjusted Wald)
    // and Benjamini-Hochberg (Wald)
    assertClose(
        PValueAdjustment.HOLM.adjust(
            0.7370795357531192, 0.000644392816874765, 0.011921001496914005),
        new double[] {0.7370795357531192, 0.001933178450624295, 0.02384200299382801});
    assertClose(
        PValueAdjustment.BENJAMINI_HOCHBERG.adjust(
            0.7957751536979617, 1.1692345091034308e-05, 0.014122642539198973),
        new double[] {0.7957751536979617, 3.507703527310292e-05, 0.02118396380879846});
  }

  @Test
  void noneReturnsACopyOfTheRawValues() {
    double[] raw = {0.3, 0.01, 1.0};
    double[] adjusted = PValueAdjustment.NONE.adjust(raw);
    assertThat(adjusted).containsExactly(0.3, 0.01, 1.0).isNotSameAs(raw);
    adjusted[0] = 0.9;
    assertThat(raw[0]).isEqualTo(0.3);
  }

  @Test
  void adjustingDoesNotModifyTheInput() {
    double[] raw = {0.04, 0.01, 0.03};
    PValueAdjustment.HOLM.adjust(raw);
    PValueAdjustment.BENJAMINI_HOCHBERG.adjust(raw);
    assertThat(raw).containsExactly(0.04, 0.01, 0.03);
  }

  @Test
  void aSingleValueAndAnEmptyFamilyStayAsTheyAre() {
    for (PValueAdjustment a : PValueAdjustment.values()) {
      assertThat(a.adjust(0.2)).containsExactly(0.2);
      assertThat(a.adjust()).isEmpty();
      assertThat(a.adjust(List.of())).isEmpty();
    }
  }

  @Test
  void tiesGetEqualAdjustedValues() {
    assertThat(PValueAdjustment.HOLM.adjust(0.02, 0.01, 0.02)).containsExactly(0.04, 0.03, 0.04);
    assertClose(
        PValueAdjustment.BENJAMINI_HOCHBERG.adjust(0.02, 0.01, 0.02),
        new double[] {0.02, 0.02, 0.02});
  }

  @Test
  void listsAreAdjustedInInputOrder() {
    assertThat(PValueAdjustment.HOLM.adjust(List.of(0.01, 0.04, 0.03, 0.005)))
        .containsExactly(0.03, 0.06, 0.06, 0.02);
    List<Double> withNull = Arrays.asList(0.1, null);
    assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("pValues[1]");
  }

  @Test
  void rejectsValuesOutsideTheUnitIntervalNamingTheIndex() {
    for (double bad : new double[] {Double.NaN, -0.01, 1.5, Double.POSITIVE_INFINITY}) {
      for (PValueAdjustment a : PValueAdjustment.values()) {
        assertThatThrownBy(() -> a.adjust(0.5, bad))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("pValues[1]")
            .hasMessageContaining(String.valueOf(bad));
      }
    }
    assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust((double[]) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void parsesTheCommandLineNames() {
    assertThat(PValueAdjustment.parse("holm")).isEqualTo(PValueAdjustment.HOLM);
    assertThat(PValueAdjustment.parse(" BH ")).isEqualTo(PValueAdjustment.BENJAMINI_HOCHBERG);
    assertThat(PValueAdjustment.parse("benjamini_hochberg"))
        .isEqualTo(PValueAdjustment.BENJAMINI_HOCHBERG);
    assertThat(PValueAdjustment.parse("None")).isEqualTo(PValueAdjustment.NONE);
    for (PValueAdjustment a : PValueAdjustment.values()) {
      assertThat(PValueAdjustment.parse(a.label())).isEqualTo(a);
    }
    assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.label()).isEqualTo("bh");
    assertThatThrownBy(() -> PValueAdjustment.parse("bonferroni"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"bonferroni\"")
        .hasMessageContaining("holm, bh or none");
  }

  private static void assertClose(double[] actual, double[] expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(EXACT));
    }
  }
}
