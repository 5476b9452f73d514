package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class NpsProperties {
  @Provide
  Arbitrary<NpsResult> results() {
    Arbitrary<Long> count = Arbitraries.longs().between(0, 5_000);
    return Combinators.combine(count, count, count)
        .filter((d, p, r) -> d + p + r > 0)
        .as(NpsResult::new);
  }

  @Provide
  Arbitrary<List<Integer>> scores() {
    return Arbitraries.integers().between(0, 10).list().ofMaxSize(300);
  }

  @Provide
  Arbitrary<NpsTally> tallies() {
    return Arbitraries.longs().between(0, 1_000).array(long[].class).ofSize(11).map(NpsTally::of);
  }

  @Property
  void npsIsWithinTheScale(@ForAll("results") NpsResult r) {
    assertThat(r.nps()).isBetween(-100.0, 100.0);
    assertThat(r.standardError()).isGreaterThanOrEqualTo(0.0);
  }

  @Property
  void tallyIsInvariantUnderPermutation(@ForAll("scores") List<Integer> scores, @ForAll long seed) {
    List<Integer> shuffled = new ArrayList<>(scores);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(tally(shuffled)).isEqualTo(tally(scores));
  }

  @Property
  void mergeIsAssociativeWithIdentity(
      @ForAll("tallies") NpsTally a, @ForAll("tallies") NpsTally b, @ForAll("tallies") NpsTally c) {
    assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
    assertThat(a.plus(NpsTally.empty())).isEqualTo(a);
    assertThat(NpsTally.empty().plus(a)).isEqualTo(a);
    assertThat(a.plus(b)).isEqualTo(b.plus(a));
  }

  @Property
  void mergeEqualsTallyingTheUnion(
      @ForAll("scores") List<Integer> left, @ForAll("scores") List<Integer> right) {
    List<Integer> union = new ArrayList<>(left);
    union.addAll(right);
    NpsAccumulator merged = NpsAccumulator.create();
    left.forEach(merged::add);
    NpsAccumulator other = NpsAccumulator.create();
    right.forEach(other::add);
    assertThat(merged.merge(other).tally()).isEqualTo(tally(union));
    assertThat(tally(left).plus(tally(right))).isEqualTo(tally(union));
  }

  @Property
  void bulkByteAddEqualsSingleAdds(@ForAll("scores") List<Integer> scores) {
    byte[] bytes = new byte[scores.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = scores.get(i).byteValue();
    }
    assertThat(NpsAccumulator.create().addAll(bytes).tally()).isEqualTo(tally(scores));
  }

  @Property
  void waldIntervalContainsThePointEstimate(
      @ForAll("results") NpsResult r, @ForAll @net.jqwik.api.constraints.Scale(4) @DoubleRange(min = 0.5, max = 0.999) double c) {
    assertThat(r.interval(c, IntervalMethod.WALD).contains(r.nps())).isTrue();
  }

  @Property
  void adjustedWaldAndTangoStayWithinTheScale(
      @ForAll("results") NpsResult r, @ForAll @net.jqwik.api.constraints.Scale(4) @DoubleRange(min = 0.5, max = 0.9999) double c) {
    for (IntervalMethod m : List.of(IntervalMethod.ADJUSTED_WALD, IntervalMethod.TANGO_SCORE)) {
      Interval i = r.interval(c, m);
      assertThat(i.low()).isGreaterThanOrEqualTo(-100.0);
      assertThat(i.high()).isLessThanOrEqualTo(100.0);
    }
    assertThat(r.interval(c, IntervalMethod.TANGO_SCORE).contains(r.nps())).isTrue();
  }

  @Property
  void higherConfidenceIsNeverNarrower(
      @ForAll("results") NpsResult r,
      @ForAll @net.jqwik.api.constraints.Scale(4) @DoubleRange(min = 0.5, max = 0.99) double c,
      @ForAll @net.jqwik.api.constraints.Scale(4) @DoubleRange(min = 0.001, max = 0.009) double more) {
    for (IntervalMethod m : IntervalMethod.values()) {
      Interval low = r.interval(c, m);
      Interval high = r.interval(c + more, m);
      assertThat(high.low()).as("%s low", m).isLessThanOrEqualTo(low.low() + 1e-9);
      assertThat(high.high()).as("%s high", m).isGreaterThanOrEqualTo(low.high() - 1e-9);
      assertThat(high.width()).isGreaterThanOrEqualTo(low.width() - 1e-9);
    }
  }

  @Property
  void addingAPromoterNeverLowersNps(@ForAll("results") NpsResult r) {
    NpsResult more = new NpsResult(r.detractors(), r.passives(), r.promoters() + 1);
    assertThat(more.nps()).isGreaterThanOrEqualTo(r.nps());
  }

  @Property
  void unitWeightsEqualTheUnweightedTally(@ForAll("scores") List<Integer> scores) {
    Assume.that(!scores.isEmpty());
    WeightedNpsAccumulator w = WeightedNpsAccumulator.create();
    scores.forEach(s -> w.add(s, 1.0));
    NpsResult r = tally(scores).toResult();
    WeightedNpsTally t = w.tally();
    assertThat(t.nps()).isCloseTo(r.nps(), within(1e-9));
    assertThat(t.effectiveN()).isCloseTo(r.n(), within(1e-9));
    assertThat(t.standardError()).isCloseTo(r.standardError(), within(1e-9));
  }

  @Property
  void constantWeightsDoNotChangeTheWeightedNps(
      @ForAll("scores") List<Integer> scores, @ForAll @net.jqwik.api.constraints.Scale(4) @DoubleRange(min = 0.01, max = 100) double w) {
    Assume.that(!scores.isEmpty());
    WeightedNpsAccumulator acc = WeightedNpsAccumulator.create();
    scores.forEach(s -> acc.add(s, w));
    assertThat(acc.tally().nps()).isCloseTo(tally(scores).toResult().nps(), within(1e-9));
    assertThat(acc.tally().effectiveN()).isCloseTo(scores.size(), within(1e-6));
  }

  @Property
  void breakdownCellsSumToTheTotal(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 10) Integer> scores,
      @ForAll @IntRange(min = 1, max = 7) int groups) {
    Breakdown<Integer> b = Breakdowns.byKey(scores, s -> s * 31 % groups, s -> s);
    NpsTally sum = NpsTally.empty();
    for (Breakdown.Cell<Integer> c : b.cells()) {
      sum = sum.plus(c.tally());
    }
    assertThat(sum).isEqualTo(b.total()).isEqualTo(tally(scores));
  }

  @Property
  void periodCellsSumToTheTotal(
      @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 10) Integer> scores,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      java.time.Instant at = Fixtures.T0.plusSeconds(random.nextInt(400 * 86_400));
      responses.add(SurveyResponse.of("r" + i, "c", scores.get(i), at));
    }
    for (TimeBucket bucket : TimeBucket.values()) {
      Breakdown<java.time.LocalDate> b =
          Breakdowns.byPeriod(
              responses,
              SurveyResponse::answeredAt,
              SurveyResponse::score,
              bucket,
              java.time.ZoneId.of("America/New_York"));
      assertThat(b.total()).isEqualTo(tally(scores));
      for (Breakdown.Cell<java.time.LocalDate> c : b.cells()) {
        assertThat(bucket.start(c.key())).isEqualTo(c.key());
      }
    }
  }

  @Property
  void comparisonIsAntisymmetric(@ForAll("results") NpsResult a, @ForAll("results") NpsResult b) {
    for (IntervalMethod m : List.of(IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD)) {
      Comparison ab = a.differenceFrom(b, m);
      Comparison ba = b.differenceFrom(a, m);
      assertThat(ab.difference()).isCloseTo(-ba.difference(), within(1e-9));
      assertThat(ab.standardError()).isCloseTo(ba.standardError(), within(1e-9));
      assertThat(ab.pValue()).isCloseTo(ba.pValue(), within(1e-9));
      assertThat(ab.pValue()).isBetween(0.0, 1.0);
    }
  }

  @Property
  void tangoBoundsSolveTheScoreEquationOrSitOnTheScaleEnds(
      @ForAll("results") NpsResult r, @ForAll @net.jqwik.api.constraints.Scale(4) @DoubleRange(min = 0.5, max = 0.999) double c) {
    double z = org.npskit.core.internal.NormalDistribution.criticalValue(c);
    Interval i = r.interval(c, IntervalMethod.TANGO_SCORE);
    double n = r.n();
    // Z is decreasing, so the target lies between Z at bound -/+ eps (1e-10 points; Z is
    // evaluated in double-double where Tango's discriminant nears 0, e.g. D=68, P=1, R=0 at
    // c=0.5173, which a plain double evaluation missed by 6e-8 points).
    double eps = 1e-10;
    if (i.low() > -100.0) {
      assertThat(zAt(r, i.low() - eps)).isGreaterThanOrEqualTo(z);
      assertThat(zAt(r, i.low() + eps)).isLessThanOrEqualTo(z);
    }
    if (i.high() < 100.0) {
      assertThat(zAt(r, i.high() - eps)).isGreaterThanOrEqualTo(-z);
      assertThat(zAt(r, i.high() + eps)).isLessThanOrEqualTo(-z);
    }
  }

  private static double zAt(NpsResult r, double points) {
    return org.npskit.core.internal.Formulas.tangoZ(
        r.detractors(), r.promoters(), r.n(), Math.max(-1.0, Math.min(1.0, points / 100)));
  }

  @Property
  void plannedWaldSampleSizeIsTheSmallestThatReachesTheMargin(
      @ForAll @DoubleRange(min = 1, max = 20) double points,
      @ForAll @net.jqwik.api.constraints.Scale(3) @DoubleRange(min = 0.8, max = 0.99) double c,
      @ForAll @net.jqwik.api.constraints.Scale(2) @DoubleRange(min = 0.05, max = 0.5) double promoters,
      @ForAll @net.jqwik.api.constraints.Scale(2) @DoubleRange(min = 0.05, max = 0.5) double detractors) {
    SampleSizeEstimate s = SampleSize.forMarginOfError(points, c, promoters, detractors);
    double z = org.npskit.core.internal.NormalDistribution.criticalValue(c);
    double v = promoters + detractors - Math.pow(promoters - detractors, 2);
    assertThat(100 * z * Math.sqrt(v / s.wald())).isLessThanOrEqualTo(points * (1 + 1e-12));
    assertThat(100 * z * Math.sqrt(v / (s.wald() - 1))).isGreaterThan(points * (1 - 1e-12));
    assertThat(s.adjustedWald()).isBetween(s.wald() - 10, s.wald() + 10);
  }

  private static NpsTally tally(List<Integer> scores) {
    NpsAccumulator acc = NpsAccumulator.create();
    scores.forEach(acc::add);
    return acc.tally();
  }
}
