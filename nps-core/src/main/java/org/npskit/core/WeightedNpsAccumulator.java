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
  /**
   * The smallest positive weight accepted: the square of a smaller one underflows, which would
   * make Kish's effective sample size undefined.
   */
  public static final double MIN_POSITIVE_WEIGHT = 1e-150;

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
   * @param weight its weight, finite and &gt;= 0 (0, or at least {@link #MIN_POSITIVE_WEIGHT})
   * @return this accumulator
   * @throws IllegalArgumentException if the score is off the scale, the weight is negative, NaN,
   *     infinite or positive but below {@link #MIN_POSITIVE_WEIGHT}, or the sum of the weights or of their squares would overflow a double
   *     (nothing is added then)
   */
  public WeightedNpsAccumulator add(int score, double weight) {
    scale.validate(score);
    if (!(weight >= 0.0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "weight must be finite and >= 0, was %s (score %d)", weight, score));
    }
    if (weight > 0.0 && weight < MIN_POSITIVE_WEIGHT) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a positive weight must be at least %s (its square would underflow), was %s"
                  + " (score %d)",
              MIN_POSITIVE_WEIGHT,
              weight,
              score));
    }
    int category = Category.of(score).ordinal();
    double sum = weights[category] + weight;
    double squares = sumOfSquares + weight * weight;
    if (Double.isInfinite(sum) || Double.isInfinite(squares)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "weight %s (score %d) makes the sum of the weights or of their squares overflow a"
                  + " double",
              weight,
              score));
    }
    weights[category] = sum;
    sumOfSquares = squares;
    n++;
    return this;
  }

  /**
   * Adds everything another accumulator holds.
   *
   * @param other another accumulator
   * @return this accumulator
   * @throws NullPointerException if other is null
   * @throws IllegalArgumentException if a sum of weights or of their squares would overflow a
   *     double (nothing is added then)
   */
  public WeightedNpsAccumulator merge(WeightedNpsAccumulator other) {
    Objects.requireNonNull(other, "other");
    double squares = sumOfSquares + other.sumOfSquares;
    for (int i = 0; i < 3; i++) {
      if (Double.isInfinite(weights[i] + other.weights[i]) || Double.isInfinite(squares)) {
        throw new IllegalArgumentException(
            "merging would make a sum of weights or of their squares overflow a double");
      }
    }
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
