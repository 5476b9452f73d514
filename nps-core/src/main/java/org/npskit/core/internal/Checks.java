package org.npskit.core.internal;

import java.util.Locale;

/**
 * Argument checks with messages naming the parameter, the value and the constraint.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {
  private Checks() {}

  /**
   * Checks a confidence level.
   *
   * @param confidence the value
   * @return the value
   * @throws IllegalArgumentException if NaN or not strictly between 0 and 1
   */
  public static double confidence(double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "confidence must be in (0, 1), was %s", confidence));
    }
    return confidence;
  }

  /**
   * Checks a probability-like share or power strictly inside (0, 1).
   *
   * @param name the parameter name
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if NaN or not strictly between 0 and 1
   */
  public static double openUnit(String name, double value) {
    if (!(value > 0.0 && value < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be in (0, 1), was %s", name, value));
    }
    return value;
  }

  /**
   * Checks a share in [0, 1].
   *
   * @param name the parameter name
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if NaN or not in [0, 1]
   */
  public static double share(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be in [0, 1], was %s", name, value));
    }
    return value;
  }

  /**
   * Checks a finite, strictly positive number.
   *
   * @param name the parameter name
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if NaN, infinite or not positive
   */
  public static double positive(String name, double value) {
    if (!(value > 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite and > 0, was %s", name, value));
    }
    return value;
  }
}
