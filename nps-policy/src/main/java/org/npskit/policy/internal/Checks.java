package org.npskit.policy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Argument checks whose messages name the parameter, show the value and state the rule.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {
  /**
   * The earliest order, delivery, decision or response time the policy accepts: year 1 (UTC).
   * Together with {@link #LATEST} the range every SQL {@code TIMESTAMP} type holds.
   */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest time the policy accepts: the end of year 9999 (UTC). */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * The longest duration a policy accepts (10,000 years, {@code P3652425D}): the span of the
   * accepted times, so a longer window would mean the same. Bounding windows and times keeps
   * every instant the rules compute ({@code now} plus or minus a window) representable.
   */
  public static final Duration MAX_DURATION = ChronoUnit.MILLENNIA.getDuration().multipliedBy(10);

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
   * A non-null duration that is zero or positive and at most {@link #MAX_DURATION}.
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
    return notTooLong(value, name);
  }

  /**
   * A duration of at most {@link #MAX_DURATION}.
   *
   * @param value the value; not null
   * @param name the parameter name
   * @return the value
   */
  public static Duration notTooLong(Duration value, String name) {
    if (value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          format("%s must be at most %s (10,000 years), was %s", name, duration(MAX_DURATION),
              value));
    }
    return value;
  }

  /**
   * A non-null instant between {@link #EARLIEST} and {@link #LATEST}.
   *
   * @param value the value
   * @param name the parameter name
   * @return the value
   */
  public static Instant instant(Instant value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          format("%s must be between %s and %s, was %s", name, EARLIEST, LATEST, value));
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
