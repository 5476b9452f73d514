package org.npskit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * How a confidence interval for an NPS is computed. See the statistics section of the design.
 *
 * <p>Immutable and thread-safe.
 */
public enum IntervalMethod {
  /**
   * The default: Wald on counts with 3/4, 3/2, 3/4 added to D, P, R (Rocks 2016), clamped to
   * [-100, 100]. Good coverage at small n.
   */
  ADJUSTED_WALD("adjusted-wald"),
  /** The plain Wald interval NPS +/- z SE, clamped to [-100, 100]. */
  WALD("wald"),
  /** Tango's (1998) score interval, solved numerically; for one result only. */
  TANGO_SCORE("tango");

  private final String label;

  IntervalMethod(String label) {
    this.label = label;
  }

  /**
   * The command-line name.
   *
   * @return "adjusted-wald", "wald" or "tango"
   */
  public String label() {
    return label;
  }

  /**
   * The method a comparison of two results uses when the results are reported with this one:
   * itself for {@link #WALD} and {@link #ADJUSTED_WALD}; {@link #ADJUSTED_WALD} for {@link
   * #TANGO_SCORE}, whose score interval has no two-sample form here. This is the rule of the
   * report's comparisons of a segment with the rest and of a period with the previous one.
   *
   * @return {@link #WALD} or {@link #ADJUSTED_WALD}
   */
  public IntervalMethod comparisonMethod() {
    return this == WALD ? WALD : ADJUSTED_WALD;
  }

  /**
   * Parses a command-line name case-insensitively ("adjusted-wald", "wald", "tango"); the enum
   * constant names are accepted too.
   *
   * @param text the name
   * @return the method
   * @throws NullPointerException if text is null
   * @throws IllegalArgumentException if the name is unknown
   */
  public static IntervalMethod parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    for (IntervalMethod m : values()) {
      if (m.label.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT, "method must be adjusted-wald, wald or tango, was \"%s\"", text));
  }
}
