package org.npskit.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.npskit.policy.internal.Checks;

/**
 * The survey policy: thresholds, category rules, frequency limits, sampling and timing, as listed
 * in the policy properties contract. Immutable and thread-safe; create it with {@link #builder()}
 * or {@link #fromProperties(Properties)}.
 *
 * <pre>{@code
 * SurveyPolicy policy = SurveyPolicy.builder()
 *     .minOrderValue(Money.of("100", "EUR"))
 *     .excludeCategories("printing/toner", "cables")
 *     .alwaysCategories("tv/oled")
 *     .alwaysServices("INSTALLATION")
 *     .customerCooldown(Duration.ofDays(90))
 *     .accountCooldown(Duration.ofDays(30))
 *     .build();
 * }</pre>
 */
public final class SurveyPolicy {
  private static final String EXCLUDE = "exclude";
  private static final String ALWAYS = "always";
  private static final String CATEGORY_COOLDOWN = "category-cooldown.";

  private final Map<Currency, Money> minOrderValue;
  private final Map<Currency, Money> minLineValue;
  private final PathRules<String> categoryRules;
  private final Set<String> alwaysServices;
  private final Duration customerCooldown;
  private final PathRules<Duration> categoryCooldowns;
  private final FrequencyCap customerCap;
  private final Duration accountCooldown;
  private final FrequencyCap accountCap;
  private final Duration responseCooldown;
  private final Duration repeatSubjectWindow;
  private final double samplingRate;
  private final String samplingSalt;
  private final double holdoutRate;
  private final String holdoutSalt;
  private final Duration sendDelay;
  private final StoreFailureMode storeFailure;
  private final RelationshipTrigger relationshipTrigger;
  private final Duration relationshipInterval;
  private final Duration longestWindow;
  private final SendWindow sendWindow;
  private final Set<DayOfWeek> sendDays;
  private final ZoneId defaultZone;
  private final Optional<SendWindow> sendWindowOptional;
  // What the Optional-returning getters return, built once: decide asks them for every order.
  private final Map<Currency, Optional<Money>> minOrderValueOptionals;
  private final Map<Currency, Optional<Money>> minLineValueOptionals;
  private final Optional<FrequencyCap> customerCapOptional;
  private final Optional<FrequencyCap> accountCapOptional;
  private final Optional<RelationshipTrigger> relationshipTriggerOptional;

  private SurveyPolicy(Builder b) {
    this.minOrderValue = Map.copyOf(b.minOrderValue);
    this.minLineValue = Map.copyOf(b.minLineValue);
    PathRules<String> rules = PathRules.empty();
    for (CategoryPath p : b.exclude) {
      rules = rules.with(p, EXCLUDE, "exclude/always category");
    }
    for (CategoryPath p : b.always) {
      rules = rules.with(p, ALWAYS, "exclude/always category");
    }
    this.categoryRules = rules;
    this.alwaysServices = Set.copyOf(b.alwaysServices);
    this.customerCooldown = b.customerCooldown;
    this.categoryCooldowns = b.categoryCooldowns;
    this.customerCap = b.customerCap;
    this.accountCooldown = b.accountCooldown;
    this.accountCap = b.accountCap;
    this.minOrderValueOptionals = optionals(minOrderValue);
    this.minLineValueOptionals = optionals(minLineValue);
    this.customerCapOptional = Optional.ofNullable(customerCap);
    this.accountCapOptional = Optional.ofNullable(accountCap);
    this.responseCooldown = b.responseCooldown;
    this.repeatSubjectWindow = b.repeatSubjectWindow;
    this.samplingRate = b.samplingRate;
    this.samplingSalt = b.samplingSalt;
    this.holdoutRate = b.holdoutRate;
    this.holdoutSalt = b.holdoutSalt;
    this.sendDelay = b.sendDelay;
    this.storeFailure = b.storeFailure;
    this.relationshipTrigger = b.relationshipTrigger;
    this.relationshipInterval = b.relationshipInterval;
    this.relationshipTriggerOptional = Optional.ofNullable(relationshipTrigger);
    this.longestWindow = computeLongestWindow();
    this.sendWindow = b.sendWindow;
    this.sendDays = Collections.unmodifiableSet(EnumSet.copyOf(b.sendDays));
    this.defaultZone = b.defaultZone;
    this.sendWindowOptional = Optional.ofNullable(sendWindow);
  }

