package org.npskit.examples.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import org.npskit.core.SampleSize;
import org.npskit.core.SampleSizeEstimate;

/** {@code sample-size}: responses needed for a target margin of error. */
final class SampleSizeCommand implements Command {

  @Override
  public String name() {
    return "sample-size";
  }

  @Override
  public String summary() {
    return "responses needed for a margin of error of N points";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: npskit sample-size --margin POINTS [options]",
        "",
        "The number of responses for an NPS interval of +/- POINTS, by the Wald and the",
        "adjusted Wald method. Shares default to the worst case 0.5 / 0.5.",
        "",
        "options:",
        "  --margin POINTS      target margin of error in NPS points (required, > 0)",
        "  --confidence C       confidence level in (0, 1) (default 0.95)",
        "  --promoters SHARE    expected promoter share in [0, 1] (with --detractors)",
        "  --detractors SHARE   expected detractor share in [0, 1] (with --promoters)",
        "  --format F           text (default) | json",
        "  --help               this text",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    Args a = Args.parse(name(), argv,
        Set.of("margin", "confidence", "promoters", "detractors", "format"), Set.of());
    a.files(0, "no file argument");
    String marginText = a.requireValue("margin");
    double margin = a.number("margin", 0);
    if (!(margin > 0)) {
      throw a.usage("option --margin must be a number of NPS points > 0, was %s",
          BadInputException.quote(marginText));
    }
    double confidence = a.confidence();
    if (a.value("promoters").isPresent() != a.value("detractors").isPresent()) {
      throw a.usage("give --promoters and --detractors together");
    }
    double p = share(a, "promoters");
    double d = share(a, "detractors");
    if (p + d > 1 + 1e-12) {
      throw a.usage("options --promoters %s and --detractors %s add up to more than 1",
          a.value("promoters").orElseThrow().strip(), a.value("detractors").orElseThrow().strip());
    }
    boolean json = Formats.json(a);
    SampleSizeEstimate e;
    try {
      e = SampleSize.forMarginOfError(margin, confidence, p, d);
    } catch (IllegalArgumentException ex) {
      throw a.usage("option --margin %s is too small: %s", BadInputException.quote(marginText),
          ex.getMessage());
    }
    if (json) {
      Map<String, Object> o = Json.object();
      o.put("margin", margin);
      o.put("confidence", confidence);
      o.put("promoters", p);
      o.put("detractors", d);
      o.put("wald", e.wald());
      o.put("adjustedWald", e.adjustedWald());
      return Json.write(o) + "\n";
    }
    return Text.f("For a margin of error of +/- %s NPS points at %s%% confidence%n"
            + "(promoters %s, detractors %s):%n%n"
            + "  Wald           %,10d responses%n"
            + "  adjusted Wald  %,10d responses%n",
        fmt(margin), fmt(confidence * 100), fmt(p), fmt(d), e.wald(), e.adjustedWald());
  }

  private static double share(Args a, String option) {
    double v = a.number(option, 0.5);
    if (!(v >= 0 && v <= 1)) {
      throw a.usage("option --%s must be a share in [0, 1] (0.3 for 30 %%), was %s",
          option, BadInputException.quote(a.value(option).orElseThrow()));
    }
    return v;
  }

  private static String fmt(double v) {
    return Text.f("%.6g", v).replaceAll("\\.?0+$", "");
  }
}
