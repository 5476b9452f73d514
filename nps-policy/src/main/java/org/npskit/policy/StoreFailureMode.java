package org.npskit.policy;

import java.util.Locale;
import java.util.Objects;
import org.npskit.policy.internal.Checks;

/**
 * What the gate answers when the contact history is unavailable.
 *
 * <p>Immutable (an enum) and thread-safe.
 */
public enum StoreFailureMode {
  /**
   * Default: SKIP with the single reason {@link ReasonCode#HISTORY_UNAVAILABLE}; nothing is
   * recorded.
   */
  FAIL_CLOSED("fail-closed"),
  /**
   * When the history cannot be read, the rules run against an empty history (no earlier
   * decision, surveys, responses or opt-out), so the history-independent rules (consent,
   * holdout, categories, values, sampling) still apply. When it was read but the commit failed,
   * the decision evaluated on what was read is returned. Either way the gate reports the decision
   * as not recorded: a SURVEY may then not count for later cooldowns or caps, and a redelivery may
   * not be recognised as duplicate (a commit that failed after the write may still have stored
   * it).
   */
  FAIL_OPEN("fail-open");

  private final String propertyValue;

  StoreFailureMode(String propertyValue) {
    this.propertyValue = propertyValue;
  }

  /**
   * The value used in policy properties.
   *
   * @return {@code fail-closed} or {@code fail-open}
   */
  public String propertyValue() {
    return propertyValue;
  }

  /**
   * Parses a property value ({@code fail-closed} or {@code fail-open}, case-insensitive).
   *
   * @param value the text; not null
   * @return the mode
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value is neither
   */
  public static StoreFailureMode fromPropertyValue(String value) {
    Objects.requireNonNull(value, "value");
    for (StoreFailureMode mode : values()) {
      if (mode.propertyValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        Checks.format("store-failure must be fail-closed or fail-open, was '%s'", value));
  }
}
