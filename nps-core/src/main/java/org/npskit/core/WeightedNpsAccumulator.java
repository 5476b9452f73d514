package org.npskit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A mutable weighted tally (survey weights, e.g. from post-stratification).
 *
 * <p>Not thread-safe; combine per-thread instances with {@link #merge(WeightedNpsAccumulator)}.
 * No method accepts null.
 */
public final class WeightedNpsAccumulator {
  private final Scale scale;
  private final double[] weights = new double[3];
  private double sumOfSquares;
  private long n;

  private WeightedNpsAccumulator(Scale scale) {
    this.scale = Objects.requireNonNull(scale, "scale");
  }

  /**
   * An empty accumulator on the 0-10 scale.
   *
   * @return a new accumulator
   */
  public static WeightedNpsAccumulator create() {
    return new WeightedNpsAccumulator(Scale.ZERO_TO_TEN);
  }

  /**
   * An empty accumulator on a scale.
   *
   * @param scale the scale
   * @return a new accumulator
   * @throws NullPointerException if scale is null
   */
  public static WeightedNpsAccumulator create(Scale scale) {
    return new WeightedNpsAccumulator(scale);
  }

  /**
   * Adds a weighted score. A weight of 0 counts the response but gives it no influence.
   *
   * @param score the score
   * @param weight its weight, finite and &gt;= 0
   * @return this accumulator
   * @throws IllegalArgumentException if the score is off the scale or the weight is negative,
   *     NaN or infinite
   */
  public WeightedNpsAccumulator add(int score, double weight) {
    scale.validate(score);
    if (!(weight >= 0.0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "weight must be finite and >= 0, was %s (score %d)", weight, score));
    }
    weights[Category.of(score).ordinal()] += weight;
    sumOfSquares += weight * weight;
    n++;
    return this;
  }

  /**
   * Adds everything another accumulator holds.
   *
   * @param other another accumulator
   * @return this accumulator
   * @throws NullPointerException if other is null
   */
  public WeightedNpsAccumulator merge(WeightedNpsAccumulator other) {
    Objects.requireNonNull(other, "other");
    for (int i = 0; i < 3; i++) {
      weights[i] += other.weights[i];
    }
    sumOfSquares += other.sumOfSquares;
    n += other.n;
    return this;
  }

  /**
   * A snapshot.
   *
   * @return an immutable weighted tally
   */
  public WeightedNpsTally tally() {
    return new WeightedNpsTally(weights[0], weights[1], weights[2], sumOfSquares, n);
  }
}
