package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NpsAccumulatorTest {
  @Test
  void addsSingleScores() {
    NpsAccumulator acc = new NpsAccumulator();
    for (int s : new int[] {3, 7, 8, 9, 10, 10}) {
      acc.add(s);
    }
    assertThat(acc.n()).isEqualTo(6);
    assertThat(acc.tally().toResult()).isEqualTo(new NpsResult(1, 2, 3));
  }

  @Test
  void bulkBytesCountEveryScoreIncludingTheTail() {
    byte[] scores = new byte[1003];
    long[] expected = new long[11];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (byte) ((i * 7 + i / 13) % 11);
      expected[scores[i]]++;
    }
    assertThat(NpsAccumulator.create().addAll(scores).tally()).isEqualTo(NpsTally.of(expected));
    NpsAccumulator one = NpsAccumulator.create();
    for (byte b : scores) {
      one.add(b);
    }
    assertThat(NpsAccumulator.create().addAll(scores, 0, 500).addAll(scores, 500, 1003).tally())
        .isEqualTo(one.tally());
  }

  @Test
  void bulkIntsMatchSingleAdds() {
    int[] scores = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 9};
    NpsAccumulator one = NpsAccumulator.create();
    for (int s : scores) {
      one.add(s);
    }
    assertThat(NpsAccumulator.create().addAll(scores).tally()).isEqualTo(one.tally());
  }

  @Test
  void invalidBulkAddNamesFirstIndexAndValueAndAddsNothing() {
    NpsAccumulator acc = NpsAccumulator.create().add(9);
    byte[] bytes = {1, 2, 3, 4, 5, 11, 7, -3};
    assertThatThrownBy(() -> acc.addAll(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores[5]")
        .hasMessageContaining("was 11");
    byte[] negative = {1, 2, -1};
    assertThatThrownBy(() -> acc.addAll(negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores[2]")
        .hasMessageContaining("was -1");
    int[] ints = {1, 2, 3, 4, 5, 6, 7, 8, 200};
    assertThatThrownBy(() -> acc.addAll(ints))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores[8]")
        .hasMessageContaining("was 200");
    assertThat(acc.n()).isEqualTo(1);
  }

  @Test
  void oneToTenScaleRejectsZero() {
    NpsAccumulator acc = NpsAccumulator.create(Scale.ONE_TO_TEN);
    assertThatThrownBy(() -> acc.add(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-10");
    assertThatThrownBy(() -> acc.addAll(new byte[] {5, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores[1]");
    assertThatThrownBy(() -> acc.merge(NpsTally.ofCategories(1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(acc.addAll(new int[] {1, 10}).n()).isEqualTo(2);
  }

  @Test
  void rangeIsChecked() {
    assertThatThrownBy(() -> NpsAccumulator.create().addAll(new byte[3], 2, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> NpsAccumulator.create().addAll((byte[]) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void mergesAccumulatorsAndTallies() {
    NpsAccumulator a = NpsAccumulator.create().add(10).add(0);
    NpsAccumulator b = NpsAccumulator.create().add(8);
    a.merge(b).merge(NpsTally.ofCategories(1, 1, 1));
    assertThat(a.tally().toResult()).isEqualTo(new NpsResult(2, 2, 2));
    assertThat(b.n()).isEqualTo(1);
  }

  @Test
  void largeArraysUseThePairHistogramWithTheSameResult() {
    byte[] scores = new byte[Counting.PAIR_THRESHOLD * 3 + 3];
    long[] expected = new long[11];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (byte) ((i * 5 + i / 7 + i / 1001) % 11);
      expected[scores[i]]++;
    }
    assertThat(NpsAccumulator.create().addAll(scores).tally()).isEqualTo(NpsTally.of(expected));
    assertThat(Counting.pairHistogram(scores, 1, scores.length - 2))
        .containsExactly(Counting.byteHistogram(scores, 1, scores.length - 2));
    scores[150_001] = 10;
    scores[190_000] = -128;
    scores[190_001] = 11;
    NpsAccumulator acc = NpsAccumulator.create();
    assertThatThrownBy(() -> acc.addAll(scores))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores[190000]")
        .hasMessageContaining("was -128");
    assertThat(acc.n()).isZero();
  }
}
