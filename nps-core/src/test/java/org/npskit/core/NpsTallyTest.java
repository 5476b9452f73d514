package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class NpsTallyTest {
  private static final long[] SIX = {0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 2};

  @Test
  void countsCategoriesFromScores() {
    NpsTally t = NpsTally.of(SIX);
    assertThat(t.detractors()).isEqualTo(1);
    assertThat(t.passives()).isEqualTo(2);
    assertThat(t.promoters()).isEqualTo(3);
    assertThat(t.n()).isEqualTo(6);
    assertThat(t.count(10)).isEqualTo(2);
    assertThat(t.toResult()).isEqualTo(new NpsResult(1, 2, 3));
    assertThat(t.result()).contains(new NpsResult(1, 2, 3));
  }

  @Test
  void copiesItsInput() {
    long[] counts = SIX.clone();
    NpsTally t = NpsTally.of(counts);
    counts[10] = 100;
    assertThat(t.count(10)).isEqualTo(2);
    t.counts()[10] = 100;
    assertThat(t.count(10)).isEqualTo(2);
  }

  @Test
  void emptyTallyHasNoResult() {
    assertThat(NpsTally.empty().isEmpty()).isTrue();
    assertThat(NpsTally.empty().result()).isEmpty();
    assertThatThrownBy(() -> NpsTally.empty().toResult())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("n=0");
  }

  @Test
  void categoryCountsOnly() {
    NpsTally t = NpsTally.ofCategories(15, 25, 60);
    assertThat(t.toResult()).isEqualTo(new NpsResult(15, 25, 60));
    assertThat(t.plus(NpsTally.of(SIX)).toResult()).isEqualTo(new NpsResult(16, 27, 63));
  }

  @Test
  void rejectsBadCounts() {
    assertThatThrownBy(() -> NpsTally.of(new long[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10");
    long[] negative = new long[11];
    negative[4] = -2;
    assertThatThrownBy(() -> NpsTally.of(negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score 4")
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> NpsTally.ofCategories(0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NpsTally.of(SIX).count(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    assertThatThrownBy(() -> NpsTally.of(SIX).plus(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void equalityIsByCounts() {
    assertThat(NpsTally.of(SIX)).isEqualTo(NpsTally.of(SIX.clone()));
    assertThat(NpsTally.of(SIX)).hasSameHashCodeAs(NpsTally.of(SIX.clone()));
    assertThat(NpsTally.of(SIX)).isNotEqualTo(NpsTally.ofCategories(1, 2, 3));
  }

  @Test
  void serializesAndDeserializesExactly() throws IOException, ClassNotFoundException {
    NpsTally t = NpsTally.of(SIX);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Object back = in.readObject();
      assertThat(back).isEqualTo(t).isNotSameAs(t);
    }
  }

  @Test
  void weightedTallySerializes() throws IOException, ClassNotFoundException {
    WeightedNpsTally t = WeightedNpsAccumulator.create().add(10, 2.5).add(3, 1).tally();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(t);
    }
  }

  @Test
  void tamperedStreamIsRejectedByTheFactoryChecks() throws IOException {
    long marker = 0x0102030405060708L;
    long[] counts = new long[11];
    counts[4] = marker;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(NpsTally.of(counts));
    }
    byte[] stream = bytes.toByteArray();
    byte[] pattern = {1, 2, 3, 4, 5, 6, 7, 8};
    int at = indexOf(stream, pattern);
    assertThat(at).isPositive();
    stream[at] = (byte) 0xFF; // the count becomes negative
    assertThatThrownBy(
            () -> {
              try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
                in.readObject();
              }
            })
        .isInstanceOf(java.io.InvalidObjectException.class)
        .hasMessageContaining("score 4");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
