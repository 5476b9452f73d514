package org.npskit.policy.internal;

import java.nio.charset.StandardCharsets;
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
          format("%s must be at most %s (10,000 years), was %s", name, durationText(MAX_DURATION),
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
  public static Instant inTimeRange(Instant value, String name) {
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

  /** The last second of 9999-12-31, the end of the instants {@link #instantText} formats itself. */
  private static final long MAX_FAST_SECOND = 253_402_300_799L;

  /**
   * The text of {@link Instant#toString()} (ISO-8601, {@code 2026-03-01T12:00:00Z}, fractions in
   * groups of three digits), built without a formatter for instants from 1970 to 9999 and by
   * {@code toString} otherwise.
   *
   * @param instant the instant
   * @return the same text as {@code instant.toString()}
   */
  public static String instantText(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > MAX_FAST_SECOND) {
      return instant.toString();
    }
    int nano = instant.getNano();
    int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
    byte[] out = new byte[20 + (fraction == 0 ? 0 : fraction + 1)];
    long days = seconds / 86_400;
    int secondOfDay = (int) (seconds - days * 86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, days >= 0 here).
    long z = days + 719_468;
    long era = z / 146_097;
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int at = 19;
    if (fraction != 0) {
      out[at++] = '.';
      digits(out, at, fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1000 : nano,
          fraction);
      at += fraction;
    }
    out[at] = 'Z';
    return new String(out, StandardCharsets.US_ASCII);
  }

  private static void digits(byte[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * A duration as written in policy properties: whole days as {@code P90D}, else the ISO form.
   *
   * @param d the duration
   * @return the text
   */
  public static String durationText(Duration d) {
    long days = d.toDays();
    return !d.isZero() && d.equals(Duration.ofDays(days)) ? "P" + days + "D" : d.toString();
  }
}
