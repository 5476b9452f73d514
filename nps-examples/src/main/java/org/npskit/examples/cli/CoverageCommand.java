package org.npskit.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npskit.core.ExactCoverage;
import org.npskit.core.IntervalMethod;

/**
 * {@code coverage}: how often each interval method's interval really contains the true NPS at a
 * sample size and true shares, and how wide it is, computed exactly over the trinomial
 * ({@link ExactCoverage}).
 */
final class CoverageCommand implements Command {
  /**
   * A method holds its confidence level when it misses the true NPS at most this many times as
   * often as the level allows (at 95 %: misses at most 6 % of the time, covers at least 94 %).
   */
  static final double MISS_TOLERANCE = 1.2;

  /** The methods in table order: the naive one first, then the default, then Tango. */
  private static final List<IntervalMethod> ORDER = List.of(IntervalMethod.WALD,
      IntervalMethod.ADJUSTED_WALD, IntervalMethod.TANGO_SCORE);

  @Override
  public String name() {
    return "coverage";
  }

  @Override
  public String summary() {
    return "how often each interval method is right at your n (exact), and how wide it is";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: npskit coverage --n N --promoters SHARE --detractors SHARE [options]",
        "",
        "For samples of N responses from a population with these true shares, the exact",
        "probability that each method's interval contains the true NPS (its coverage; a 95 %",
        "interval should contain it 95 % of the time) and the interval's mean width in",
        "points, summed over every possible sample (no simulation). Use it to choose a",
        "method for your n: at n = 20 with 85 % promoters and 5 % detractors Wald covers only",
        "86.4 %, adjusted Wald (the default) 96.3 % and Tango 96.4 %.",
        "",
        "options:",
        "  --n N                sample size, a whole number from 1 to " + ExactCoverage.MAX_N
            + " (required)",
        "  --promoters SHARE    true promoter share in [0, 1], e.g. 0.85 (required)",
        "  --detractors SHARE   true detractor share in [0, 1], e.g. 0.05 (required; the two",
        "                       shares add up to at most 1, the rest are passives)",
        "  --confidence C       confidence level of the intervals in (0, 1) (default 0.95)",
        "  --format F           text (default) | json",
        "  --help               this text",
        "",
        "A method holds its level here when it misses the true NPS at most 1.2 times as often",
        "as the level allows (at 95 %: covers at least 94 %).",
        "exit codes: 0 ok, 2 bad input or usage, 1 failure",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    Args a = Args.parse(name(), argv,
        Set.of("n", "promoters", "detractors", "confidence", "format"), Set.of());
    a.files(0, "no file argument");
    String nText = a.requireValue("n");
    a.requireValue("promoters");
    a.requireValue("detractors");
    double nValue = a.number("n", 0);
    if (nValue != Math.rint(nValue) || nValue < 1 || nValue > ExactCoverage.MAX_N) {
      throw a.usage("option --n must be a whole number from 1 to %d, was %s",
          ExactCoverage.MAX_N, BadInputException.quote(nText));
    }
    int n = (int) nValue;
    double p = share(a, "promoters");
    double d = share(a, "detractors");
    if (p + d > 1 + 1e-12) {
      throw a.usage("options --promoters %s and --detractors %s add up to more than 1",
          a.value("promoters").orElseThrow(), a.value("detractors").orElseThrow());
    }
    double confidence = a.confidence();
    boolean json = Formats.json(a);
    ExactCoverage c = ExactCoverage.compute(n, p, d, confidence);
    if (json) {
      Map<String, Object> o = Json.object();
      o.put("n", n);
      o.put("promoters", p);
      o.put("detractors", d);
      o.put("confidence", confidence);
      o.put("nps", c.nps());
      Map<String, Object> coverage = Json.object();
      Map<String, Object> width = Json.object();
      for (IntervalMethod m : ORDER) {
        coverage.put(key(m), c.coverage(m));
        width.put(key(m), c.meanWidth(m));
      }
      o.put("coverage", coverage);
      o.put("meanWidth", width);
      return Json.write(o) + "\n";
    }
    return text(c);
  }

