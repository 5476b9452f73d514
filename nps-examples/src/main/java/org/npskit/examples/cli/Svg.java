package org.npskit.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SVG charts on a -100..100 NPS axis: a trend (line with the interval as a band) for periods,
 * bars with interval whiskers for segments; a document holds one chart, or several one above
 * the other. Rows that differ significantly from their reference (the rest, the previous period)
 * are marked with ▲ or ▼ and their adjusted p. Stateless.
 */
final class Svg {
  private static final int W = 820;
  private static final int H = 460;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 60;
  private static final int BOTTOM = 80;
  private static final String SIGNIFICANT = "#d35400";

  private Svg() {}

  private static double y(double points) {
    return TOP + (100 - Math.max(-100, Math.min(100, points))) / 200 * (H - TOP - BOTTOM);
  }

  private static String tip(Figures f) {
    return String.format(Locale.ROOT, ": NPS %s [%s, %s], n = %d", Text.points(f.nps()),
        Text.points(f.low()), Text.points(f.high()), f.tally().n());
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /**
   * An SVG document of charts one above the other, each {@value #H} high.
   *
   * @param title the document title
   * @param charts chart bodies from {@link #trend} or {@link #bars}
   * @return the SVG text
   */
  static String document(String title, List<String> charts) {
    int h = H * charts.size();
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
        .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(W).append(' ')
        .append(h).append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
    s.append("<title>").append(esc(title)).append("</title>\n");
    s.append("<rect width=\"").append(W).append("\" height=\"").append(h)
        .append("\" fill=\"#ffffff\"/>\n");
    for (int i = 0; i < charts.size(); i++) {
      if (charts.size() == 1) {
        s.append(charts.get(i));
      } else {
        s.append("<g class=\"chart\" transform=\"translate(0 ").append(i * H).append(")\">\n")
            .append(charts.get(i)).append("</g>\n");
      }
    }
    return s.append("</svg>\n").toString();
  }

  private static StringBuilder frame(String title, String subtitle) {
    StringBuilder s = new StringBuilder();
    s.append("<text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"18\" font-weight=\"bold\" "
        + "fill=\"#1a1a1a\">").append(esc(title)).append("</text>\n");
    s.append("<text x=\"").append(LEFT).append("\" y=\"47\" font-size=\"12\" fill=\"#555\">")
        .append(esc(subtitle)).append("</text>\n");
    s.append("<g class=\"axis\" font-size=\"11\" fill=\"#555\">\n");
    for (int p = -100; p <= 100; p += 25) {
      double yy = y(p);
      s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT)
          .append("\" y1=\"").append(n(yy)).append("\" y2=\"").append(n(yy))
          .append("\" stroke=\"").append(p == 0 ? "#888" : "#e4e4e4")
          .append("\" stroke-width=\"1\"/>\n");
      s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(n(yy + 4))
          .append("\" text-anchor=\"end\">").append(p > 0 ? "+" + p : String.valueOf(p))
          .append("</text>\n");
    }
    s.append("</g>\n");
    return s;
  }

