package org.npskit.examples.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npskit.core.Comparison;
import org.npskit.core.Contrast;
import org.npskit.core.PValueAdjustment;

/**
 * The comparisons a report table, chart and JSON show beside its rows: each segment against the
 * rest ({@code vsRest}) or each period against the previous one ({@code vsPrevious}), with the
 * p-values adjusted over the family. Immutable.
 *
 * @param kind whether the rows are segments or periods
 * @param rows one entry per row of the table, in row order; empty where the row has no
 *     comparison (the first period; a segment whose rest is empty)
 * @param adjustment the multiplicity adjustment of the family
 * @param confidence the report's confidence level; significant means adjusted p &lt; 1 -
 *     confidence
 */
record Versus(Kind kind, List<Optional<Contrast<?>>> rows, PValueAdjustment adjustment,
    double confidence) {

  /** What a row is compared with. */
  enum Kind {
    /** A segment against all other responses of the report. */
    REST("vs rest", "the rest", "higher", "lower", "than", "segment"),
    /** A period against the period before it. */
    PREVIOUS("vs prev.", "the previous period", "up", "down", "from", "period");

    final String column;
    final String reference;
    final String higher;
    final String lower;
    final String preposition;
    final String row;

    Kind(String column, String reference, String higher, String lower, String preposition,
        String row) {
      this.column = column;
      this.reference = reference;
      this.higher = higher;
      this.lower = lower;
      this.preposition = preposition;
      this.row = row;
    }
  }

  Versus {
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  /**
   * Lines up a family of contrasts with the rows of a table.
   *
   * @param <K> the key type
   * @param kind segments or periods
   * @param keys the row keys in table order
   * @param family the contrasts, each keyed by one of the keys
   * @param adjustment the adjustment the family was computed with
   * @param confidence the report's confidence
   * @return the comparisons per row
   */
  static <K> Versus of(Kind kind, List<K> keys, List<Contrast<K>> family,
      PValueAdjustment adjustment, double confidence) {
    Map<K, Contrast<K>> byKey = new java.util.HashMap<>();
    family.forEach(c -> byKey.put(c.key(), c));
    List<Optional<Contrast<?>>> rows = new ArrayList<>();
    for (K k : keys) {
      rows.add(Optional.ofNullable(byKey.get(k)));
    }
    return new Versus(kind, rows, adjustment, confidence);
  }

  /** The number of comparisons in the family (the m of the adjustment). */
  int family() {
    return (int) rows.stream().filter(Optional::isPresent).count();
  }

  boolean significant(int row) {
    return rows.get(row).map(c -> c.isSignificant(confidence)).orElse(false);
  }

  /** The mark of a row: "▲ higher" / "▼ lower" when significant, else "". */
  String mark(int row) {
    if (!significant(row)) {
      return "";
    }
    double d = rows.get(row).orElseThrow().comparison().difference();
    return d >= 0 ? "\u25b2 " + kind.higher : "\u25bc " + kind.lower;
  }

  /** The header of the p-value column: "p (Holm)", "p (BH)" or "p". */
  String pColumn() {
    return switch (adjustment) {
      case HOLM -> "p (Holm)";
      case BENJAMINI_HOCHBERG -> "p (BH)";
      case NONE -> "p";
    };
  }

  /** How the p-values were adjusted, in words, for a footnote or legend. */
  String adjustedHow() {
    int m = family();
    String over = Text.f("%d comparison%s", m, m == 1 ? "" : "s");
    return switch (adjustment) {
      case HOLM -> "Holm-adjusted over " + over + " (family-wise error)";
      case BENJAMINI_HOCHBERG -> "Benjamini-Hochberg-adjusted over " + over
          + " (false discovery rate)";
      case NONE -> "not adjusted for the " + over + " (--adjust none)";
    };
  }

  /** The significance level 1 - confidence as text, for example "0.05". */
  String alpha() {
    return Text.f("%.4g", 1 - confidence).replaceAll("\\.?0+$", "");
  }

  /** The footnote of a table: what the marks mean, or that no row differs. */
  String footnote() {
    if (family() == 0) {
      return Text.f("no comparison: a single %s has no %s", kind.row, kind == Kind.REST
          ? "rest to compare with" : "previous one");
    }
    boolean any = false;
    for (int i = 0; i < rows.size(); i++) {
      any |= significant(i);
    }
    String rule = Text.f("p < %s, %s", alpha(), adjustedHow());
    return any
        ? Text.f("\u25b2/\u25bc significantly %s/%s %s %s: %s", kind.higher, kind.lower,
            kind.preposition, kind.reference, rule)
        : Text.f("no %s differs significantly from %s: %s", kind.row, kind.reference, rule);
  }

  /**
   * The JSON object of a row's comparison: {@code difference}, {@code standardError}, {@code z},
   * {@code pValue}, {@code adjustedPValue}, {@code significant}; null when the row has none.
   */
  Map<String, Object> json(int row) {
    return rows.get(row).map(c -> {
      Comparison k = c.comparison();
      Map<String, Object> o = Json.object();
      o.put("difference", k.difference());
      o.put("standardError", k.standardError());
      o.put("z", k.z());
      o.put("pValue", k.pValue());
      o.put("adjustedPValue", c.adjustedPValue());
      o.put("significant", c.isSignificant(confidence));
      return o;
    }).orElse(null);
  }

  /** A p-value for a table: four decimals, or "<0.0001". */
  static String p(double p) {
    return p < 0.00005 ? "<0.0001" : Text.f("%.4f", p);
  }
}
