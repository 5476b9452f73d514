package org.npskit.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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
   */
  public LocalDate start(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    return start(LocalDate.ofInstant(instant, zone));
  }

  /**
   * The first day of the bucket holding a date.
   *
   * @param date the date
   * @return the bucket's first day
   * @throws NullPointerException if date is null
   */
  public LocalDate start(LocalDate date) {
    Objects.requireNonNull(date, "date");
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
   */
  public LocalDate next(LocalDate start) {
    Objects.requireNonNull(start, "start");
    return switch (this) {
      case DAY -> start.plusDays(1);
      case ISO_WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
    };
  }
}
