package org.npskit.policy.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.npskit.policy.FrequencyCap;
import org.npskit.policy.Money;
import org.npskit.policy.StoreFailureMode;
import org.npskit.policy.SurveyPolicy;

/**
 * Reads the {@code nps.policy.*} properties into a policy builder.
 *
 * <p>Stateless and thread-safe (the builder it fills is not).
 */
public final class PolicyProperties {
  /** The key prefix. */
  public static final String PREFIX = "nps.policy.";

  private static final String CATEGORY_COOLDOWN = "category-cooldown.";

  private PolicyProperties() {}

  /**
   * Applies every {@code nps.policy.*} key to the builder, in key order.
   *
   * @param properties the properties
   * @param b the builder
   * @throws IllegalArgumentException naming the key and value on any bad key or value, and both
   *     keys when a category path is excluded and "always"
   */
  public static void apply(Properties properties, SurveyPolicy.Builder b) {
    double samplingRate = 1.0;
    String samplingSalt = "";
    double holdoutRate = 0.0;
    String holdoutSalt = "holdout";
    for (String fullKey : new TreeSet<>(properties.stringPropertyNames())) {
      if (!fullKey.startsWith(PREFIX)) {
        continue;
      }
      String key = fullKey.substring(PREFIX.length());
      String value = properties.getProperty(fullKey).trim();
      try {
        switch (key) {
          case "min-order-value" -> b.minOrderValue(money(value));
          case "min-line-value" -> b.minLineValue(money(value));
          case "exclude-categories" -> b.excludeCategories(list(value));
          case "always-categories" -> b.alwaysCategories(list(value));
          case "always-services" -> b.alwaysServices(list(value));
          case "customer-cooldown" -> b.customerCooldown(duration(value));
          case "max-surveys-per-customer" -> b.maxSurveysPerCustomer(FrequencyCap.parse(value));
          case "account-cooldown" -> b.accountCooldown(duration(value));
          case "max-surveys-per-account" -> b.maxSurveysPerAccount(FrequencyCap.parse(value));
          case "response-cooldown" -> b.responseCooldown(duration(value));
          case "repeat-subject-window" -> b.repeatSubjectWindow(duration(value));
          case "sampling-rate" -> samplingRate = rate(value);
          case "sampling-salt" -> samplingSalt = value;
          case "holdout-rate" -> holdoutRate = rate(value);
          case "holdout-salt" -> holdoutSalt = value;
          case "send-delay" -> b.sendDelay(duration(value));
          case "store-failure" -> b.storeFailure(StoreFailureMode.fromPropertyValue(value));
          default -> {
            if (key.startsWith(CATEGORY_COOLDOWN)) {
              b.categoryCooldown(key.substring(CATEGORY_COOLDOWN.length()), duration(value));
            } else {
              throw new IllegalArgumentException("unknown key");
            }
          }
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            Checks.format("%s=%s: %s", fullKey, value, e.getMessage()), e);
      }
    }
    b.sampling(samplingRate, samplingSalt);
    b.holdout(holdoutRate, holdoutSalt);
    try {
      b.build();
    } catch (IllegalArgumentException e) {
      // The one rule spanning keys: a path both excluded and "always".
      String exclude = PREFIX + "exclude-categories";
      String always = PREFIX + "always-categories";
      throw new IllegalArgumentException(
          Checks.format("%s=%s and %s=%s: %s", exclude,
              properties.getProperty(exclude, "").trim(), always,
              properties.getProperty(always, "").trim(), e.getMessage()), e);
    }
  }

  private static Duration duration(String value) {
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

  private static double rate(String value) {
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

  private static String[] list(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("empty list element");
      }
      out.add(part.trim());
    }
    return out.toArray(String[]::new);
  }

  private static Money[] money(String value) {
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
