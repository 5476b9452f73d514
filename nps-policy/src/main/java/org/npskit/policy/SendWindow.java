package org.npskit.policy;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npskit.policy.internal.Checks;

/**
 * The local times of day in which surveys may be sent ({@code send-window}): from {@code start}
 * (inclusive) to {@code end} (exclusive), in the customer's zone, within one day. Immutable and
 * thread-safe.
 *
 * <p>The window does not wrap around midnight and cannot end at 24:00: the latest end is 23:59
 * (the last minute is then outside); for whole days set only the send days.
 *
 * @param start the first local time inside the window; not null
 * @param end the first local time after the window; not null, after {@code start}
 */
public record SendWindow(LocalTime start, LocalTime end) {
  private static final Pattern TEXT =
      Pattern.compile("(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");

  /**
   * Validates the window.
   *
   * @param start the first local time inside the window
   * @param end the first local time after the window
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code start} is not before {@code end}
   */
  public SendWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(Checks.format(
          "the window's start must be before its end (the window is within one day, end"
              + " exclusive), was %s-%s", start, end));
    }
  }

  /**
   * Parses {@code HH:MM-HH:MM} (24-hour clock, two-digit hours and minutes, e.g. {@code
   * 09:00-18:00}; spaces around the dash are allowed).
   *
   * @param text the window; not null
   * @return the window
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is malformed (also {@code 9:00-18:00}), a time
   *     is not a time of day ({@code 24:00}, {@code 12:60}) or the start is not before the end
   */
  public static SendWindow parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(Checks.format(
          "window must be HH:MM-HH:MM with two-digit hours and minutes such as 09:00-18:00,"
              + " was '%s'", text));
    }
    return new SendWindow(time(m.group(1), m.group(2)), time(m.group(3), m.group(4)));
  }

  private static LocalTime time(String hours, String minutes) {
    try {
      return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(Checks.format(
          "%s:%s is not a time of day (00:00 to 23:59; the end is exclusive, and there is no"
              + " 24:00: a window ends at 23:59 at the latest)", hours, minutes), e);
    }
  }

  /**
   * Whether a local time lies inside the window.
   *
   * @param time the local time; not null
   * @return true if {@code start <= time < end}
   */
  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }

  /**
   * The window as written in the policy properties.
   *
   * @return e.g. {@code 09:00-18:00}
   */
  @Override
  public String toString() {
    return start + "-" + end;
  }
}
