package org.npskit.core;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread-safe tally of scores on one {@link Scale}, built on one {@link LongAdder} per score.
 *
 * <p>Any number of threads may add concurrently. Each single {@code add} is atomic; a bulk add
 * is validated as a whole first (nothing is added when a score is invalid) and then published
 * score by score, so a {@link #tally()} taken while adds are in flight may see part of a bulk
 * add. A tally taken after all adding threads have finished (e.g. after joining them or a latch)
 * is exact. No method accepts null.
 */
public final class ConcurrentNpsAccumulator {
  private final Scale scale;
  private final LongAdder[] counts = new LongAdder[11];

  private ConcurrentNpsAccumulator(Scale scale) {
    this.scale = Objects.requireNonNull(scale, "scale");
    for (int s = 0; s < 11; s++) {
      counts[s] = new LongAdder();
    }
  }

  /**
   * Creates an empty accumulator on the 0-10 scale.
   *
   * @return a new accumulator
   */
  public static ConcurrentNpsAccumulator create() {
    return new ConcurrentNpsAccumulator(Scale.ZERO_TO_TEN);
  }

  /**
   * Creates an empty accumulator on a scale.
   *
   * @param scale the scale
   * @return a new accumulator
   * @throws NullPointerException if scale is null
   */
  public static ConcurrentNpsAccumulator create(Scale scale) {
    return new ConcurrentNpsAccumulator(scale);
  }

  /**
   * Adds one score.
   *
   * @param score the score
   * @return this accumulator
   * @throws IllegalArgumentException if the score is outside the scale
   */
  public ConcurrentNpsAccumulator add(int score) {
    counts[scale.validate(score)].increment();
    return this;
  }

  /**
   * Adds every score of an array.
   *
   * @param scores the scores
   * @return this accumulator
   * @throws NullPointerException if scores is null
   * @throws IllegalArgumentException naming the first invalid index and value; nothing is added
   */
  public ConcurrentNpsAccumulator addAll(byte[] scores) {
    Objects.requireNonNull(scores, "scores");
    return addAll(scores, 0, scores.length);
  }

  /**
   * Adds scores[from, to).
   *
   * @param scores the scores
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @return this accumulator
   * @throws NullPointerException if scores is null
   * @throws IndexOutOfBoundsException if the range is not within the array
   * @throws IllegalArgumentException naming the first invalid index and value; nothing is added
   */
  public ConcurrentNpsAccumulator addAll(byte[] scores, int from, int to) {
    long[] local = new long[11];
    Counting.countBytes(scores, from, to, scale, local);
    publish(local);
    return this;
  }

  /**
   * Adds every score of an array.
   *
   * @param scores the scores
   * @return this accumulator
   * @throws NullPointerException if scores is null
   * @throws IllegalArgumentException naming the first invalid index and value; nothing is added
   */
  public ConcurrentNpsAccumulator addAll(int[] scores) {
    Objects.requireNonNull(scores, "scores");
    long[] local = new long[11];
    Counting.countInts(scores, 0, scores.length, scale, local);
    publish(local);
    return this;
  }

  /**
   * Adds a tally.
   *
   * @param tally the tally
   * @return this accumulator
   * @throws NullPointerException if tally is null
   * @throws IllegalArgumentException if the tally has scores outside this scale
   */
  public ConcurrentNpsAccumulator merge(NpsTally tally) {
    Objects.requireNonNull(tally, "tally");
    publish(NpsAccumulator.create(scale).merge(tally).tally().counts());
    return this;
  }

  private void publish(long[] local) {
    for (int s = 0; s < 11; s++) {
      if (local[s] != 0) {
        counts[s].add(local[s]);
      }
    }
  }

  /**
   * A snapshot of the counts (exact when no add is in flight).
   *
   * @return an immutable tally
   */
  public NpsTally tally() {
    long[] c = new long[11];
    for (int s = 0; s < 11; s++) {
      c[s] = counts[s].sum();
    }
    return NpsTally.wrap(c);
  }

  /**
   * The number of scores added so far (exact when no add is in flight).
   *
   * @return n
   */
  public long n() {
    long n = 0;
    for (LongAdder a : counts) {
      n += a.sum();
    }
    return n;
  }
}
