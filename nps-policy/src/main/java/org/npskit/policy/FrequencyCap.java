package org.npskit.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.npskit.policy.internal.Checks;

/**
 * A rolling cap: at most {@code count} surveys in any window of length {@code window}. Formally,
 * a new survey is allowed when, with it added, every {@code count + 1} surveys span at least
 * {@code window} (latest minus earliest). Immutable.
 *
 * @param count the maximum number of surveys per window, at least 1
 * @param window the window length; positive, at most 10,000 years ({@code P3652425D})
 */
public record FrequencyCap(int count, Duration window) {

  /**
   * Validates the cap.
   *
   * @param count at least 1
   * @param window positive
   * @throws NullPointerException if {@code window} is null
   * @throws IllegalArgumentException if {@code count < 1}, the window is not positive or
   *     longer than 10,000 years ({@code P3652425D})
   */
  public FrequencyCap {
    check(count, window);
  }

  /**
   * Parses {@code COUNT/DURATION}, e.g. {@code 3/P365D}.
   *
   * @param text the cap text; not null
   * @return the cap
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is malformed
   */
  public static FrequencyCap parse(String text) {
    Objects.requireNonNull(text, "text");
    return parse(text, "cap", "3/P365D", FrequencyCap::new);
  }

  /** The checks of a count per window (a cap, a relationship trigger). */
  static void check(int count, Duration window) {
    if (count < 1) {
      throw new IllegalArgumentException(Checks.format("count must be at least 1, was %d", count));
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          Checks.format("window must be positive, was %s", window));
    }
    Checks.notTooLong(window, "window");
  }

  /** Builds a count per window from its parts. */
  @FunctionalInterface
  interface CountPerWindow<T> {
    T of(int count, Duration window);
  }

  /**
   * Parses {@code COUNT/DURATION} into a count per window.
   *
   * @param text the text; not null
   * @param what what the text is, for the message ({@code "cap"})
   * @param example a valid example, for the message
   * @param factory builds (and validates) the value
   * @return the value
   * @throws IllegalArgumentException if the text is malformed or the factory rejects it
   */
  static <T> T parse(String text, String what, String example, CountPerWindow<T> factory) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2 || !parts[0].trim().matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          Checks.format("%s must be COUNT/DURATION such as %s, was '%s'", what, example, text));
    }
    try {
      return factory.of(Integer.parseInt(parts[0].trim()), Duration.parse(parts[1].trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          Checks.format("%s must be COUNT/DURATION such as %s, was '%s'", what, example, text),
          e);
    }
  }

  @Override
  public String toString() {
    return count + "/" + Checks.durationText(window);
  }
}
