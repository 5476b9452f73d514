package org.npskit.core;

import java.util.Locale;
import java.util.Objects;

/** Bulk counting kernels shared by the accumulators. Stateless. */
final class Counting {
  private Counting() {}

  /**
   * Counts bytes[from, to) into the 11 slots of {@code into}, atomically: nothing is added when
   * a value is outside the scale.
   *
   * <p>The loop has no per-element branch: it counts into four 256-slot histograms indexed by
   * the unsigned byte (four to break store-to-load dependencies on runs of equal scores), then
   * checks that every slot outside the scale is zero.
   */
  static void countBytes(byte[] scores, int from, int to, Scale scale, long[] into) {
    Objects.requireNonNull(scores, "scores");
    Objects.checkFromToIndex(from, to, scores.length);
    int[] h0 = new int[256];
    int[] h1 = new int[256];
    int[] h2 = new int[256];
    int[] h3 = new int[256];
    int i = from;
    for (int end = to - 3; i < end; i += 4) {
      h0[scores[i] & 0xFF]++;
      h1[scores[i + 1] & 0xFF]++;
      h2[scores[i + 2] & 0xFF]++;
      h3[scores[i + 3] & 0xFF]++;
    }
    for (; i < to; i++) {
      h0[scores[i] & 0xFF]++;
    }
    for (int v = 0; v < 256; v++) {
      int c = h0[v] + h1[v] + h2[v] + h3[v];
      if (c != 0 && !scale.contains((byte) v)) {
        failFirstByte(scores, from, to, scale);
      }
    }
    for (int s = 0; s <= 10; s++) {
      into[s] += (long) h0[s] + h1[s] + h2[s] + h3[s];
    }
  }

  private static void failFirstByte(byte[] scores, int from, int to, Scale scale) {
    for (int i = from; i < to; i++) {
      if (!scale.contains(scores[i])) {
        throw badIndex(i, scores[i], scale);
      }
    }
    throw new AssertionError("no invalid score found");
  }

  /** Counts ints atomically: a min/max pass validates, then a counting pass. */
  static void countInts(int[] scores, int from, int to, Scale scale, long[] into) {
    Objects.requireNonNull(scores, "scores");
    Objects.checkFromToIndex(from, to, scores.length);
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = from; i < to; i++) {
      min = Math.min(min, scores[i]);
      max = Math.max(max, scores[i]);
    }
    if (from < to && (min < scale.min() || max > scale.max())) {
      for (int i = from; i < to; i++) {
        if (!scale.contains(scores[i])) {
          throw badIndex(i, scores[i], scale);
        }
      }
    }
    long[] h = new long[11];
    for (int i = from; i < to; i++) {
      h[scores[i]]++;
    }
    for (int s = 0; s <= 10; s++) {
      into[s] += h[s];
    }
  }

  private static IllegalArgumentException badIndex(int index, int value, Scale scale) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "scores[%d] must be in %d..10 (scale %s), was %d",
            index,
            scale.min(),
            scale.label(),
            value));
  }
}
