package org.npskit.core;

import java.util.Locale;
import java.util.Objects;

/** Bulk counting kernels shared by the accumulators. Stateless. */
final class Counting {
  private Counting() {}

  /** Ranges at least this long use the pair histogram; shorter ones the byte histograms. */
  static final int PAIR_THRESHOLD = 1 << 16;

  /**
   * Counts bytes[from, to) into the 11 slots of {@code into}, atomically: nothing is added when
   * a value is outside the scale.
   *
   * <p>The loops have no per-element branch and no per-element validation: they build a
   * histogram over all 256 byte values, then check that every slot outside the scale is zero
   * (and only then search for the first offending index to name it).
   */
  static void countBytes(byte[] scores, int from, int to, Scale scale, long[] into) {
    Objects.requireNonNull(scores, "scores");
    Objects.checkFromToIndex(from, to, scores.length);
    long[] histogram =
        to - from >= PAIR_THRESHOLD
            ? pairHistogram(scores, from, to)
            : byteHistogram(scores, from, to);
    for (int v = 0; v < 256; v++) {
      if (histogram[v] != 0 && !scale.contains((byte) v)) {
        failFirstByte(scores, from, to, scale);
      }
    }
    for (int s = 0; s <= 10; s++) {
      into[s] += histogram[s];
    }
  }

  /**
   * Four 256-slot histograms indexed by the unsigned byte (four, so that runs of equal scores do
   * not serialise on one counter).
   */
  static long[] byteHistogram(byte[] scores, int from, int to) {
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
    long[] out = new long[256];
    for (int v = 0; v < 256; v++) {
      out[v] = (long) h0[v] + h1[v] + h2[v] + h3[v];
    }
    return out;
  }

  /**
   * Two 65536-slot histograms indexed by a pair of consecutive bytes: one increment per two
   * scores, which makes large arrays count faster than a plain summing loop reads them. Only the
   * slots of pairs that occur are touched, so the tables stay in cache for valid scores.
   */
  static long[] pairHistogram(byte[] scores, int from, int to) {
    int[] h0 = new int[1 << 16];
    int[] h1 = new int[1 << 16];
    int i = from;
    for (int end = to - 3; i < end; i += 4) {
      h0[((scores[i] & 0xFF) << 8) | (scores[i + 1] & 0xFF)]++;
      h1[((scores[i + 2] & 0xFF) << 8) | (scores[i + 3] & 0xFF)]++;
    }
    long[] out = new long[256];
    for (; i < to; i++) {
      out[scores[i] & 0xFF]++;
    }
    for (int hi = 0; hi < 256; hi++) {
      int base = hi << 8;
      for (int lo = 0; lo < 256; lo++) {
        long c = (long) h0[base | lo] + h1[base | lo];
        out[hi] += c;
        out[lo] += c;
      }
    }
    return out;
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
