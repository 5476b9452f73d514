package org.npskit.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import org.npskit.core.NpsTally;

/**
 * The aggregation buffer of the NPS functions: the 11 per-score counts of an nps-core {@link
 * NpsTally}, in the bean form Spark's encoder stores between the partial and the final
 * aggregation (one column {@code counts: array<bigint>}, 120 bytes as an {@code UnsafeRow}).
 *
 * <p>Public only because Spark's bean encoder needs a public class with a getter and a setter;
 * read results through {@link NpsFunctions} or {@link #tally()}. Mutable and not thread-safe: Spark
 * confines each buffer to one task. No method accepts null.
 */
public final class TallyBuffer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Counts by score 0..10, incremented in place by {@link #addScore}. */
  private long[] counts = new long[11];

  /** An empty buffer (n = 0). */
  public TallyBuffer() {
    // Spark's bean encoder creates buffers through this constructor.
  }

  /**
   * The counts by score, for Spark's encoder.
   *
   * @return the buffer's own array of 11 counts (not a copy)
   */
  public long[] getCounts() {
    return counts;
  }

  /**
   * Replaces the counts, for Spark's encoder; they are validated as an {@link NpsTally}.
   *
   * @param counts 11 counts indexed by score (copied)
   * @throws NullPointerException if counts is null
   * @throws IllegalArgumentException if the length is not 11, a count is negative or n overflows
   */
  public void setCounts(long[] counts) {
    this.counts = NpsTally.of(counts).counts();
  }

  /**
   * The buffer as an immutable tally.
   *
   * @return a snapshot of the counts
   */
  public NpsTally tally() {
    return NpsTally.of(counts);
  }

  /**
   * Adds one score.
   *
   * @param function the SQL function name, for the error message
   * @param score the score
   * @return this buffer
   * @throws IllegalArgumentException naming the function and the value if the score is outside
   *     0..10
   */
  TallyBuffer addScore(String function, long score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s: score must be in 0..10, was %d", function, score));
    }
    counts[(int) score]++;
    return this;
  }

  /**
   * Adds a tally by nps-core's {@link NpsTally#plus(NpsTally)}.
   *
   * @param other the tally to add
   * @return this buffer
   * @throws IllegalArgumentException if a count of the sum overflows a long
   */
  TallyBuffer add(NpsTally other) {
    counts = tally().plus(Objects.requireNonNull(other, "other")).counts();
    return this;
  }

  @Override
  public String toString() {
    return "TallyBuffer" + tally().toString().substring("NpsTally".length());
  }
}
