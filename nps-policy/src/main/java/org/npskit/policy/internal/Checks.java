package org.npskit.policy.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Argument checks whose messages name the parameter, show the value and state the rule. */
public final class Checks {
  private Checks() {}

  /**
   * Formats a message with {@link Locale#ROOT}.
   *
   * @param format the format
   * @param args the arguments
   * @return the message
   */
  public static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /**
   * A non-null, non-blank id or name (returned unchanged, not trimmed).
   *
   * @param value the value
   * @param name the parameter name
   * @return the value
   */
  public static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(format("%s must not be blank, was '%s'", name, value));
    }
    return value;
  }

  /**
   * A non-null duration that is zero or positive.
   *
   * @param value the value
   * @param name the parameter name
   * @return the value
   */
  public static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          format("%s must not be negative, was %s", name, value));
    }
    return value;
  }

  /**
   * A rate in [0, 1].
   *
   * @param value the value
   * @param name the parameter name
   * @return the value
   */
  public static double rate(double value, String name) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          format("%s must be in [0, 1], was %s", name, value));
    }
    return value;
  }

  /**
   * A duration as written in policy properties: whole days as {@code P90D}, else the ISO form.
   *
   * @param d the duration
   * @return the text
   */
  public static String duration(Duration d) {
    long days = d.toDays();
    return !d.isZero() && d.equals(Duration.ofDays(days)) ? "P" + days + "D" : d.toString();
  }
}
