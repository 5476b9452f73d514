package org.npskit.core;

import java.util.Locale;

/**
 * A confidence interval in points.
 *
 * <p>Immutable and thread-safe.
 *
 * @param low the lower bound
 * @param high the upper bound, not below {@code low}
 */
public record Interval(double low, double high) {
  /**
   * Validates the bounds.
   *
   * @param low see the record component
   * @param high see the record component
   * @throws IllegalArgumentException if a bound is NaN or low &gt; high
   */
  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "interval needs low <= high, both numbers, was [%s, %s]", low, high));
    }
  }

  /**
   * The width high - low.
   *
   * @return the width in points
   */
  public double width() {
    return high - low;
  }

  /**
   * Whether a value lies in the closed interval.
   *
   * @param value the value in points
   * @return true if low &lt;= value &lt;= high
   */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
