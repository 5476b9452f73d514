package org.npskit.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.npskit.policy.internal.Checks;

/**
 * The {@code java.util.Properties} side of the policy properties contract: which keys count (those
 * under {@value #PREFIX}, in key order), how values are trimmed, how an error names the key and
 * value, and the value grammar (durations, rates, lists, money). What each key sets is {@link
 * SurveyPolicy.Builder}'s business: {@link SurveyPolicy#fromProperties} hands every key to it, so
 * this class knows nothing of the policy and reading goes one way.
 *
 * <p>Stateless and thread-safe.
 */
final class PolicyPropertiesReader {
  /** The key prefix. */
  static final String PREFIX = "nps.policy.";

  private PolicyPropertiesReader() {}

  /** Receives one setting: its key without the prefix and its trimmed value. */
  @FunctionalInterface
  interface Setting {
    /**
     * Applies the setting.
     *
     * @param key the key without the prefix
     * @param value the trimmed value
     * @throws IllegalArgumentException for an unknown key or a bad value (message without key)
     */
    void apply(String key, String value);
  }

  /**
   * Hands every {@code nps.policy.*} key to {@code setting}, in key order.
   *
   * @param properties the properties
   * @param setting what each key sets
   * @throws IllegalArgumentException naming the full key and the value, when {@code setting}
   *     rejects one
   */
  static void forEach(Properties properties, Setting setting) {
    for (String fullKey : new TreeSet<>(properties.stringPropertyNames())) {
      if (!fullKey.startsWith(PREFIX)) {
        continue;
      }
      String value = properties.getProperty(fullKey).trim();
      try {
        setting.apply(fullKey.substring(PREFIX.length()), value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            Checks.format("%s=%s: %s", fullKey, value, e.getMessage()), e);
      }
    }
  }

  /**
   * The value of a key as written in the properties (trimmed), for messages about it.
   *
   * @param properties the properties
   * @param key the key without the prefix
   * @return {@code nps.policy.<key>=<value>}, the value empty when the key is absent
   */
  static String quote(Properties properties, String key) {
    return PREFIX + key + "=" + properties.getProperty(PREFIX + key, "").trim();
  }

  static Duration duration(String value) {
    Duration d;
    try {
      d = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "malformed duration, expected java.time.Duration syntax such as P90D or PT12H", e);
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return d;
  }

  static double rate(String value) {
    BigDecimal rate;
    try {
      rate = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed rate, expected a decimal in [0, 1]", e);
    }
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("rate must be in [0, 1]");
    }
    return rate.doubleValue();
  }

  static String[] list(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("empty list element");
      }
      out.add(part.trim());
    }
    return out.toArray(String[]::new);
  }

  static Money[] money(String value) {
    List<Money> out = new ArrayList<>();
    for (String part : list(value)) {
      String[] amountAndCurrency = part.split("\\s+");
      if (amountAndCurrency.length != 2) {
        throw new IllegalArgumentException(
            Checks.format("money must be 'AMOUNT CURRENCY' such as '100 EUR', was '%s'", part));
      }
      out.add(Money.of(amountAndCurrency[0], amountAndCurrency[1]));
    }
    return out.toArray(Money[]::new);
  }
}