  /**
   * A builder with the contract defaults (customer cooldown P90D, sampling 1.0, holdout 0.0 with
   * salt {@code holdout}, send delay P3D, fail-closed, sending on every day at any time with the
   * default zone UTC, everything else off).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy with all defaults.
   *
   * @return the default policy
   */
  public static SurveyPolicy defaults() {
    return builder().build();
  }

  /**
   * Reads a policy from properties: keys under {@code nps.policy.} (see the policy properties
   * contract); keys outside the prefix are ignored, and a byte-order mark before the first key
   * (a UTF-8 file saved with one) is not part of it. When no key has the prefix, one warning is
   * logged (a misspelt prefix leaves every default in place).
   *
   * @param properties the properties; not null
   * @return the policy
   * @throws NullPointerException if {@code properties} is null
   * @throws IllegalArgumentException for an unknown key under the prefix, a malformed value, a
   *     negative duration or conflicting rules; the message names the key and the value
   */
  public static SurveyPolicy fromProperties(Properties properties) {
    Objects.requireNonNull(properties, "properties");
    return read(PolicyPropertiesReader.texts(properties));
  }

  /**
   * Reads a policy from a map of the same keys as {@link #fromProperties(Properties)}, for
   * configuration that arrives as a map (a framework's bound properties, YAML). Values are
   * strings as in a properties file, or: a {@code Collection} or array for a list key (its
   * elements joined with {@code ", "}), a number for a rate, a {@code Duration}; anything else is
   * read through {@code String.valueOf}.
   *
   * @param settings the settings; not null, no null key
   * @return the policy
   * @throws NullPointerException if {@code settings} or a key is null
   * @throws IllegalArgumentException as {@link #fromProperties(Properties)}, and for a null value
   *     under the prefix
   */
  public static SurveyPolicy fromProperties(Map<String, ?> settings) {
    Objects.requireNonNull(settings, "settings");
    return read(PolicyPropertiesReader.texts(settings));
  }

