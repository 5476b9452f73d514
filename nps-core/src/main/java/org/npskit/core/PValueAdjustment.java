package org.npskit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A multiplicity adjustment of a family of p-values: testing ten segments at 5 % each raises the
 * chance of at least one false alarm to about 40 %; adjusted p-values compared with the same 5 %
 * keep it honest.
 *
 * <p>With the m raw p-values sorted ascending, p(1) &lt;= ... &lt;= p(m), and adj(i) the
 * adjusted value of p(i):
 *
 * <ul>
 *   <li>{@link #HOLM} (Holm 1979, controls the family-wise error rate): adj(i) = max over j &lt;=
 *       i of min(1, (m - j + 1) p(j));
 *   <li>{@link #BENJAMINI_HOCHBERG} (Benjamini and Hochberg 1995, controls the false discovery
 *       rate): adj(i) = min over j &gt;= i of min(1, m p(j) / j);
 *   <li>{@link #NONE}: adj(i) = p(i).
 * </ul>
 *
 * <p>Adjusted values come back in input order; they are never below the raw value, at most 1,
 * and ordered as the raw values are (a smaller raw p never gets a larger adjusted p). Tied raw
 * values get equal adjusted values, so the input order does not matter. Holm's value is never
 * below Benjamini-Hochberg's. Immutable and thread-safe; no method accepts null.
 */
public enum PValueAdjustment {
  /** Holm's step-down method: family-wise error rate, valid under any dependence. */
  HOLM("holm"),
  /** Benjamini-Hochberg's step-up method: false discovery rate, for independent tests. */
  BENJAMINI_HOCHBERG("bh"),
  /** No adjustment: the adjusted value is the raw one. */
  NONE("none");

  private final String label;

  PValueAdjustment(String label) {
    this.label = label;
  }

  /**
   * The command-line name.
   *
   * @return "holm", "bh" or "none"
   */
  public String label() {
    return label;
  }

  /**
   * Parses a command-line name case-insensitively ("holm", "bh", "none"); the enum constant names
   * are accepted too.
   *
   * @param text the name
   * @return the adjustment
   * @throws NullPointerException if text is null
   * @throws IllegalArgumentException if the name is unknown
   */
  public static PValueAdjustment parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    for (PValueAdjustment a : values()) {
      if (a.label.equalsIgnoreCase(t) || a.name().equalsIgnoreCase(t)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "adjustment must be holm, bh or none, was \"%s\"", text));
  }

  /**
   * Adjusts a family of p-values.
   *
   * @param pValues the raw p-values, each in [0, 1] (not modified; may be empty)
   * @return a new array of the adjusted p-values, in input order
   * @throws NullPointerException if pValues is null
   * @throws IllegalArgumentException if a value is NaN or outside [0, 1] (naming its index)
   */
  public double[] adjust(double... pValues) {
    Objects.requireNonNull(pValues, "pValues");
    for (int i = 0; i < pValues.length; i++) {
      double p = pValues[i];
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "pValues[%d] must be in [0, 1], was %s", i, p));
      }
    }
    int m = pValues.length;
    double[] adjusted = pValues.clone();
    if (this == NONE || m == 0) {
      return adjusted;
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    if (this == HOLM) {
      double running = 0.0;
      for (int j = 1; j <= m; j++) {
        int at = order[j - 1];
        running = Math.max(running, Math.min(1.0, (m - j + 1) * pValues[at]));
        adjusted[at] = running;
      }
    } else {
      double running = 1.0;
      for (int j = m; j >= 1; j--) {
        int at = order[j - 1];
        // p * (m / j) rather than m p / j: for j = m the factor is exactly 1, so the adjusted
        // value is never an ulp below the raw one or above Holm's.
        running = Math.min(running, Math.min(1.0, pValues[at] * ((double) m / j)));
        adjusted[at] = running;
      }
    }
    return adjusted;
  }

  /**
   * Adjusts a family of p-values given as a list.
   *
   * @param pValues the raw p-values, each in [0, 1] (may be empty)
   * @return an unmodifiable list of the adjusted p-values, in input order
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if a value is NaN or outside [0, 1] (naming its index)
   */
  public List<Double> adjust(List<Double> pValues) {
    Objects.requireNonNull(pValues, "pValues");
    double[] raw = new double[pValues.size()];
    int i = 0;
    for (Double p : pValues) {
      if (p == null) {
        throw new NullPointerException(
            String.format(Locale.ROOT, "pValues[%d] must not be null", i));
      }
      raw[i++] = p;
    }
    List<Double> out = new ArrayList<>(raw.length);
    for (double a : adjust(raw)) {
      out.add(a);
    }
    return List.copyOf(out);
  }
}
