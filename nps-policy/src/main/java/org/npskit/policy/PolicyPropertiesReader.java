package org.npskit.policy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.npskit.policy.internal.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code java.util.Properties} side of the policy properties contract: which keys count (those
 * under {@value #PREFIX}, in key order), how values are trimmed, how an error names the key and
 * value, and the value grammar (durations, rates, lists, money; days and zones for the send
 * window). What each key sets is the policy builder's business: reading a policy from properties
 * hands every key to it, so this class knows nothing of the policy and reading goes one way (the
 * policy uses this class, never the reverse).
 *
 * <p>Stateless and thread-safe.
 */
final class PolicyPropertiesReader {
  /** The key prefix. */
  static final String PREFIX = "nps.policy.";

  private static final Logger LOG = LoggerFactory.getLogger(PolicyPropertiesReader.class);
  private static final String BOM = "\uFEFF";
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DAY_RANGE = Pattern.compile("([A-Za-z]+)\\s*-\\s*([A-Za-z]+)");

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
   * The properties as a map of texts.
   *
   * @param properties the properties
   * @return every key (also keys outside the prefix) with its text
   */
  static Map<String, String> texts(Properties properties) {
    Map<String, String> texts = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      texts.put(key, properties.getProperty(key));
    }
    return texts;
  }

  /**
   * A map of settings as texts: a {@link Collection} or array as its elements joined by {@code ",
   * "}, anything else (a {@code String}, a number, a {@code Duration}) by {@code String.valueOf}.
   *
   * @param map the settings
   * @return every key with its text
   * @throws NullPointerException if a key is null
   * @throws IllegalArgumentException naming the key, when a value under the prefix is null
   */
  static Map<String, String> texts(Map<String, ?> map) {
    Map<String, String> texts = new TreeMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "key");
      if (e.getValue() == null && normalize(key).startsWith(PREFIX)) {
        throw new IllegalArgumentException(Checks.format("%s has no value (null)", key));
      }
      texts.put(key, text(e.getValue()));
    }
    return texts;
  }

  /**
   * Hands every {@code nps.policy.*} key to {@code setting}, in key order, with its trimmed value;
   * logs one warning when there is none.
   *
   * @param texts the settings as texts
   * @param setting what each key sets
   * @throws IllegalArgumentException naming the full key and the value, when {@code setting}
   *     rejects one
   */
  static void forEach(Map<String, String> texts, Setting setting) {
    Map<String, String> policyKeys = new TreeMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String key = normalize(e.getKey());
      if (key.startsWith(PREFIX)) {
        policyKeys.put(key, e.getValue() == null ? "" : e.getValue());
      }
    }
    if (policyKeys.isEmpty()) {
      LOG.warn("no key under {} among the {} keys given: the policy has every default"
          + " (a misspelt prefix?)", PREFIX, texts.size());
    }
    for (Map.Entry<String, String> e : policyKeys.entrySet()) {
      String fullKey = e.getKey();
      String value = e.getValue().trim();
      try {
        setting.apply(fullKey.substring(PREFIX.length()), value);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            Checks.format("%s=%s: %s", fullKey, value, ex.getMessage()), ex);
      }
    }
  }

  /** A key without the byte-order mark a UTF-8 file may start with. */
  private static String normalize(String key) {
    return key.startsWith(BOM) ? key.substring(BOM.length()) : key;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  /**
   * The value of a key as written in the properties (trimmed), for messages about it.
   *
   * @param texts the settings as texts
   * @param key the key without the prefix
   * @return {@code nps.policy.<key>=<value>}, the value empty when the key is absent
   */
  static String quote(Map<String, String> texts, String key) {
    String value = texts.getOrDefault(PREFIX + key, texts.get(BOM + PREFIX + key));
    return PREFIX + key + "=" + (value == null ? "" : value.trim());
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
    if (value.indexOf(';') >= 0) {
      throw new IllegalArgumentException(
          "';' does not separate list elements: separate them with ','");
    }
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
            Checks.format("money must be 'AMOUNT CURRENCY' such as '100 EUR', was '%s'%s", part,
                DIGITS.matcher(part).matches()
                    ? " (',' separates amounts, one per currency: write decimals with '.' as in"
                        + " '100.00 EUR')"
                    : ""));
      }
      out.add(Money.of(amountAndCurrency[0], amountAndCurrency[1]));
    }
    return out.toArray(Money[]::new);
  }

  /**
   * Days of the week: {@code MON}..{@code SUN} and ranges such as {@code MON-FRI},
   * comma-separated, case-insensitive ({@code MON-FRI, SAT}).
   *
   * @param value the value
   * @return the days, not empty
   * @throws IllegalArgumentException for an unknown day or a range that ends before its start
   */
  static EnumSet<DayOfWeek> days(String value) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : list(value)) {
      Matcher range = DAY_RANGE.matcher(part);
      if (range.matches()) {
        DayOfWeek first = day(range.group(1));
        DayOfWeek last = day(range.group(2));
        if (last.compareTo(first) < 0) {
          throw new IllegalArgumentException(Checks.format(
              "day range '%s' ends before it starts (ranges run from MON to SUN and do not wrap:"
                  + " write FRI-SUN, MON)", part));
        }
        days.addAll(EnumSet.range(first, last));
      } else {
        days.add(day(part));
      }
    }
    return days;
  }

  private static DayOfWeek day(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equals(upper)) {
        return day;
      }
    }
    throw new IllegalArgumentException(Checks.format(
        "unknown day '%s', expected MON, TUE, WED, THU, FRI, SAT or SUN, or a range such as"
            + " MON-FRI", text));
  }

  /**
   * A zone: an IANA region id of the JDK's time-zone database ({@code Europe/Amsterdam}) or
   * {@code UTC}, spelt as there (case-sensitive); fixed offsets such as {@code +01:00} are not
   * region ids.
   *
   * @param value the value
   * @return the zone
   * @throws IllegalArgumentException for an unknown zone
   */
  static ZoneId zone(String value) {
    Set<String> known = ZoneId.getAvailableZoneIds();
    if (known.contains(value)) {
      return ZoneId.of(value);
    }
    String hint = known.stream().filter(id -> id.equalsIgnoreCase(value)).findFirst()
        .map(id -> " (did you mean " + id + "?)").orElse("");
    throw new IllegalArgumentException(Checks.format(
        "unknown time zone '%s', expected an IANA region id such as Europe/Amsterdam, or UTC%s",
        value, hint));
  }
}
