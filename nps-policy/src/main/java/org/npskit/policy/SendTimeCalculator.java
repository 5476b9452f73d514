package org.npskit.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a survey is sent: the decision time plus the send delay, moved into the policy's send
 * window and send days in the customer's zone (section "Send windows" of {@code
 * docs/policy.md}). Stateless and thread-safe.
 *
 * <p>Let {@code t0} = decision time + send delay and {@code d0} its local date. The answer is
 * {@code t0} when its local date-time is on an allowed day and inside the window; else the
 * opening {@code ZonedDateTime.of(d, start, zone)} of the first allowed date {@code d >= d0}
 * whose opening lies after {@code t0} (DST gaps and overlaps resolve as {@code ZonedDateTime.of}
 * does: a time in a gap moves forward by the gap's length, a time in an overlap takes the
 * earlier offset).
 *
 * <p>How many dates the search needs: an opening on {@code d0} may lie before {@code t0} (the
 * window opened earlier that day), and so may one on {@code d0 + 1} when an overlap crosses
 * midnight: at America/St_Johns on 1987-10-25 the clocks went back from 00:01 to 23:01 of the
 * day before, so a {@code t0} at 23:30 of the 24th after the change lies after the opening 00:00
 * of the 25th, which {@code ZonedDateTime.of} gives with the earlier offset. An opening on {@code
 * d >= d0 + 3} lies at least 48 hours of local time after {@code t0}'s, and an offset change of
 * at most 36 hours (offsets lie within -18:00 and +18:00; the time-zone database's largest
 * change is 24 hours) cannot bring it back before {@code t0}; a week of such dates holds every
 * allowed day. So the dates {@code d0} to {@code d0 + 9} always hold the answer, and the search
 * looks at no more than those ten.
 */
final class SendTimeCalculator {
  /** Dates searched, {@code d0} included: two that may open before t0, then a whole week. */
  static final int MAX_DATES = 10;

  private SendTimeCalculator() {}

  /**
   * The send time of a survey decided at {@code decidedAt} for {@code purchase}.
   *
   * @param decidedAt the decision time
   * @param purchase the purchase (its zone, else the policy's default zone)
   * @param policy the policy (send delay, window, days)
   * @return the send time
   */
  static Instant sendAt(Instant decidedAt, Purchase purchase, SurveyPolicy policy) {
    Instant t0 = decidedAt.plus(policy.sendDelay());
    if (!policy.restrictsSendTime()) {
      return t0;
    }
    ZoneId zone = purchase.zone().orElse(policy.defaultZone());
    return firstSendableAt(t0, zone, policy.sendWindow().orElse(null), policy.sendDays());
  }

  /**
   * The earliest send time at or after {@code t0} by the rule in the class comment.
   *
   * @param t0 the earliest time the survey may go out
   * @param zone the zone the window and days are read in
   * @param window the window, or null for whole days (00:00 to 24:00)
   * @param days the allowed days; not empty
   * @return {@code t0} or the next opening after it
   */
  static Instant firstSendableAt(
      Instant t0, ZoneId zone, SendWindow window, Set<DayOfWeek> days) {
    LocalDateTime local = LocalDateTime.ofInstant(t0, zone);
    LocalDate date = local.toLocalDate();
    if (days.contains(date.getDayOfWeek())
        && (window == null || window.contains(local.toLocalTime()))) {
      return t0;
    }
    LocalTime start = window == null ? LocalTime.MIDNIGHT : window.start();
    for (int i = 0; i < MAX_DATES; i++, date = date.plusDays(1)) {
      if (days.contains(date.getDayOfWeek())) {
        Instant opening = ZonedDateTime.of(date, start, zone).toInstant();
        if (opening.isAfter(t0)) {
          return opening;
        }
      }
    }
    // Unreachable for any zone rules (see the class comment); the days are never empty.
    throw new IllegalStateException(
        "no send window opening within " + MAX_DATES + " dates of " + t0 + " in " + zone);
  }
}
