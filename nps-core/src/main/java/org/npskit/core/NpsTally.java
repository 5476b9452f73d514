package org.npskit.core;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable per-score distribution: how many responses gave each score 0 to 10.
 *
 * <p>Tallies combine exactly with {@link #plus(NpsTally)} (associative, commutative, identity
 * {@link #empty()}), so partial tallies from threads, shards or distributed jobs can be merged.
 * Serializable through a validating serial form. Immutable and thread-safe; no method accepts
 * null.
 */
public final class NpsTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final NpsTally EMPTY = new NpsTally(new long[11]);

  /** Counts by score; written through {@link SerialForm}, never directly. */
  private final transient long[] counts;

  private NpsTally(long[] counts) {
    this.counts = counts;
  }

  /**
   * The empty tally.
   *
   * @return a tally with n = 0
   */
  public static NpsTally empty() {
    return EMPTY;
  }

  /**
   * A tally from 11 counts indexed by score.
   *
   * @param countsByScore counts for scores 0..10 (copied)
   * @return the tally
   * @throws NullPointerException if the array is null
   * @throws IllegalArgumentException if the length is not 11, a count is negative or n overflows
   */
  public static NpsTally of(long[] countsByScore) {
    Objects.requireNonNull(countsByScore, "countsByScore");
    if (countsByScore.length != 11) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "countsByScore must have 11 entries (scores 0..10), had %d",
              countsByScore.length));
    }
    long total = 0;
    for (int s = 0; s < 11; s++) {
      if (countsByScore[s] < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "count of score %d must be >= 0, was %d", s, countsByScore[s]));
      }
      total += countsByScore[s];
      if (total < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "n (the sum of the counts) must fit a long, overflows at score %d (count %d)",
                s, countsByScore[s]));
      }
    }
    return new NpsTally(countsByScore.clone());
  }

  /**
   * A tally from category counts only: detractors are put on score 0, passives on 7 and
   * promoters on 10. Use it when only category counts are known; {@link #count(int)} then
   * reflects that placement.
   *
   * @param detractors number of detractors, &gt;= 0
   * @param passives number of passives, &gt;= 0
   * @param promoters number of promoters, &gt;= 0
   * @return the tally
   * @throws IllegalArgumentException if a count is negative or n overflows
   */
  public static NpsTally ofCategories(long detractors, long passives, long promoters) {
    long[] c = new long[11];
    c[0] = detractors;
    c[7] = passives;
    c[10] = promoters;
    return of(c);
  }

  static NpsTally wrap(long[] counts) {
    return new NpsTally(counts);
  }

  /**
   * How many responses gave a score.
   *
   * @param score 0 to 10
   * @return the count
   * @throws IllegalArgumentException if the score is outside 0..10
   */
  public long count(int score) {
    return counts[Scale.ZERO_TO_TEN.validate(score)];
  }

  /**
   * The counts indexed by score.
   *
   * @return a fresh array of 11 counts
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Responses with a score of 0 to 6.
   *
   * @return the count
   */
  public long detractors() {
    long d = 0;
    for (int s = 0; s <= 6; s++) {
      d += counts[s];
    }
    return d;
  }

  /**
   * Responses with a score of 7 or 8.
   *
   * @return the count
   */
  public long passives() {
    return counts[7] + counts[8];
  }

  /**
   * Responses with a score of 9 or 10.
   *
   * @return the count
   */
  public long promoters() {
    return counts[9] + counts[10];
  }

  /**
   * The number of responses.
   *
   * @return n &gt;= 0
   */
  public long n() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /**
   * Whether no response is tallied.
   *
   * @return n == 0
   */
  public boolean isEmpty() {
    return n() == 0;
  }

  /**
   * The sum of this tally and another (the tally of the union of both samples).
   *
   * @param other another tally
   * @return the sum
   * @throws NullPointerException if other is null
   * @throws IllegalArgumentException if a count or n of the sum overflows a long
   */
  public NpsTally plus(NpsTally other) {
    Objects.requireNonNull(other, "other");
    long[] sum = new long[11];
    for (int s = 0; s < 11; s++) {
      sum[s] = counts[s] + other.counts[s];
      if (sum[s] < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "count of score %d overflows a long: %d + %d",
                s, counts[s], other.counts[s]));
      }
    }
    return of(sum);
  }

  /**
   * The statistics of this tally, absent when it is empty.
   *
   * @return the result, or empty when n = 0
   */
  public Optional<NpsResult> result() {
    return isEmpty() ? Optional.empty() : Optional.of(toResult());
  }

  /**
   * The statistics of this tally.
   *
   * @return the result
   * @throws IllegalStateException if n = 0 (the NPS is undefined)
   */
  public NpsResult toResult() {
    if (isEmpty()) {
      throw new IllegalStateException("NPS is undefined for an empty tally (n=0)");
    }
    return new NpsResult(detractors(), passives(), promoters());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpsTally t && Arrays.equals(counts, t.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "NpsTally" + Arrays.toString(counts);
  }

  /**
   * Replaces this tally by its validating serial form.
   *
   * @return the serial form
   */
  private Object writeReplace() {
    return new SerialForm(counts.clone());
  }

  /**
   * Rejects a stream that bypasses the serial form.
   *
   * @param in the stream
   * @throws InvalidObjectException always
   */
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("NpsTally is deserialized through its serial form");
  }

  /** The serial form: a record, so deserialization runs through the validating factory. */
  private record SerialForm(long[] counts) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Rebuilds the tally through the validating factory.
     *
     * @return the tally
     * @throws InvalidObjectException if the counts are invalid
     */
    private Object readResolve() throws InvalidObjectException {
      try {
        return NpsTally.of(counts);
      } catch (IllegalArgumentException | NullPointerException e) {
        InvalidObjectException invalid = new InvalidObjectException(e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }
  }
}
