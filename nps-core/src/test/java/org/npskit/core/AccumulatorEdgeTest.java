package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accumulator and breakdown behaviour at the edges of their documented contracts. */
class AccumulatorEdgeTest {
  @Test
  void concurrentAccumulatorCallsChain() {
    ConcurrentNpsAccumulator acc = ConcurrentNpsAccumulator.create();
    assertThat(acc.add(9)).isSameAs(acc);
    assertThat(acc.addAll(new byte[] {10, 0})).isSameAs(acc);
    assertThat(acc.addAll(new byte[] {7, 7, 3}, 1, 3)).isSameAs(acc);
    assertThat(acc.addAll(new int[] {8})).isSameAs(acc);
    assertThat(acc.merge(NpsTally.ofCategories(1, 0, 0))).isSameAs(acc);
    assertThat(acc.tally().toResult()).isEqualTo(new NpsResult(3, 2, 2));
  }

  @Test
  void intBulkAddOnTheOneToTenScaleRejectsZeroAndAddsNothing() {
    NpsAccumulator plain = NpsAccumulator.create(Scale.ONE_TO_TEN);
    assertThat(plain.scale()).isEqualTo(Scale.ONE_TO_TEN);
    assertThat(NpsAccumulator.create().scale()).isEqualTo(Scale.ZERO_TO_TEN);
    assertThatThrownBy(() -> plain.addAll(new int[] {5, 0, 9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores[1] must be in 1..10 (scale 1-10), was 0");
    assertThat(plain.n()).isZero();
    ConcurrentNpsAccumulator concurrent = ConcurrentNpsAccumulator.create(Scale.ONE_TO_TEN);
    assertThatThrownBy(() -> concurrent.addAll(new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores[0] must be in 1..10 (scale 1-10), was 0");
    assertThat(concurrent.n()).isZero();
  }

  @Test
  void aMinimumSampleOfZeroIsNeverMissed() {
    Breakdown.Cell<String> empty = new Breakdown.Cell<>("none", NpsTally.empty());
    assertThat(empty.belowMinimumSample(0)).isFalse();
    assertThat(empty.belowMinimumSample(1)).isTrue();
    assertThatThrownBy(() -> empty.belowMinimumSample(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimum must be >= 0, was -1");
  }

  @Test
  void oneDayRollingWindowsAreTheDailyTallies() {
    List<Instant> answers =
        List.of(
            Instant.parse("2026-05-01T08:00:00Z"),
            Instant.parse("2026-05-01T20:00:00Z"),
            Instant.parse("2026-05-03T12:00:00Z"));
    int[] scores = {10, 0, 7};
    List<Integer> index = List.of(0, 1, 2);
    List<Breakdown.Cell<LocalDate>> windows =
        Breakdowns.rolling(index, answers::get, i -> scores[i], 1, ZoneOffset.UTC);
    assertThat(windows).extracting(Breakdown.Cell::key)
        .containsExactly(
            LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-02"),
            LocalDate.parse("2026-05-03"));
    assertThat(windows).extracting(Breakdown.Cell::tally)
        .containsExactly(
            NpsTally.ofCategories(1, 0, 1), NpsTally.empty(), NpsTally.ofCategories(0, 1, 0));
    assertThatThrownBy(
            () -> Breakdowns.rolling(index, answers::get, i -> scores[i], 0, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be >= 1, was 0");
  }
}