  private static String key(IntervalMethod m) {
    return switch (m) {
      case WALD -> "wald";
      case ADJUSTED_WALD -> "adjustedWald";
      case TANGO_SCORE -> "tango";
    };
  }

  private static double share(Args a, String option) {
    double v = a.number(option, 0);
    if (!(v >= 0 && v <= 1)) {
      throw a.usage("option --%s must be a share in [0, 1] (0.85 for 85 %%), was %s",
          option, BadInputException.quote(a.value(option).orElseThrow()));
    }
    return v;
  }

  /** Whether a method holds its level (see {@link #MISS_TOLERANCE}). */
  static boolean holds(double coverage, double confidence) {
    return 1 - coverage <= MISS_TOLERANCE * (1 - confidence) + 1e-12;
  }

  private static String text(ExactCoverage c) {
    double level = c.confidence();
    String pct = Text.percent(level);
    StringBuilder sb = new StringBuilder();
    sb.append(Text.f("Exact coverage of %s%% intervals at n = %d%n", pct, c.n()));
    sb.append(Text.f("(true shares: promoters %s, passives %s, detractors %s; true NPS %s)%n%n",
        share(c.promoterShare()), share(Math.max(0, 1 - c.promoterShare() - c.detractorShare())),
        share(c.detractorShare()), Text.points(c.nps())));
    sb.append(Text.f("  %-14s %9s %8s %12s%n", "method", "coverage", "misses", "mean width"));
    for (IntervalMethod m : ORDER) {
      double cov = c.coverage(m);
      String verdict = holds(cov, level)
          ? Text.f("holds its %s%%", pct)
          : Text.f("too optimistic: misses %s times as often as %s%% allows",
              Text.num("%.1f", (1 - cov) / (1 - level)), Text.percent(1 - level));
      sb.append(Text.f("  %-14s %8s%% %7s%% %7s points  %s%n", m.label(),
          Text.num("%.1f", 100 * cov), Text.num("%.1f", 100 * (1 - cov)),
          Text.num("%.1f", c.meanWidth(m)), verdict));
    }
    List<IntervalMethod> trusted = new ArrayList<>();
    for (IntervalMethod m : ORDER) {
      if (holds(c.coverage(m), level)) {
        trusted.add(m);
      }
    }
    sb.append('\n');
    if (trusted.isEmpty()) {
      IntervalMethod closest = ORDER.stream()
          .max(Comparator.comparingDouble(c::coverage)).orElseThrow();
      sb.append(Text.f("No method holds its %s%% at n = %d with these shares; the closest is %s "
          + "(%s%%).%nMore responses help: %s sample-size --help%n", pct, c.n(),
          closest.label(), Text.num("%.1f", 100 * c.coverage(closest)), Cli.launcher()));
    } else {
      IntervalMethod narrowest = trusted.stream()
          .min(Comparator.comparingDouble(c::meanWidth)).orElseThrow();
      sb.append(Text.f("Trust %s at this n: %s.%n", names(trusted),
          trusted.size() == 1 ? "it is the one that holds its level"
              : Text.f("they hold their level; %s is the narrowest (%s points on average)",
                  narrowest.label(), Text.num("%.1f", c.meanWidth(narrowest)))));
      List<IntervalMethod> not = ORDER.stream().filter(m -> !trusted.contains(m)).toList();
      if (!not.isEmpty()) {
        sb.append(Text.f("Do not trust %s here: %s too narrow at this n and miss%s the true "
            + "NPS too often.%n", names(not), not.size() == 1 ? "its interval is"
                : "their intervals are", not.size() == 1 ? "es" : ""));
      }
    }
    sb.append(Text.f("(report uses adjusted-wald unless --method says otherwise)%n"));
    return sb.toString();
  }

  private static String names(List<IntervalMethod> methods) {
    List<String> labels = methods.stream().map(IntervalMethod::label).toList();
    if (labels.size() == 1) {
      return labels.get(0);
    }
    return String.join(", ", labels.subList(0, labels.size() - 1)) + " and "
        + labels.get(labels.size() - 1);
  }

  private static String share(double v) {
    return Text.num("%.1f", 100 * v) + "%";
  }
}
