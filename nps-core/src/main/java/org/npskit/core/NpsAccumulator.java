package org.npskit.core;

import java.util.Objects;

/**
 * A fast mutable tally of scores on one {@link Scale}.
 *
 * <p>Not thread-safe: confine an instance to one thread (or use {@link
 * ConcurrentNpsAccumulator}), then combine per-thread accumulators with {@link
 * #merge(NpsAccumulator)}. Bulk adds are atomic: when any score is invalid, nothing is added and
 * the exception names the first offending index and value. No method accepts null.
 */
public final class NpsAccumulator {
  private final Scale scale;
  private final long[] counts = new long[11];

  private NpsAccumulator(Scale scale) {
    this.scale = Objects.requireNonNull(scale, "scale");
  }

  /** Creates an empty accumulator on the 0-10 scale. */
  public NpsAccumulator() {
    this(Scale.ZERO_TO_TEN);
  }

  /**
   * Creates an empty accumulator on the 0-10 scale.
   *
   * @return a new accumulator
   */
  public static NpsAccumulator create() {
    return new NpsAccumulator(Scale.ZERO_TO_TEN);
  }

  /**
   * Creates an empty accumulator on a scale.
   *
   * @param scale the scale scores are validated against
   * @return a new accumulator
   * @throws NullPointerException if scale is null
   */
  public static NpsAccumulator create(Scale scale) {
    return new NpsAccumulator(scale);
  }

  /**
   * The scale scores are validated against.
   *
   * @return the scale
   */
  public Scale scale() {
    return scale;
  }

  /**
   * Adds one score.
   *
   * @param score the score
   * @return this accumulator
   * @throws IllegalArgumentException if the score is outside the scale
   */
  public NpsAccumulator add(int score) {
    counts[scale.validate(score)]++;
    return this;
  }

  /**
   * Adds every score of an array (near memory speed, no per-element branch).
   *
   * @param scores the scores
   * @return this accumulator
   * @throws NullPointerException if scores is null
   * @throws IllegalArgumentException naming the first invalid index and value; nothing is added
   */
  public NpsAccumulator addAll(byte[] scores) {
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
  public NpsAccumulator addAll(byte[] scores, int from, int to) {
    Counting.countBytes(scores, from, to, scale, counts);
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
  public NpsAccumulator addAll(int[] scores) {
    Objects.requireNonNull(scores, "scores");
    Counting.countInts(scores, 0, scores.length, scale, counts);
    return this;
  }

  /**
   * Adds everything another accumulator holds (the other one is unchanged).
   *
   * @param other another accumulator; its scale is not checked against this one
   * @return this accumulator
   * @throws NullPointerException if other is null
   */
  public NpsAccumulator merge(NpsAccumulator other) {
    Objects.requireNonNull(other, "other");
    for (int s = 0; s < 11; s++) {
      counts[s] += other.counts[s];
    }
    return this;
  }

  /**
   * Adds a tally.
   *
   * @param tally a tally
   * @return this accumulator
   * @throws NullPointerException if tally is null
   * @throws IllegalArgumentException if the tally has scores outside this scale
   */
  public NpsAccumulator merge(NpsTally tally) {
    Objects.requireNonNull(tally, "tally");
    for (int s = 0; s < scale.min(); s++) {
      if (tally.count(s) != 0) {
        scale.validate(s);
      }
    }
    for (int s = 0; s < 11; s++) {
      counts[s] += tally.count(s);
    }
    return this;
  }

  /**
   * A snapshot of the counts.
   *
   * @return an immutable tally
   */
  public NpsTally tally() {
    return NpsTally.wrap(counts.clone());
  }

  /**
   * The number of scores added.
   *
   * @return n
   */
  public long n() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }
}
