package org.npskit.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.npskit.core.NpsTally;

/** Terminal text layout: signed points, percentages, bars and interval strips. Stateless. */
final class Text {
  static final int BAR = 40;

  private Text() {}

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /**
   * One number formatted, never as a negative zero: a value that rounds to 0 prints as 0
   * ({@code "+0.0"} for -0.02 with {@code %+.1f}, not {@code "-0.0"}).
   *
   * @param format a format with one numeric conversion
   * @param v the value
   * @return the text
   */
  static String num(String format, double v) {
    String s = f(format, v);
    if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
      return f(format, 0.0);
    }
    return s;
  }

  /** Signed points with one decimal: {@code +33.3}, {@code -4.2}, {@code +0.0}. */
  static String points(double v) {
    return num("%+.1f", v);
  }

  /** A confidence level as a percentage without trailing zeros: {@code 95}, {@code 99.9}. */
  static String percent(double confidence) {
    return f("%.4g", confidence * 100).replaceAll("\\.?0+$", "");
  }

  static String pct(long part, long whole) {
    return whole == 0 ? "-" : f("%.1f%%", 100.0 * part / whole);
  }

  static String bar(long value, long max, int width) {
    int len = max == 0 ? 0 : (int) Math.round((double) width * value / max);
    if (len == 0 && value > 0) {
      len = 1;
    }
    return "\u2588".repeat(len) + " ".repeat(width - len);
  }

  /** An interval on a -100..100 axis: {@code ----[===|===]----} with 0 marked by ':'. */
  static String strip(double low, double mid, double high, int width) {
    char[] c = new char[width];
    for (int i = 0; i < width; i++) {
      c[i] = '\u00b7';
    }
    int lo = pos(low, width);
    int hi = pos(high, width);
    for (int i = lo; i <= hi; i++) {
      c[i] = '=';
    }
    c[pos(0, width)] = ':';
    c[lo] = '[';
    c[hi] = ']';
    c[pos(mid, width)] = '|';
    return new String(c);
  }

  private static int pos(double v, int width) {
    int p = (int) Math.round((Math.max(-100, Math.min(100, v)) + 100) / 200 * (width - 1));
    return Math.max(0, Math.min(width - 1, p));
  }

  static void summary(StringBuilder out, Figures fig) {
    summary(out, fig, fig.method().label());
  }

  /** The summary lines with the method named as given (plain words in the demo). */
  static void summary(StringBuilder out, Figures fig, String methodName) {
    NpsTally t = fig.tally();
    out.append(f("  NPS %s points   %s%% interval %s .. %s (%s)   standard error %s%n",
        points(fig.nps()), percent(fig.confidence()), points(fig.low()), points(fig.high()),
        methodName, num("%.1f", fig.standardError())));
    out.append(f("  promoters %d (%s)   passives %d (%s)   detractors %d (%s)   n = %d%s%n",
        t.promoters(), pct(t.promoters(), t.n()), t.passives(), pct(t.passives(), t.n()),
        t.detractors(), pct(t.detractors(), t.n()), t.n(),
        fig.effectiveN().map(e -> f(" (weighted, effective n = %.1f)", e)).orElse("")));
  }

  static void distribution(StringBuilder out, NpsTally t, int minScore) {
    long max = 0;
    for (int s = minScore; s <= 10; s++) {
      max = Math.max(max, t.count(s));
    }
    out.append(f("%nScore distribution (D detractor, P passive, R promoter)%n"));
    for (int s = minScore; s <= 10; s++) {
      String cat = s <= 6 ? "D" : s <= 8 ? "P" : "R";
      out.append(f("  %2d %s \u2502%s %d%n", s, cat, bar(t.count(s), max, BAR), t.count(s)));
    }
  }

  /**
   * A table row per cell: key, n, NPS, interval, strip; with comparisons the difference from
   * the reference, the adjusted p and a mark when significant; then the small-sample flag.
   */
  static void table(StringBuilder out, String title, List<String> keys, List<Figures> figs,
      int minimum, Optional<Versus> versus) {
    int w = Math.max(8, keys.stream().mapToInt(String::length).max().orElse(0));
    out.append(f("%n%s%n", title));
    String head = f("  %-" + w + "s %7s %7s  %-17s %-27s", "", "n", "NPS", "interval",
        "-100         0         +100");
    if (versus.isPresent()) {
      head += f("  %8s %8s", versus.get().kind().column, versus.get().pColumn());
    }
    out.append(head.stripTrailing()).append(System.lineSeparator());
    boolean flagged = false;
    for (int i = 0; i < keys.size(); i++) {
      Figures g = figs.get(i);
      boolean small = g.tally().n() < minimum;
      flagged |= small;
      StringBuilder row = new StringBuilder(f("  %-" + w + "s %7d %7s  %-17s %s", keys.get(i),
          g.tally().n(), points(g.nps()), f("[%s, %s]", points(g.low()), points(g.high())),
          strip(g.low(), g.nps(), g.high(), 27)));
      if (versus.isPresent()) {
        Versus v = versus.get();
        row.append(v.rows().get(i).map(c -> f("  %8s %8s", points(c.comparison().difference()),
            Versus.p(c.adjustedPValue()))).orElse(f("  %8s %8s", "-", "-")));
        String mark = v.mark(i);
        row.append(mark.isEmpty() ? "" : "  " + mark);
      }
      row.append(small ? "  * small" : "");
      out.append(row).append(System.lineSeparator());
    }
    versus.ifPresent(v -> out.append("  ").append(v.footnote()).append(System.lineSeparator()));
    if (flagged) {
      out.append(f("  * fewer than %d responses: read with care%n", minimum));
    }
  }
}
