package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.npskit.core.IntervalMethod.ADJUSTED_WALD;
import static org.npskit.core.IntervalMethod.TANGO_SCORE;
import static org.npskit.core.IntervalMethod.WALD;
import static org.npskit.core.PValueAdjustment.BENJAMINI_HOCHBERG;
import static org.npskit.core.PValueAdjustment.HOLM;
import static org.npskit.core.PValueAdjustment.NONE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContrastsTest {
  private static final double FULL = 1e-9;

  // Three segments: a (1,1,2) NPS 25, b (2,1,1) NPS -25, c (0,2,2) NPS 50; total (3,4,5).
  private static final Breakdown<String> ABC =
      Breakdown.of(
          List.of(
              new Breakdown.Cell<>("a", NpsTally.ofCategories(1, 1, 2)),
              new Breakdown.Cell<>("b", NpsTally.ofCategories(2, 1, 1)),
              new Breakdown.Cell<>("c", NpsTally.ofCategories(0, 2, 2))));

  // Months: January = a, February empty, March = b, April = c.
  private static final Breakdown<LocalDate> MONTHS =
      Breakdown.of(
          List.of(
              new Breakdown.Cell<>(LocalDate.parse("2026-01-01"), NpsTally.ofCategories(1, 1, 2)),
              new Breakdown.Cell<>(LocalDate.parse("2026-02-01"), NpsTally.empty()),
              new Breakdown.Cell<>(LocalDate.parse("2026-03-01"), NpsTally.ofCategories(2, 1, 1)),
              new Breakdown.Cell<>(LocalDate.parse("2026-04-01"), NpsTally.ofCategories(0, 2, 2))));

  @Test
  void eachSegmentAgainstTheRestByWaldMatchesAHandComputation() {
    // python3: rest = total - cell; nps = 100 (R - D) / n; V = (R + D) / n - ((R - D) / n)^2;
    // se = 100 sqrt(V / n); se_diff = hypot(se_A, se_B); z = diff / se_diff;
    // p = 2 (1 - NormalDist().cdf(abs(z))). a vs (2,3,3): 25 - 12.5; b vs (1,3,4): -25 - 37.5;
    // c vs (3,2,3): 50 - 0.
    List<Contrast<String>> c = Contrasts.againstRest(ABC, WALD, NONE);
    assertThat(c).extracting(Contrast::key).containsExactly("a", "b", "c");
    assertComparison(c.get(0).comparison(), 12.5, 49.804304532841336, 0.25098232205526344,
        0.8018277767897533);
    assertComparison(c.get(1).comparison(), -62.5, 48.21015193919223, -1.2964074471043288,
        0.1948351477430501);
    assertComparison(c.get(2).comparison(), 50.0, 39.52847075210474, 1.2649110640673518,
        0.2059032107320684);
    for (Contrast<String> x : c) {
      assertThat(x.adjustedPValue()).isEqualTo(x.pValue());
      assertThat(x.comparison().method()).isEqualTo(WALD);
    }
  }

  @Test
  void holmAdjustsTheFamilyOfSegments() {
    // Holm over the Wald p-values 0.80183 (a), 0.19484 (b), 0.20590 (c): b 3 * 0.19484 =
    // 0.58451, c max(0.58451, 2 * 0.20590 = 0.41181) = 0.58451, a max(0.58451, 0.80183).
    List<Contrast<String>> c = Contrasts.againstRest(ABC, WALD, HOLM);
    assertThat(c.get(1).adjustedPValue()).isCloseTo(3 * 0.1948351477430501, within(FULL));
    assertThat(c.get(2).adjustedPValue()).isCloseTo(3 * 0.1948351477430501, within(FULL));
    assertThat(c.get(0).adjustedPValue()).isCloseTo(0.8018277767897533, within(FULL));
    assertThat(c).noneMatch(x -> x.isSignificant(0.95));
    assertThat(c.get(1).isSignificant(0.40)).isTrue();
  }

  @Test
  void adjustedWaldAgainstTheRestUsesAdjustedCountsAndKeepsTheRawDifference() {
    // python3 as above on (D + 3/4, P + 3/2, R + 3/4) of both sides; the difference stays raw
    List<Contrast<String>> c =
        Contrasts.againstRest(ABC, ADJUSTED_WALD, HOLM);
    Comparison a = c.get(0).comparison();
    assertThat(a.difference()).isCloseTo(12.5, within(FULL));
    assertThat(a.estimate()).isCloseTo(5.1948051948051965, within(FULL));
    assertThat(a.standardError()).isCloseTo(37.66815316184151, within(FULL));
    assertThat(a.z()).isCloseTo(0.13790973962768166, within(FULL));
    assertThat(c.get(1).comparison().estimate()).isCloseTo(-41.55844155844156, within(FULL));
    assertThat(c.get(1).pValue()).isCloseTo(0.2595669065910382, within(FULL));
    assertThat(c.get(2).pValue()).isCloseTo(0.41287985545791317, within(FULL));
    // Holm: b 3 * 0.25957 = 0.77870, c max(0.77870, 2 * 0.41288) = 0.82576, a 0.89031
    assertThat(c.get(1).adjustedPValue()).isCloseTo(3 * 0.2595669065910382, within(FULL));
    assertThat(c.get(2).adjustedPValue()).isCloseTo(2 * 0.41287985545791317, within(FULL));
    assertThat(c.get(0).adjustedPValue()).isCloseTo(0.8903117528543951, within(FULL));
    // each equals the documented two-result comparison of the cell with its rest
    assertThat(a).isEqualTo(new NpsResult(1, 1, 2).differenceFrom(new NpsResult(2, 3, 3)));
  }

  @Test
  void eachPeriodAgainstThePreviousNonEmptyOne() {
    // March (2,1,1) - January (1,1,2) = -25 - 25 = -50 (February is empty, so not a reference);
    // April (0,2,2) - March = 50 - (-25) = 75. python3 as above.
    List<Contrast<LocalDate>> c =
        Contrasts.againstPrevious(MONTHS, WALD, HOLM);
    assertThat(c)
        .extracting(Contrast::key)
        .containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"));
    assertComparison(c.get(0).comparison(), -50.0, 58.63019699779287, -0.8528028654224417,
        0.39376863464299294);
    assertComparison(c.get(1).comparison(), 75.0, 48.41229182759271, 1.5491933384829668,
        0.12133525035848214);
    // Holm over two: April 2 * 0.12134 = 0.24267, March max(0.24267, 0.39377)
    assertThat(c.get(1).adjustedPValue()).isCloseTo(2 * 0.12133525035848214, within(FULL));
    assertThat(c.get(0).adjustedPValue()).isCloseTo(0.39376863464299294, within(FULL));
    List<Contrast<LocalDate>> adjusted =
        Contrasts.againstPrevious(MONTHS, ADJUSTED_WALD, NONE);
    assertThat(adjusted.get(0).comparison().estimate()).isCloseTo(-28.57142857142857, within(FULL));
    assertThat(adjusted.get(0).pValue()).isCloseTo(0.49808402207740765, within(FULL));
    assertThat(adjusted.get(1).comparison().standardError())
        .isCloseTo(38.56008903610446, within(FULL));
  }

  @Test
  void cellsWithoutAComparisonAreLeftOutOfTheFamily() {
    // one segment: its rest is empty; an empty segment has no NPS
    Breakdown<String> one =
        Breakdown.of(
            List.of(
                new Breakdown.Cell<>("only", NpsTally.ofCategories(1, 0, 1)),
                new Breakdown.Cell<>("none", NpsTally.empty())));
    assertThat(Contrasts.againstRest(one, WALD, HOLM)).isEmpty();
    assertThat(Contrasts.againstPrevious(one, WALD, HOLM))
        .isEmpty();
    assertThat(
            Contrasts.againstRest(
                Breakdown.of(List.<Breakdown.Cell<String>>of()),
                WALD,
                HOLM))
        .isEmpty();
    // the empty February is neither compared nor counted in the Holm family of MONTHS
    assertThat(Contrasts.againstRest(MONTHS, WALD, NONE))
        .extracting(Contrast::key)
        .doesNotContain(LocalDate.parse("2026-02-01"))
        .hasSize(3);
  }

  @Test
  void reproducesTheContractReportsOfShopCsvByChannelAndMonth() {
    // ../shared/contract/v2/stats/shop.csv, counted per channel and month (D, P, R):
    // app (5,8,22), store (0,3,23), web (9,5,15); 2026-01 (3,6,24), 2026-02 (4,4,24),
    // 2026-03 (7,6,12). Expected values: report-shop-by-channel-holm.args.json,
    // report-shop-by-channel-bh-wald.args.json and report-shop-by-month.args.json.
    Breakdown<String> byChannel =
        Breakdown.of(
            List.of(
                new Breakdown.Cell<>("app", NpsTally.ofCategories(5, 8, 22)),
                new Breakdown.Cell<>("store", NpsTally.ofCategories(0, 3, 23)),
                new Breakdown.Cell<>("web", NpsTally.ofCategories(9, 5, 15))));
    List<Contrast<String>> holm =
        Contrasts.againstRest(byChannel, ADJUSTED_WALD, HOLM);
    assertContract(holm.get(0), -4.155844155844157, 15.677070779366652, -0.33572329734352785,
        0.7370795357531192, 0.7370795357531192, false);
    assertContract(holm.get(1), 52.52403846153847, 13.182668408803826, 3.412206483824664,
        0.000644392816874765, 0.001933178450624295, true);
    assertContract(holm.get(2), -44.88411531938948, 17.399263633843816, -2.514474228374849,
        0.011921001496914005, 0.02384200299382801, true);
    List<Contrast<String>> bh =
        Contrasts.againstRest(byChannel, WALD, BENJAMINI_HOCHBERG);
    assertContract(bh.get(0), -4.155844155844157, 16.0569722075391, -0.25881866781166235,
        0.7957751536979617, 0.7957751536979617, false);
    assertContract(bh.get(1), 52.52403846153847, 11.982906551156583, 4.383246939071629,
        1.1692345091034308e-05, 3.507703527310292e-05, true);
    assertContract(bh.get(2), -44.88411531938948, 18.28922634333388, -2.454128702702014,
        0.014122642539198973, 0.02118396380879846, true);

    Breakdown<LocalDate> byMonth =
        Breakdown.of(
            List.of(
                month("2026-01-01", 3, 6, 24),
                month("2026-02-01", 4, 4, 24),
                month("2026-03-01", 7, 6, 12)));
    List<Contrast<LocalDate>> months =
        Contrasts.againstPrevious(byMonth, ADJUSTED_WALD, HOLM);
    assertThat(months).extracting(Contrast::key)
        .containsExactly(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
    assertContract(months.get(0), -1.1363636363636331, 16.519917322987684, -0.0720630840458037,
        0.9425517044768404, 0.9425517044768404, false);
    assertContract(months.get(1), -42.5, 19.940235047785496, -1.970173079282596,
        0.04881853774454378, 0.09763707548908757, false);
  }

  @Test
  void weightedSegmentsAreComparedOnEffectiveCounts() {
    // A: a promoter of weight 2 and a detractor of weight 1: sums (1, 0, 2), sum w^2 = 5,
    // n_eff = 9/5, effective counts (0.6, 0, 1.2). B: a passive and a promoter of weight 1:
    // effective counts (0, 1, 1). python3 as above on the effective counts: Wald diff
    // 33.333 - 50, se 78.66556810281276, p 0.8322105112018647; adjusted Wald estimate -7.5,
    // se 48.163674935923794, p 0.8762545085323608.
    WeightedNpsTally a = WeightedNpsAccumulator.create().add(10, 2.0).add(0, 1.0).tally();
    WeightedNpsTally b = WeightedNpsAccumulator.create().add(8, 1.0).add(9, 1.0).tally();
    Map<String, WeightedNpsTally> cells = new LinkedHashMap<>();
    cells.put("A", a);
    cells.put("B", b);
    List<Contrast<String>> c =
        Contrasts.weightedAgainstRest(cells, WALD, NONE);
    assertThat(c).extracting(Contrast::key).containsExactly("A", "B");
    assertComparison(c.get(0).comparison(), -16.666666666666664, 78.66556810281276,
        -0.21186736546393456, 0.8322105112018647);
    assertThat(c.get(1).comparison().difference()).isCloseTo(16.666666666666664, within(FULL));
    Comparison adjusted = a.differenceFrom(b, ADJUSTED_WALD);
    assertThat(adjusted.difference()).isCloseTo(-16.666666666666664, within(FULL));
    assertThat(adjusted.estimate()).isCloseTo(-7.5, within(FULL));
    assertThat(adjusted.standardError()).isCloseTo(48.163674935923794, within(FULL));
    assertThat(adjusted.pValue()).isCloseTo(0.8762545085323608, within(FULL));
    List<Contrast<String>> trend =
        Contrasts.weightedAgainstPrevious(cells, WALD, HOLM);
    assertThat(trend).hasSize(1);
    assertThat(trend.get(0).key()).isEqualTo("B");
    assertThat(trend.get(0).comparison()).isEqualTo(b.differenceFrom(a, WALD));
  }

  @Test
  void weightedRestIsTheSumOfAllOtherCells() {
    WeightedNpsTally x = WeightedNpsAccumulator.create().add(10, 2.0).add(3, 0.5).tally();
    WeightedNpsTally y = WeightedNpsAccumulator.create().add(7, 1.5).tally();
    WeightedNpsTally zero = WeightedNpsAccumulator.create().add(9, 0.0).tally();
    WeightedNpsTally w = WeightedNpsAccumulator.create().add(0, 1.0).add(9, 3.0).tally();
    Map<String, WeightedNpsTally> cells = new LinkedHashMap<>();
    cells.put("x", x);
    cells.put("y", y);
    cells.put("zero", zero);
    cells.put("w", w);
    List<Contrast<String>> c =
        Contrasts.weightedAgainstRest(cells, ADJUSTED_WALD, BENJAMINI_HOCHBERG);
    // the zero-weight cell has no NPS and is left out; the others are against their rest
    assertThat(c).extracting(Contrast::key).containsExactly("x", "y", "w");
    assertThat(c.get(0).comparison())
        .isEqualTo(x.differenceFrom(y.plus(zero).plus(w), ADJUSTED_WALD));
    assertThat(c.get(1).comparison().difference())
        .isCloseTo(y.nps() - x.plus(w).nps(), within(FULL));
    assertThat(c.get(2).comparison().difference())
        .isCloseTo(w.nps() - x.plus(y).nps(), within(FULL));
    double[] bh =
        BENJAMINI_HOCHBERG.adjust(c.get(0).pValue(), c.get(1).pValue(), c.get(2).pValue());
    assertThat(c).extracting(Contrast::adjustedPValue).containsExactly(bh[0], bh[1], bh[2]);
    // the zero-weight cell is not a reference either
    List<Contrast<String>> trend =
        Contrasts.weightedAgainstPrevious(cells, WALD, NONE);
    assertThat(trend).extracting(Contrast::key).containsExactly("y", "w");
    assertThat(trend.get(1).comparison()).isEqualTo(w.differenceFrom(y, WALD));
    // one weighted cell alone: no rest
    assertThat(Contrasts.weightedAgainstRest(Map.of("x", x), WALD, NONE)).isEmpty();
  }

  @Test
  void unitWeightsGiveTheUnweightedContrasts() {
    Map<String, WeightedNpsTally> cells = new LinkedHashMap<>();
    for (Breakdown.Cell<String> cell : ABC.cells()) {
      WeightedNpsAccumulator acc = WeightedNpsAccumulator.create();
      NpsTally t = cell.tally();
      for (int s = 0; s <= 10; s++) {
        for (long i = 0; i < t.count(s); i++) {
          acc.add(s, 1.0);
        }
      }
      cells.put(cell.key(), acc.tally());
    }
    for (IntervalMethod m : List.of(WALD, ADJUSTED_WALD)) {
      List<Contrast<String>> plain = Contrasts.againstRest(ABC, m, HOLM);
      List<Contrast<String>> weighted = Contrasts.weightedAgainstRest(cells, m, HOLM);
      for (int i = 0; i < plain.size(); i++) {
        Comparison p = plain.get(i).comparison();
        Comparison w = weighted.get(i).comparison();
        assertThat(w.difference()).isCloseTo(p.difference(), within(1e-12));
        assertThat(w.estimate()).isCloseTo(p.estimate(), within(1e-12));
        assertThat(w.standardError()).isCloseTo(p.standardError(), within(1e-12));
        assertThat(weighted.get(i).adjustedPValue())
            .isCloseTo(plain.get(i).adjustedPValue(), within(1e-12));
      }
    }
  }

  @Test
  void tangoIsRejectedAndMapsToAdjustedWaldForComparisons() {
    assertThatThrownBy(
            () -> Contrasts.againstRest(ABC, TANGO_SCORE, HOLM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TANGO_SCORE");
    assertThatThrownBy(
            () ->
                Contrasts.weightedAgainstPrevious(
                    Map.of(), TANGO_SCORE, HOLM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TANGO_SCORE");
    assertThatThrownBy(
            () ->
                Comparison.ofWeighted(
                    WeightedNpsAccumulator.create().add(9, 1).tally(),
                    WeightedNpsAccumulator.create().add(9, 1).tally(),
                    TANGO_SCORE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TANGO_SCORE.comparisonMethod()).isEqualTo(ADJUSTED_WALD);
    assertThat(ADJUSTED_WALD.comparisonMethod())
        .isEqualTo(ADJUSTED_WALD);
    assertThat(WALD.comparisonMethod()).isEqualTo(WALD);
    assertThat(
            Contrasts.againstRest(
                ABC, TANGO_SCORE.comparisonMethod(), HOLM))
        .isEqualTo(Contrasts.againstRest(ABC, ADJUSTED_WALD, HOLM));
  }

  @Test
  void rejectsNullsNamingTheArgument() {
    assertThatThrownBy(() -> Contrasts.againstRest(null, WALD, HOLM))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("breakdown");
    assertThatThrownBy(() -> Contrasts.againstPrevious(ABC, null, HOLM))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
    assertThatThrownBy(() -> Contrasts.againstPrevious(ABC, WALD, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("adjustment");
    assertThatThrownBy(
            () -> Contrasts.weightedAgainstRest(null, WALD, HOLM))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cells");
    Map<String, WeightedNpsTally> withNull = new HashMap<>();
    withNull.put("x", null);
    assertThatThrownBy(
            () -> Contrasts.weightedAgainstRest(withNull, WALD, HOLM))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("x");
    Map<String, WeightedNpsTally> nullKey = new HashMap<>();
    nullKey.put(null, WeightedNpsTally.empty());
    assertThatThrownBy(
            () ->
                Contrasts.weightedAgainstPrevious(nullKey, WALD, HOLM))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(
            () -> Comparison.ofWeighted(null, WeightedNpsTally.empty(), WALD))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a");
    assertThatThrownBy(
            () -> Comparison.ofWeighted(WeightedNpsTally.empty(), null, WALD))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("b");
    assertThatThrownBy(
            () ->
                Comparison.ofWeighted(
                    WeightedNpsTally.empty(), WeightedNpsTally.empty(), WALD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("total weight 0");
  }

  @Test
  void aContrastChecksItsAdjustedPValue() {
    Comparison c = new NpsResult(1, 1, 2).differenceFrom(new NpsResult(2, 3, 3));
    double p = c.pValue();
    assertThat(new Contrast<>("a", c, p).isSignificant(0.95)).isFalse();
    assertThat(new Contrast<>("a", c, 1.0).adjustedPValue()).isEqualTo(1.0);
    for (double bad : new double[] {Double.NaN, p - 0.01, 1.01}) {
      assertThatThrownBy(() -> new Contrast<>("a", c, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("adjustedPValue")
          .hasMessageContaining(String.valueOf(bad));
    }
    assertThatThrownBy(() -> new Contrast<>(null, c, 1.0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> new Contrast<>("a", null, 1.0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("comparison");
    Comparison strong = new NpsResult(0, 0, 40).differenceFrom(new NpsResult(40, 0, 0));
    Contrast<String> s = new Contrast<>("s", strong, 0.04);
    assertThat(s.isSignificant(0.95)).isTrue();
    assertThat(s.isSignificant(0.99)).isFalse();
    assertThatThrownBy(() -> s.isSignificant(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
  }

  @Test
  void aComparisonRecordRejectsNonNumbers() {
    for (double[] bad :
        new double[][] {{Double.NaN, 0, 1}, {0, Double.NaN, 1}, {0, 0, -1}, {0, 0, Double.NaN}}) {
      assertThatThrownBy(() -> new Comparison(WALD, bad[0], bad[1], bad[2]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("standardError >= 0")
          .hasMessageContaining("difference=" + bad[0]);
    }
    assertThatThrownBy(() -> new Comparison(null, 0, 0, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
    assertThat(new Comparison(WALD, 5, 5, 0).z()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  private static Breakdown.Cell<LocalDate> month(String start, long d, long p, long r) {
    return new Breakdown.Cell<>(LocalDate.parse(start), NpsTally.ofCategories(d, p, r));
  }

  private static void assertComparison(
      Comparison c, double difference, double standardError, double z, double p) {
    assertThat(c.difference()).isCloseTo(difference, within(FULL));
    assertThat(c.standardError()).isCloseTo(standardError, within(FULL));
    assertThat(c.z()).isCloseTo(z, within(FULL));
    assertThat(c.pValue()).isCloseTo(p, within(FULL));
  }

  private static void assertContract(
      Contrast<?> c,
      double difference,
      double standardError,
      double z,
      double p,
      double adjusted,
      boolean significant) {
    assertComparison(c.comparison(), difference, standardError, z, p);
    assertThat(c.adjustedPValue()).isCloseTo(adjusted, within(FULL));
    assertThat(c.isSignificant(0.95)).isEqualTo(significant);
  }
}
