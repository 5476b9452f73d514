package org.npskit.core;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar period for trend breakdowns, evaluated in a time zone.
 *
 * <p>Immutable and thread-safe.
 */
public enum TimeBucket {
  /** A calendar day. */
  DAY,
  /** An ISO-8601 week, Monday to Sunday. */
  ISO_WEEK,
  /** A calendar month. */
  MONTH,
  /** A calendar quarter (January, April, July, October). */
  QUARTER;

  /**
   * The first local date of the bucket holding an instant.
   *
   * @param instant the instant
   * @param zone the zone the calendar is read in
   * @return the bucket's first day
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the instant's date in the zone, or its bucket's first
   *     day, lies outside the range of {@link LocalDate}
   */
  public LocalDate start(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    LocalDate date;
    try {
      date = LocalDate.ofInstant(instant, zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "instant %s in zone %s is outside the LocalDate range", instant, zone),
          e);
    }
    return start(date);
  }

  /**
   * The first day of the bucket holding a date.
   *
   * @param date the date
   * @return the bucket's first day
   * @throws NullPointerException if date is null
   * @throws IllegalArgumentException if the bucket's first day lies before {@link LocalDate#MIN}
   */
  public LocalDate start(LocalDate date) {
    Objects.requireNonNull(date, "date");
    try {
      return startOf(date);
    } catch (DateTimeException e) {
      throw outOfRange("the bucket of", date, e);
    }
  }

  private LocalDate startOf(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case ISO_WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    };
  }

  /**
   * The first day of the next bucket.
   *
   * @param start the first day of a bucket
   * @return the first day of the following bucket
   * @throws NullPointerException if start is null
   * @throws IllegalArgumentException if the next bucket starts after {@link LocalDate#MAX}
   */
  public LocalDate next(LocalDate start) {
    Objects.requireNonNull(start, "start");
    try {
      return switch (this) {
        case DAY -> start.plusDays(1);
        case ISO_WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
        case QUARTER -> start.plusMonths(3);
      };
    } catch (DateTimeException e) {
      throw outOfRange("the bucket after", start, e);
    }
  }

  private IllegalArgumentException outOfRange(String what, LocalDate date, DateTimeException e) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT, "%s %s (%s) is outside the LocalDate range", what, date, name()), e);
  }
}
