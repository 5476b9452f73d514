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
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2 || !parts[0].trim().matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          Checks.format("cap must be COUNT/DURATION such as 3/P365D, was '%s'", text));
    }
    try {
      return new FrequencyCap(Integer.parseInt(parts[0].trim()), Duration.parse(parts[1].trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          Checks.format("cap must be COUNT/DURATION such as 3/P365D, was '%s'", text), e);
    }
  }

  @Override
  public String toString() {
    return count + "/" + Checks.durationText(window);
  }
}
