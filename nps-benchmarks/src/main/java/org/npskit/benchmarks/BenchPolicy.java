package org.npskit.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The realistic policy every decision variant implements: value thresholds, category exclusions and
 * "always" rules, a customer cooldown, a rolling cap and sticky sampling. npskit reads it from
 * {@link #PROPERTIES}; the baselines use the same values as constants.
 */
public final class BenchPolicy {

    /** The policy in npskit's properties syntax. */
    public static final String PROPERTIES = String.join("\n",
            "nps.policy.min-order-value=25 EUR",
            "nps.policy.min-line-value=15 EUR",
            "nps.policy.exclude-categories=gift-cards, printing/toner",
            "nps.policy.always-categories=tv",
            "nps.policy.always-services=INSTALLATION",
            "nps.policy.customer-cooldown=P90D",
            "nps.policy.max-surveys-per-customer=3/P365D",
            "nps.policy.sampling-rate=0.8",
            "nps.policy.sampling-salt=bench",
            "nps.policy.send-delay=P3D",
            "");

    /** Minimum order value in euros. */
    public static final BigDecimal MIN_ORDER_VALUE = new BigDecimal("25");
    /** Minimum subject line value in euros. */
    public static final BigDecimal MIN_LINE_VALUE = new BigDecimal("15");
    /** Category paths never surveyed about. */
    public static final List<String> EXCLUDED = List.of("gift-cards", "printing/toner");
    /** Category paths surveyed regardless of value. */
    public static final List<String> ALWAYS = List.of("tv");
    /** Services that lift the value thresholds. */
    public static final Set<String> ALWAYS_SERVICES = Set.of("INSTALLATION");
    /** Minimum time between two surveys to one customer. */
    public static final Duration COOLDOWN = Duration.ofDays(90);
    /** At most this many surveys ... */
    public static final int CAP_COUNT = 3;
    /** ... within this rolling window. */
    public static final Duration CAP_WINDOW = Duration.ofDays(365);
    /** Share of customers in the sample. */
    public static final double SAMPLING_RATE = 0.8;
    /** Salt of the sticky sampling hash. */
    public static final String SAMPLING_SALT = "bench";

    private BenchPolicy() {
    }

    /**
     * Returns {@link #PROPERTIES} parsed.
     *
     * @return a new properties object
     */
    public static Properties properties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(PROPERTIES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Tells whether a category path lies under a rule path, by whole segments, case-insensitively.
     *
     * @param path the line's category path
     * @param rule the rule's category path
     * @return true if {@code rule} is {@code path} or one of its ancestors
     */
    public static boolean under(String path, String rule) {
        int n = rule.length();
        return path.length() >= n
                && path.regionMatches(true, 0, rule, 0, n)
                && (path.length() == n || path.charAt(n) == '/');
    }
}