  private static SurveyPolicy read(Map<String, String> texts) {
    Builder builder = builder();
    PolicyPropertiesReader.forEach(texts, builder::set);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // build() checks one rule that spans keys: no path both excluded and "always".
      throw new IllegalArgumentException(
          Checks.format("%s and %s: %s",
              PolicyPropertiesReader.quote(texts, "exclude-categories"),
              PolicyPropertiesReader.quote(texts, "always-categories"), e.getMessage()), e);
    }
  }

  /**
   * The minimum order value in a currency.
   *
   * @param currency the currency; not null
   * @return the threshold, or empty when none is set for that currency
   */
  public Optional<Money> minOrderValue(Currency currency) {
    return minOrderValueOptionals.getOrDefault(
        Objects.requireNonNull(currency, "currency"), Optional.empty());
  }

  /**
   * The minimum line value in a currency.
   *
   * @param currency the currency; not null
   * @return the threshold, or empty when none is set for that currency
   */
  public Optional<Money> minLineValue(Currency currency) {
    return minLineValueOptionals.getOrDefault(
        Objects.requireNonNull(currency, "currency"), Optional.empty());
  }

  /**
   * Checks that a currency can be judged: when thresholds are set, each must have one in it.
   *
   * @param currency the order currency; not null
   * @throws IllegalArgumentException naming the currency when a threshold kind is set but not
   *     for this currency
   */
  public void requireThresholdsFor(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    requireThreshold(minOrderValue, currency, "min-order-value");
    requireThreshold(minLineValue, currency, "min-line-value");
  }

  private static Map<Currency, Optional<Money>> optionals(Map<Currency, Money> thresholds) {
    Map<Currency, Optional<Money>> answers = new HashMap<>();
    thresholds.forEach((currency, money) -> answers.put(currency, Optional.of(money)));
    return Map.copyOf(answers);
  }

  private static void requireThreshold(Map<Currency, Money> map, Currency c, String key) {
    if (!map.isEmpty() && !map.containsKey(c)) {
      throw new IllegalArgumentException(
          Checks.format(
              "currency %s has no %s threshold (thresholds are set for %s)",
              c, key, map.keySet()));
    }
  }

  /**
   * Whether the category is excluded (its most specific exclude/always rule is an exclude).
   *
   * @param category the category; not null
   * @return true if excluded
   */
  public boolean isExcluded(CategoryPath category) {
    return EXCLUDE.equals(categoryRules.matchOrNull(Objects.requireNonNull(category, "category")));
  }

  /**
   * Whether the line is an "always" line: its category's most specific rule is an always rule,
   * or it carries an always-service. "Always" only lifts value thresholds; it never lifts an
   * exclusion.
   *
   * @param line the line; not null
   * @return true if always
   */
  public boolean isAlways(OrderLine line) {
    Objects.requireNonNull(line, "line");
    if (ALWAYS.equals(categoryRules.matchOrNull(line.category()))) {
      return true;
    }
    if (!alwaysServices.isEmpty()) {
      for (String service : line.services()) {
        if (alwaysServices.contains(service)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The customer cooldown that applies when the subject is in the category: the most specific
   * {@code category-cooldown.<path>}, else {@code customer-cooldown}.
   *
   * @param category the subject's category; not null
   * @return the cooldown
   */
  public Duration cooldownFor(CategoryPath category) {
    Duration cooldown =
        categoryCooldowns.matchOrNull(Objects.requireNonNull(category, "category"));
    return cooldown != null ? cooldown : customerCooldown;
  }

  /**
   * The category paths never surveyed about.
   *
   * @return the exclude rules
   */
  public List<CategoryPath> excludeCategories() {
    return pathsOf(EXCLUDE);
  }

  /**
   * The category paths surveyed regardless of value.
   *
   * @return the always rules
   */
  public List<CategoryPath> alwaysCategories() {
    return pathsOf(ALWAYS);
  }

  private List<CategoryPath> pathsOf(String kind) {
    return categoryRules.asMap().entrySet().stream()
        .filter(e -> e.getValue().equals(kind))
        .map(Map.Entry::getKey)
        .sorted(java.util.Comparator.comparing(CategoryPath::toString))
        .toList();
  }

  /**
   * The services making a line "always" (upper case).
   *
   * @return the services
   */
  public Set<String> alwaysServices() {
    return alwaysServices;
  }

  /**
   * The default customer cooldown ({@code PT0S} = off).
   *
   * @return the cooldown
   */
  public Duration customerCooldown() {
    return customerCooldown;
  }

  /**
   * The category cooldowns.
   *
   * @return an unmodifiable map from path to cooldown
   */
  public Map<CategoryPath, Duration> categoryCooldowns() {
    return categoryCooldowns.asMap();
  }

  /**
   * The customer cap.
   *
   * @return the cap, or empty
   */
  public Optional<FrequencyCap> maxSurveysPerCustomer() {
    return customerCapOptional;
  }

  /**
   * The account cooldown ({@code PT0S} = off, the default).
   *
   * @return the cooldown
   */
  public Duration accountCooldown() {
    return accountCooldown;
  }

  /**
   * The account cap.
   *
   * @return the cap, or empty
   */
  public Optional<FrequencyCap> maxSurveysPerAccount() {
    return accountCapOptional;
  }

  /**
   * The response cooldown ({@code PT0S} = off, the default).
   *
   * @return the cooldown
   */
  public Duration responseCooldown() {
    return responseCooldown;
  }

  /**
   * The repeat-subject window ({@code PT0S} = off, the default).
   *
   * @return the window
   */
  public Duration repeatSubjectWindow() {
    return repeatSubjectWindow;
  }

  /**
   * The sampling rate.
   *
   * @return a rate in [0, 1]
   */
  public double samplingRate() {
    return samplingRate;
  }

  /**
   * The sampling salt.
   *
   * @return the salt
   */
  public String samplingSalt() {
    return samplingSalt;
  }

  /**
   * The holdout rate.
   *
   * @return a rate in [0, 1]
   */
  public double holdoutRate() {
    return holdoutRate;
  }

  /**
   * The holdout salt.
   *
   * @return the salt
   */
  public String holdoutSalt() {
    return holdoutSalt;
  }

  /**
   * The send delay.
   *
   * @return the delay from decision to sending
   */
  public Duration sendDelay() {
    return sendDelay;
  }

  /**
   * The store-failure mode.
   *
   * @return the mode
   */
  public StoreFailureMode storeFailure() {
    return storeFailure;
  }

  /**
   * The local times of day in which surveys are sent ({@code send-window}).
   *
   * @return the window, or empty when surveys may be sent at any time of an allowed day
   */
  public Optional<SendWindow> sendWindow() {
    return sendWindowOptional;
  }

  /**
   * The days on which surveys are sent ({@code send-days}), in the customer's zone.
   *
   * @return an unmodifiable, non-empty set; every day by default
   */
  public Set<DayOfWeek> sendDays() {
    return sendDays;
  }

  /**
   * The zone of the send window for purchases that carry none ({@code default-zone}).
   *
   * @return the zone; UTC by default
   */
  public ZoneId defaultZone() {
    return defaultZone;
  }

  /**
   * Whether the send window or the send days restrict when a survey is sent: false when neither
   * is set (or the days are every day and there is no window), and {@code sendAt} is then the
   * decision time plus the send delay.
   *
   * @return true if sending is restricted
   */
  boolean restrictsSendTime() {
    return sendWindow != null || sendDays.size() < DayOfWeek.values().length;
  }

  /**
   * When a customer is a frequent buyer, whose purchases are decided as relationship decisions
   * (a survey about the shop, at most one per {@link #relationshipInterval()}), unless the
   * subject is an "always" line ({@code relationship-trigger}).
   *
   * @return the trigger, or empty (the default: no relationship decisions, as in version 1)
   */
  public Optional<RelationshipTrigger> relationshipTrigger() {
    return relationshipTriggerOptional;
  }

  /**
   * The minimum time between two relationship surveys to one customer ({@code
   * relationship-interval}, default {@code P180D}; {@code PT0S} switches it off). Only
   * meaningful with a {@link #relationshipTrigger()}: without one it changes nothing.
   *
   * @return the interval
   */
  public Duration relationshipInterval() {
    return relationshipInterval;
  }

  /**
   * The longest configured window (cooldowns, caps, repeat window, and with a relationship
   * trigger its window and the relationship interval); how far back and ahead the rules look and
   * the minimum retention for stores.
   *
   * @return the longest window, zero when all are off
   */
  public Duration longestWindow() {
    return longestWindow;
  }

  private Duration computeLongestWindow() {
    List<Duration> all = new ArrayList<>(categoryCooldowns.asMap().values());
    all.add(customerCooldown);
    all.add(accountCooldown);
    all.add(responseCooldown);
    all.add(repeatSubjectWindow);
    if (customerCap != null) {
      all.add(customerCap.window());
    }
    if (accountCap != null) {
      all.add(accountCap.window());
    }
    if (relationshipTrigger != null) {
      all.add(relationshipTrigger.window());
      all.add(relationshipInterval);
    }
    return all.stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }

  @Override
  public String toString() {
    String text = String.format(
        Locale.ROOT,
        "SurveyPolicy[minOrderValue=%s, minLineValue=%s, exclude=%s, always=%s, alwaysServices=%s,"
            + " customerCooldown=%s, categoryCooldowns=%s, customerCap=%s, accountCooldown=%s,"
            + " accountCap=%s, responseCooldown=%s, repeatSubjectWindow=%s, sampling=%s/'%s',"
            + " holdout=%s/'%s', sendDelay=%s, storeFailure=%s, sendWindow=%s, sendDays=%s,"
            + " defaultZone=%s]",
        minOrderValue.values(), minLineValue.values(), excludeCategories(), alwaysCategories(),
        alwaysServices, Checks.durationText(customerCooldown), categoryCooldownTexts(),
        customerCap, Checks.durationText(accountCooldown), accountCap,
        Checks.durationText(responseCooldown), Checks.durationText(repeatSubjectWindow),
        samplingRate, samplingSalt, holdoutRate, holdoutSalt, Checks.durationText(sendDelay),
        storeFailure.propertyValue(), sendWindow == null ? "none" : sendWindow,
        daysText(sendDays), defaultZone);
    // The relationship settings go before the closing bracket; nothing without a trigger.
    return text.substring(0, text.length() - 1) + relationshipText() + "]";
  }

  /** The relationship settings for {@link #toString()}: nothing without a trigger. */
  private String relationshipText() {
    return relationshipTrigger == null ? ""
        : ", relationshipTrigger=" + relationshipTrigger + ", relationshipInterval="
            + Checks.durationText(relationshipInterval);
  }

  /** The days in the {@code send-days} grammar: runs of consecutive days as ranges. */
  private static String daysText(Set<DayOfWeek> days) {
    StringBuilder text = new StringBuilder();
    DayOfWeek[] all = DayOfWeek.values();
    for (int i = 0; i < all.length; i++) {
      if (!days.contains(all[i])) {
        continue;
      }
      int last = i;
      while (last + 1 < all.length && days.contains(all[last + 1])) {
        last++;
      }
      text.append(text.length() == 0 ? "" : ",").append(dayText(all[i]));
      if (last > i) {
        text.append('-').append(dayText(all[last]));
      }
      i = last;
    }
    return text.toString();
  }

  private static String dayText(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  private Map<CategoryPath, String> categoryCooldownTexts() {
    Map<CategoryPath, String> texts = new LinkedHashMap<>();
    categoryCooldowns.asMap().forEach((path, d) -> texts.put(path, Checks.durationText(d)));
    return texts;
  }

  /**
   * Builds a {@link SurveyPolicy}. Not thread-safe. Each setter validates its argument at once
   * ({@link NullPointerException} for null, {@link IllegalArgumentException} naming the parameter
   * and value otherwise); {@link #build()} checks rules that span settings.
   */
  public static final class Builder {
    private final Map<Currency, Money> minOrderValue = new LinkedHashMap<>();
    private final Map<Currency, Money> minLineValue = new LinkedHashMap<>();
    private final Set<CategoryPath> exclude = new LinkedHashSet<>();
    private final Set<CategoryPath> always = new LinkedHashSet<>();
    private final Set<String> alwaysServices = new LinkedHashSet<>();
    private Duration customerCooldown = Duration.ofDays(90);
    private PathRules<Duration> categoryCooldowns = PathRules.empty();
    private FrequencyCap customerCap;
    private Duration accountCooldown = Duration.ZERO;
    private FrequencyCap accountCap;
    private Duration responseCooldown = Duration.ZERO;
    private Duration repeatSubjectWindow = Duration.ZERO;
    private double samplingRate = 1.0;
    private String samplingSalt = "";
    private double holdoutRate = 0.0;
    private String holdoutSalt = "holdout";
    private Duration sendDelay = Duration.ofDays(3);
    private StoreFailureMode storeFailure = StoreFailureMode.FAIL_CLOSED;
    private SendWindow sendWindow;
    private Set<DayOfWeek> sendDays = EnumSet.allOf(DayOfWeek.class);
    private ZoneId defaultZone = ZoneId.of("UTC");
    private RelationshipTrigger relationshipTrigger;
    private Duration relationshipInterval = Duration.ofDays(180);

    private Builder() {}

    /**
     * Adds order-total thresholds, one per currency.
     *
     * @param thresholds the thresholds; thresholds pass at equality
     * @return this builder
     * @throws IllegalArgumentException if a currency is given twice
     */
    public Builder minOrderValue(Money... thresholds) {
      addThresholds(minOrderValue, thresholds, "minOrderValue");
      return this;
    }

    /**
     * Adds subject-line thresholds, one per currency.
     *
     * @param thresholds the thresholds; thresholds pass at equality
     * @return this builder
     * @throws IllegalArgumentException if a currency is given twice
     */
    public Builder minLineValue(Money... thresholds) {
      addThresholds(minLineValue, thresholds, "minLineValue");
      return this;
    }

    private static void addThresholds(Map<Currency, Money> map, Money[] values, String name) {
      for (Money m : Objects.requireNonNull(values, name)) {
        Objects.requireNonNull(m, name);
        if (map.putIfAbsent(m.currency(), m) != null) {
          throw new IllegalArgumentException(
              Checks.format(
                  "%s has two thresholds for %s: %s and %s",
                  name, m.currency(), map.get(m.currency()), m));
        }
      }
    }

    /**
     * Adds excluded category paths.
     *
     * @param paths category paths, e.g. {@code printing/toner}
     * @return this builder
     * @throws IllegalArgumentException if a path is malformed
     */
    public Builder excludeCategories(String... paths) {
      for (String p : Objects.requireNonNull(paths, "paths")) {
        exclude.add(CategoryPath.parse(p));
      }
      return this;
    }

    /**
     * Adds "always" category paths (surveyed regardless of value).
     *
     * @param paths category paths
     * @return this builder
     * @throws IllegalArgumentException if a path is malformed
     */
    public Builder alwaysCategories(String... paths) {
      for (String p : Objects.requireNonNull(paths, "paths")) {
        always.add(CategoryPath.parse(p));
      }
      return this;
    }

    /**
     * Adds services that make a line "always" (compared case-insensitively).
     *
     * @param services service names, e.g. {@code INSTALLATION}
     * @return this builder
     * @throws IllegalArgumentException if a service is blank
     */
    public Builder alwaysServices(String... services) {
      for (String s : Objects.requireNonNull(services, "services")) {
        alwaysServices.add(Checks.notBlank(s, "service").trim().toUpperCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Sets the customer cooldown ({@code Duration.ZERO} switches it off).
     *
     * @param cooldown not negative
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than 10,000 years ({@code
     *     P3652425D})
     */
    public Builder customerCooldown(Duration cooldown) {
      this.customerCooldown = Checks.notNegative(cooldown, "customerCooldown");
      return this;
    }

    /**
     * Sets the customer cooldown for subjects in a category (most specific path wins).
     *
     * @param path the category path
     * @param cooldown not negative
     * @return this builder
     * @throws IllegalArgumentException if the path is malformed, the cooldown negative or longer
     *     than 10,000 years, or the path already has a different cooldown
     */
    public Builder categoryCooldown(String path, Duration cooldown) {
      categoryCooldowns =
          categoryCooldowns.with(
              CategoryPath.parse(path),
              Checks.notNegative(cooldown, "categoryCooldown"),
              "category-cooldown");
      return this;
    }

    /**
     * Sets the rolling cap per customer.
     *
     * @param cap the cap; not null
     * @return this builder
     */
    public Builder maxSurveysPerCustomer(FrequencyCap cap) {
      this.customerCap = Objects.requireNonNull(cap, "maxSurveysPerCustomer");
      return this;
    }

    /**
     * Sets the account cooldown.
     *
     * @param cooldown not negative
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than 10,000 years ({@code
     *     P3652425D})
     */
    public Builder accountCooldown(Duration cooldown) {
      this.accountCooldown = Checks.notNegative(cooldown, "accountCooldown");
      return this;
    }

    /**
     * Sets the rolling cap per account.
     *
     * @param cap the cap; not null
     * @return this builder
     */
    public Builder maxSurveysPerAccount(FrequencyCap cap) {
      this.accountCap = Objects.requireNonNull(cap, "maxSurveysPerAccount");
      return this;
    }

    /**
     * Sets the response cooldown.
     *
     * @param cooldown not negative
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than 10,000 years ({@code
     *     P3652425D})
     */
    public Builder responseCooldown(Duration cooldown) {
      this.responseCooldown = Checks.notNegative(cooldown, "responseCooldown");
      return this;
    }

    /**
     * Sets the repeat-subject window.
     *
     * @param window not negative
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than 10,000 years ({@code
     *     P3652425D})
     */
    public Builder repeatSubjectWindow(Duration window) {
      this.repeatSubjectWindow = Checks.notNegative(window, "repeatSubjectWindow");
      return this;
    }

    /**
     * Sets the sampling rate and salt.
     *
     * @param rate in [0, 1]
     * @param salt not null
     * @return this builder
     * @throws IllegalArgumentException if the rate is outside [0, 1]
     */
    public Builder sampling(double rate, String salt) {
      this.samplingRate = Checks.rate(rate, "samplingRate");
      this.samplingSalt = Objects.requireNonNull(salt, "samplingSalt");
      return this;
    }

    /**
     * Sets the holdout rate and salt.
     *
     * @param rate in [0, 1]
     * @param salt not null
     * @return this builder
     * @throws IllegalArgumentException if the rate is outside [0, 1]
     */
    public Builder holdout(double rate, String salt) {
      this.holdoutRate = Checks.rate(rate, "holdoutRate");
      this.holdoutSalt = Objects.requireNonNull(salt, "holdoutSalt");
      return this;
    }

    /**
     * Sets the send delay.
     *
     * @param delay not negative
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than 10,000 years ({@code
     *     P3652425D})
     */
    public Builder sendDelay(Duration delay) {
      this.sendDelay = Checks.notNegative(delay, "sendDelay");
      return this;
    }

    /**
     * Sets the store-failure mode.
     *
     * @param mode not null
     * @return this builder
     */
    public Builder storeFailure(StoreFailureMode mode) {
      this.storeFailure = Objects.requireNonNull(mode, "storeFailure");
      return this;
    }

    /**
     * Sets the local times of day in which surveys are sent, in the purchase's zone (else the
     * default zone); a survey due outside it is sent at the next opening (see {@code
     * docs/policy.md}, send windows).
     *
     * @param window the window; not null
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     */
    public Builder sendWindow(SendWindow window) {
      this.sendWindow = Objects.requireNonNull(window, "sendWindow");
      return this;
    }

    /**
     * Sets when a customer is a frequent buyer (default: never): a frequent buyer's purchase is
     * decided as a relationship decision unless its subject is an "always" line.
     *
     * @param trigger the trigger, e.g. {@code RelationshipTrigger.parse("8/P30D")}; not null
     * @return this builder
     */
    public Builder relationshipTrigger(RelationshipTrigger trigger) {
      this.relationshipTrigger = Objects.requireNonNull(trigger, "relationshipTrigger");
      return this;
    }

    /**
     * Sets the days on which surveys are sent, in the purchase's zone (else the default zone).
     * The set is copied.
     *
     * @param days the days; not null, not empty, no null element
     * @return this builder
     * @throws NullPointerException if {@code days} is or holds null
     * @throws IllegalArgumentException if {@code days} is empty
     */
    public Builder sendDays(Set<DayOfWeek> days) {
      Objects.requireNonNull(days, "sendDays");
      if (days.isEmpty()) {
        throw new IllegalArgumentException(
            "sendDays must name at least one day (a survey must be sendable), was []");
      }
      EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
      for (DayOfWeek day : days) {
        copy.add(Objects.requireNonNull(day, "sendDays element"));
      }
      this.sendDays = copy;
      return this;
    }

    /**
     * Sets the zone of the send window for purchases that carry none (default UTC).
     *
     * @param zone the zone; not null
     * @return this builder
     * @throws NullPointerException if {@code zone} is null
     */
    public Builder defaultZone(ZoneId zone) {
      this.defaultZone = Objects.requireNonNull(zone, "defaultZone");
      return this;
    }

    /**
     * Sets the minimum time between two relationship surveys to one customer (default {@code
     * P180D}; only meaningful with a {@link #relationshipTrigger}).
     *
     * @param interval not negative ({@code Duration.ZERO} switches it off)
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than 10,000 years ({@code
     *     P3652425D})
     */
    public Builder relationshipInterval(Duration interval) {
      this.relationshipInterval = Checks.notNegative(interval, "relationshipInterval");
      return this;
    }

    /**
     * Applies one key of the policy properties contract (without the {@code nps.policy.} prefix).
     *
     * @param key the key
     * @param value the trimmed value
     * @throws IllegalArgumentException for an unknown key or a bad value
     */
    private void set(String key, String value) {
      switch (key) {
        case "min-order-value" -> minOrderValue(PolicyPropertiesReader.money(value));
        case "min-line-value" -> minLineValue(PolicyPropertiesReader.money(value));
        case "exclude-categories" -> excludeCategories(PolicyPropertiesReader.list(value));
        case "always-categories" -> alwaysCategories(PolicyPropertiesReader.list(value));
        case "always-services" -> alwaysServices(PolicyPropertiesReader.list(value));
        case "customer-cooldown" -> customerCooldown(PolicyPropertiesReader.duration(value));
        case "max-surveys-per-customer" -> maxSurveysPerCustomer(FrequencyCap.parse(value));
        case "account-cooldown" -> accountCooldown(PolicyPropertiesReader.duration(value));
        case "max-surveys-per-account" -> maxSurveysPerAccount(FrequencyCap.parse(value));
        case "response-cooldown" -> responseCooldown(PolicyPropertiesReader.duration(value));
        case "repeat-subject-window" -> repeatSubjectWindow(PolicyPropertiesReader.duration(value));
        case "sampling-rate" -> sampling(PolicyPropertiesReader.rate(value), samplingSalt);
        case "sampling-salt" -> sampling(samplingRate, value);
        case "holdout-rate" -> holdout(PolicyPropertiesReader.rate(value), holdoutSalt);
        case "holdout-salt" -> holdout(holdoutRate, value);
        case "send-delay" -> sendDelay(PolicyPropertiesReader.duration(value));
        case "store-failure" -> storeFailure(StoreFailureMode.fromPropertyValue(value));
        case "send-window" -> sendWindow(SendWindow.parse(value));
        case "send-days" -> sendDays(PolicyPropertiesReader.days(value));
        case "default-zone" -> defaultZone(PolicyPropertiesReader.zone(value));
        case "relationship-trigger" -> relationshipTrigger(RelationshipTrigger.parse(value));
        case "relationship-interval" ->
            relationshipInterval(PolicyPropertiesReader.duration(value));
        default -> {
          if (!key.startsWith(CATEGORY_COOLDOWN)) {
            throw new IllegalArgumentException("unknown key");
          }
          categoryCooldown(
              key.substring(CATEGORY_COOLDOWN.length()), PolicyPropertiesReader.duration(value));
        }
      }
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if a category path is both excluded and "always"
     */
    public SurveyPolicy build() {
      return new SurveyPolicy(this);
    }
  }
}
