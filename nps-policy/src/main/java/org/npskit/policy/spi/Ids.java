package org.npskit.policy.spi;

import java.util.Locale;
import java.util.Objects;

/** Validation of identifiers shared by the SPI value types. */
final class Ids {
  private Ids() {}

  static String require(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must not be blank, was '%s'", name, value));
    }
    return value;
  }

  static String optional(String value, String name) {
    return value == null ? null : require(value, name);
  }
}
