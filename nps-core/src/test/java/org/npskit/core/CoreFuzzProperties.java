package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing of every public entry point of nps-core with arbitrary and extreme inputs: counts near
 * {@link Long#MAX_VALUE}, any int as score, any double as weight, confidence, margin or share
 * (NaN, infinities, subnormals), any text for the parsers, instants and dates at the ends of
 * their ranges. Invariant: a finite result, or an {@link IllegalArgumentException} (or the
 * documented {@link IllegalStateException} / {@link IndexOutOfBoundsException}) with a message;
 * never an {@code ArithmeticException}, {@code DateTimeException} or a NaN figure.
 */
class CoreFuzzProperties {

  @Provide
  Arbitrary<Long> counts() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(0, 1_000)),
        Tuple.of(1, Arbitraries.longs()),
        Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 3,
            Long.MIN_VALUE, -1L, 0L)));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.doubles()),
        Tuple.of(2, Arbitraries.doubles().between(0, 1)),
        Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL,
            -0.0, 0.0, 1.0, 0.5, 0.95, 1e-300, 1e300, 1e154, 1e155, 1 - 1e-16, 1e-16, 100.0,
            -1.0)));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(10),
        Arbitraries.of("0-10", "1-10", " 0-10 ", "0-10\u0000", "adjusted-wald", "WALD", "tango",
            "tango-score", "", " "));
  }

  /** The action's value, or null after an allowed exception that carries a message. */
  private static <T> T valueOrDocumented(Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
      assertThat(e.getMessage()).as("message of %s", e).isNotBlank();
      return null;
    }
  }

  private static void finite(Interval i) {
    assertThat(i.low()).isBetween(-100.0, 100.0);
    assertThat(i.high()).isBetween(i.low(), 100.0);
  }

  @Property(tries = 1500)
  void talliesAndResultsFromAnyCounts(
      @ForAll("counts") long d, @ForAll("counts") long p, @ForAll("counts") long r,
      @ForAll("doubles") double confidence, @ForAll IntervalMethod method,
      @ForAll @Size(max = 12) List<@net.jqwik.api.From("counts") Long> raw) {
    NpsTally t = valueOrDocumented(() -> NpsTally.ofCategories(d, p, r));
    NpsResult result = valueOrDocumented(() -> new NpsResult(d, p, r));
    assertThat(result == null).isEqualTo(t == null || t.isEmpty());
    valueOrDocumented(() -> NpsTally.of(raw.stream().mapToLong(Long::longValue).toArray()));
    if (t != null) {
      NpsTally twice = valueOrDocumented(() -> t.plus(t));
      if (twice != null) {
        assertThat(twice.n()).isEqualTo(2 * t.n());
      }
      assertThat(t.result().isPresent()).isEqualTo(!t.isEmpty());
    }
    if (result != null) {
      assertThat(result.nps()).isBetween(-100.0, 100.0);
      assertThat(result.standardError()).isNotNaN().isNotNegative();
      Interval i = valueOrDocumented(() -> result.interval(confidence, method));
      assertThat(i != null).isEqualTo(confidence > 0 && confidence < 1);
      if (i != null) {
        finite(i);
        valueOrDocumented(() -> result.differenceFrom(result, method).interval(confidence));
        valueOrDocumented(() -> result.testAgainst(confidence * 100, method).pValue());
      }
    }
  }

  @Property(tries = 1000)
  void accumulatorsTakeAnyScoresOrNameTheFirstBadOne(
      @ForAll Scale scale, @ForAll int score, @ForAll byte[] bytes, @ForAll int[] ints,
      @ForAll int from, @ForAll int to) {
    NpsAccumulator plain = NpsAccumulator.create(scale);
    ConcurrentNpsAccumulator shared = ConcurrentNpsAccumulator.create(scale);
    boolean valid = scale.contains(score);
    assertThat(valueOrDocumented(() -> plain.add(score)) != null).isEqualTo(valid);
    assertThat(valueOrDocumented(() -> shared.add(score)) != null).isEqualTo(valid);
    valueOrDocumented(() -> plain.addAll(bytes));
    valueOrDocumented(() -> plain.addAll(ints));
    valueOrDocumented(() -> plain.addAll(bytes, from, to));
    valueOrDocumented(() -> shared.addAll(bytes));
    valueOrDocumented(() -> shared.addAll(ints));
    valueOrDocumented(() -> shared.addAll(bytes, from, to));
    valueOrDocumented(() -> plain.merge(shared.tally()));
    assertThat(plain.n()).isEqualTo(plain.tally().n()).isNotNegative();
    assertThat(shared.n()).isEqualTo(shared.tally().n());
  }

  @Property(tries = 1000)
  void weightedTalliesTakeAnyWeightsOrRejectThem(
      @ForAll @Size(max = 8) List<@net.jqwik.api.From("doubles") Double> weights,
      @ForAll @Size(max = 8) List<Integer> scores, @ForAll("doubles") double confidence,
      @ForAll IntervalMethod method) {
    WeightedNpsAccumulator acc = WeightedNpsAccumulator.create(Scale.ZERO_TO_TEN);
    for (int i = 0; i < Math.min(weights.size(), scores.size()); i++) {
      int k = i;
      valueOrDocumented(() -> acc.add(Math.floorMod(scores.get(k), 12) - 1, weights.get(k)));
    }
    valueOrDocumented(() -> acc.merge(acc));
    WeightedNpsTally t = acc.tally();
    if (!t.isEmpty()) {
      assertThat(t.nps()).isBetween(-100.0, 100.0);
      assertThat(t.effectiveN()).isNotNaN().isPositive();
      assertThat(t.standardError()).isNotNaN().isNotNegative();
      Interval i = valueOrDocumented(() -> t.interval(confidence, method));
      if (i != null) {
        finite(i);
      }
    }
    valueOrDocumented(() -> new WeightedNpsTally(confidence, confidence, confidence,
        confidence * confidence, weights.size()));
  }

  @Property(tries = 1500)
  void sampleSizesForAnyNumbers(
      @ForAll("doubles") double margin, @ForAll("doubles") double confidence,
      @ForAll("doubles") double promoters, @ForAll("doubles") double detractors,
      @ForAll("doubles") double power) {
    SampleSizeEstimate e = valueOrDocumented(
        () -> SampleSize.forMarginOfError(margin, confidence, promoters, detractors));
    if (e != null) {
      assertThat(e.wald()).isPositive();
      assertThat(e.adjustedWald()).isPositive();
    }
    Long n = valueOrDocumented(() -> SampleSize.perGroupForDifference(margin, confidence, power,
        promoters, detractors, detractors, promoters));
    if (n != null) {
      assertThat(n).isPositive();
    }
  }

  @Property(tries = 1000)
  void parsersNameTheText(@ForAll("texts") String text) {
    for (Supplier<?> parse : List.<Supplier<?>>of(() -> Scale.parse(text),
        () -> IntervalMethod.parse(text))) {
      try {
        parse.get();
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).contains(text);
      }
    }
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.oneOf(
        Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH),
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .map(Instant::ofEpochSecond));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZoneOffset.UTC, ZoneOffset.MAX, ZoneOffset.MIN,
        ZoneId.of("Europe/Amsterdam"), ZoneId.of("Pacific/Kiritimati"));
  }

  @Property(tries = 1000)
  void timeBucketsAtTheEndsOfTime(
      @ForAll TimeBucket bucket, @ForAll("instants") Instant instant, @ForAll("zones") ZoneId zone,
      @ForAll boolean nearMax) {
    LocalDate start = valueOrDocumented(() -> bucket.start(instant, zone));
    if (start != null) {
      valueOrDocumented(() -> bucket.next(start));
    }
    LocalDate edge = nearMax ? LocalDate.MAX : LocalDate.MIN;
    valueOrDocumented(() -> bucket.next(bucket.start(edge)));
    List<SurveyResponse> one = List.of(new SurveyResponse("r", "c", 7, instant, java.util.Map.of(),
        ""));
    valueOrDocumented(() -> Breakdowns.byPeriod(one, SurveyResponse::answeredAt,
        SurveyResponse::score, bucket, zone));
  }
}
