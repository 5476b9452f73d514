package org.npskit.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Collects the {@code nps.policy.*} entries of a Spring environment as a map with full canonical
 * keys, for {@code SurveyPolicy.fromProperties(Map)}: the library parses and validates every
 * value, so errors read as they do outside Spring.
 *
 * <p>Property sources are read in the environment's precedence order; the first source that sets
 * a key wins for that key. YAML sequences ({@code key[0]}, {@code key[1]}) become lists. Relaxed
 * names are mapped onto the contract's keys: {@code customerCooldown}, {@code customer_cooldown}
 * and the environment variable {@code NPS_POLICY_CUSTOMER_COOLDOWN} all mean
 * {@code nps.policy.customer-cooldown}; {@code category-cooldown.[phones/android]} (a YAML map key
 * in brackets, which Spring's YAML loader makes {@code category-cooldown[phones/android]}) means
 * {@code nps.policy.category-cooldown.phones/android}. A name that matches no
 * key is passed on as written, so the library rejects it by name. Stateless.
 */
final class PolicySettings {

  static final String PREFIX = "nps.policy.";

  /** The keys of the policy properties contract, without the prefix. */
  static final List<String> KEYS = List.of(
      "min-order-value", "min-line-value", "exclude-categories", "always-categories",
      "always-services", "customer-cooldown", "max-surveys-per-customer", "account-cooldown",
      "max-surveys-per-account", "response-cooldown", "repeat-subject-window", "sampling-rate",
      "sampling-salt", "holdout-rate", "holdout-salt", "send-delay", "store-failure",
      "send-window", "send-days", "default-zone", "relationship-trigger",
      "relationship-interval");

  static final String CATEGORY_COOLDOWN = "category-cooldown";

  private static final String ENV_PREFIX = "nps_policy_";
  private static final Pattern INDEXED = Pattern.compile("^(.*)\\[(\\d+)]$");
  private static final Pattern ENV_INDEXED = Pattern.compile("^(.*)_(\\d+)_?$");

  private PolicySettings() {}

  /**
   * The policy entries of the environment.
   *
   * @param environment the environment; not null
   * @return full key (with the prefix) to a value (a string, number, duration or list), in the
   *     order first seen
   */
  static Map<String, Object> from(ConfigurableEnvironment environment) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      boolean env = source instanceof SystemEnvironmentPropertySource;
      Map<String, Object> scalars = new LinkedHashMap<>();
      Map<String, TreeMap<Integer, Object>> lists = new LinkedHashMap<>();
      for (String name : enumerable.getPropertyNames()) {
        String key = env ? fromEnvironmentVariable(name) : fromPropertyName(name);
        if (key == null) {
          continue;
        }
        Object value = enumerable.getProperty(name);
        if (value instanceof String text) {
          value = environment.resolvePlaceholders(text);
        }
        Matcher indexed = INDEXED.matcher(key);
        if (indexed.matches()) {
          lists.computeIfAbsent(indexed.group(1), k -> new TreeMap<>())
              .put(Integer.valueOf(indexed.group(2)), value);
        } else {
          scalars.put(key, value);
        }
      }
      lists.forEach((key, elements) -> settings.putIfAbsent(key,
          new ArrayList<>(elements.values())));
      scalars.forEach(settings::putIfAbsent);
    }
    return settings;
  }

  /** {@code nps.policy.customerCooldown} to {@code nps.policy.customer-cooldown}; null if outside. */
  static String fromPropertyName(String name) {
    if (!name.startsWith(PREFIX)) {
      return null;
    }
    String rest = name.substring(PREFIX.length());
    int end = firstOf(rest, '.', '[');
    String first = rest.substring(0, end);
    String tail = rest.substring(end);
    String uniform = uniform(first);
    if (uniform.equals(uniform(CATEGORY_COOLDOWN)) && !tail.isEmpty()) {
      // Boot's YAML loader writes a bracketed map key as category-cooldown[phones/android]
      String path = tail.startsWith(".") ? tail.substring(1) : tail;
      if (path.startsWith("[") && path.endsWith("]")) {
        path = path.substring(1, path.length() - 1);
      }
      return PREFIX + CATEGORY_COOLDOWN + "." + path;
    }
    for (String key : KEYS) {
      if (uniform(key).equals(uniform)) {
        return PREFIX + key + tail;
      }
    }
    return name;
  }

  /** {@code NPS_POLICY_CUSTOMER_COOLDOWN} to {@code nps.policy.customer-cooldown}; null if outside. */
  static String fromEnvironmentVariable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(ENV_PREFIX)) {
      return null;
    }
    String rest = lower.substring(ENV_PREFIX.length());
    for (String form : List.of("category_cooldown_", "categorycooldown_")) {
      if (rest.startsWith(form) && rest.length() > form.length()) {
        return PREFIX + CATEGORY_COOLDOWN + "." + rest.substring(form.length());
      }
    }
    Matcher index = ENV_INDEXED.matcher(rest);
    String base = index.matches() ? index.group(1) : rest;
    String suffix = index.matches() ? "[" + index.group(2) + "]" : "";
    for (String key : KEYS) {
      if (uniform(key).equals(uniform(base))) {
        return PREFIX + key + suffix;
      }
    }
    return PREFIX + rest.replace('_', '-');
  }

  private static int firstOf(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return s.length();
  }

  /** Lower case, letters and digits only: the form Spring's relaxed binding compares. */
  private static String uniform(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }
}