  /**
   * The ▲/▼ mark and adjusted p of a significant row, centred at x, its baseline at y (but never
   * above the plot, where the title and subtitle are).
   */
  private static void mark(StringBuilder s, Versus v, int row, double x, double y) {
    if (!v.significant(row)) {
      return;
    }
    s.append("<text class=\"significant\" x=\"").append(n(x)).append("\" y=\"")
        .append(n(Math.max(TOP + 10, y)))
        .append("\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"")
        .append(SIGNIFICANT).append("\">").append(esc(v.mark(row).substring(0, 1) + " p "
            + Versus.p(v.rows().get(row).orElseThrow().adjustedPValue())))
        .append("</text>\n");
  }

  /** A trend chart: one point per period, the interval as a band, significant changes marked. */
  static String trend(String title, String subtitle, List<String> labels, List<Figures> figs,
      int minimum, Optional<Versus> versus) {
    StringBuilder s = frame(title, subtitle);
    int k = labels.size();
    double plot = W - LEFT - RIGHT;
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = k > 1 ? LEFT + 20 + i * (plot - 40) / (k - 1) : LEFT + plot / 2;
    }
    StringBuilder band = new StringBuilder();
    for (int i = 0; i < k; i++) {
      band.append(i == 0 ? "M" : " L").append(n(x[i])).append(' ').append(n(y(figs.get(i).high())));
    }
    for (int i = k - 1; i >= 0; i--) {
      band.append(" L").append(n(x[i])).append(' ').append(n(y(figs.get(i).low())));
    }
    band.append(" Z");
    s.append("<path class=\"band\" d=\"").append(band)
        .append("\" fill=\"#3b7dd8\" fill-opacity=\"0.18\" stroke=\"#3b7dd8\" stroke-opacity=\"0.4\"/>\n");
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < k; i++) {
      line.append(i == 0 ? "" : " ").append(n(x[i])).append(',').append(n(y(figs.get(i).nps())));
    }
    s.append("<polyline class=\"trend\" points=\"").append(line)
        .append("\" fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2.5\"/>\n");
    int every = Math.max(1, (int) Math.ceil(k / 12.0));
    for (int i = 0; i < k; i++) {
      Figures f = figs.get(i);
      boolean small = f.tally().n() < minimum;
      s.append("<circle cx=\"").append(n(x[i])).append("\" cy=\"").append(n(y(f.nps())))
          .append("\" r=\"4.5\" fill=\"").append(small ? "#ffffff" : "#1f4e9c")
          .append("\" stroke=\"#1f4e9c\" stroke-width=\"2\"><title>")
          .append(esc(labels.get(i))).append(tip(f))
          .append("</title></circle>\n");
      int row = i;
      versus.ifPresent(v -> mark(s, v, row, x[row], y(f.high()) - 8));
      if (i % every == 0) {
        s.append("<text x=\"").append(n(x[i])).append("\" y=\"").append(H - BOTTOM + 18)
            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">")
            .append(esc(labels.get(i))).append("</text>\n");
        s.append("<text x=\"").append(n(x[i])).append("\" y=\"").append(H - BOTTOM + 32)
            .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#777\">n=")
            .append(f.tally().n()).append("</text>\n");
      }
    }
    boolean allSmall = figs.stream().allMatch(f -> f.tally().n() < minimum);
    legend(s, "line: NPS per period; band: confidence interval; hollow point: n < " + minimum
        + (allSmall ? " (here every period: read with care)" : ""), versus);
    return s.toString();
  }

  /** Bars from 0 to the NPS per segment, with interval whiskers, significant ones marked. */
  static String bars(String title, String subtitle, List<String> labels, List<Figures> figs,
      int minimum, Optional<Versus> versus) {
    StringBuilder s = frame(title, subtitle);
    int k = labels.size();
    double slot = (double) (W - LEFT - RIGHT) / k;
    double bw = Math.min(70, slot * 0.6);
    for (int i = 0; i < k; i++) {
      Figures f = figs.get(i);
      boolean small = f.tally().n() < minimum;
      double cx = LEFT + slot * (i + 0.5);
      double top = Math.min(y(0), y(f.nps()));
      double h = Math.abs(y(0) - y(f.nps()));
      String color = f.nps() >= 0 ? "#2e8b57" : "#c0392b";
      int row = i;
      boolean significant = versus.map(v -> v.significant(row)).orElse(false);
      s.append("<rect class=\"bar").append(significant ? " significant" : "").append("\" x=\"")
          .append(n(cx - bw / 2)).append("\" y=\"").append(n(top))
          .append("\" width=\"").append(n(bw)).append("\" height=\"").append(n(Math.max(h, 1)))
          .append(significant ? "\" stroke=\"" + SIGNIFICANT + "\" stroke-width=\"3" : "")
          .append("\" fill=\"").append(color).append("\" fill-opacity=\"")
          .append(small ? "0.35" : "0.85").append("\"><title>").append(esc(labels.get(i)))
          .append(tip(f)).append("</title></rect>\n");
      s.append("<g class=\"interval\" stroke=\"#222\" stroke-width=\"1.5\">")
          .append("<line x1=\"").append(n(cx)).append("\" x2=\"").append(n(cx))
          .append("\" y1=\"").append(n(y(f.low()))).append("\" y2=\"").append(n(y(f.high())))
          .append("\"/><line x1=\"").append(n(cx - 8)).append("\" x2=\"").append(n(cx + 8))
          .append("\" y1=\"").append(n(y(f.low()))).append("\" y2=\"").append(n(y(f.low())))
          .append("\"/><line x1=\"").append(n(cx - 8)).append("\" x2=\"").append(n(cx + 8))
          .append("\" y1=\"").append(n(y(f.high()))).append("\" y2=\"").append(n(y(f.high())))
          .append("\"/></g>\n");
      s.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(y(f.high()) - 6))
          .append("\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222\">")
          .append(Text.points(f.nps())).append("</text>\n");
      versus.ifPresent(v -> mark(s, v, row, cx, y(f.high()) - 22));
      s.append("<text x=\"").append(n(cx)).append("\" y=\"").append(H - BOTTOM + 18)
          .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">")
          .append(esc(labels.get(i))).append("</text>\n");
      s.append("<text x=\"").append(n(cx)).append("\" y=\"").append(H - BOTTOM + 32)
          .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#777\">n=")
          .append(f.tally().n()).append(small ? " (small)" : "").append("</text>\n");
    }
    boolean allSmall = k > 1 && figs.stream().allMatch(f -> f.tally().n() < minimum);
    legend(s, "bar: NPS; whisker: confidence interval; pale bar: n < " + minimum
        + (allSmall ? " (here every segment: read with care)" : ""), versus);
    return s.toString();
  }

  /** The legend: what the marks mean, and on a second line what ▲/▼ mean (with comparisons). */
  private static void legend(StringBuilder s, String text, Optional<Versus> versus) {
    versus.ifPresent(v -> s.append("<text class=\"legend\" x=\"").append(LEFT).append("\" y=\"")
        .append(H - 30).append("\" font-size=\"11\" fill=\"#555\">").append(esc(v.footnote()))
        .append("</text>\n"));
    s.append("<text class=\"legend\" x=\"").append(LEFT).append("\" y=\"").append(H - 14)
        .append("\" font-size=\"11\" fill=\"#555\">").append(esc(text)).append("</text>\n");
  }
}
