package org.npskit.examples.cli;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.npskit.core.Comparison;
import org.npskit.core.Interval;
import org.npskit.core.IntervalMethod;
import org.npskit.core.NpsAccumulator;
import org.npskit.core.NpsResult;
import org.npskit.core.NpsTally;
import org.npskit.core.Scale;

/** {@code compare}: the signed NPS difference A - B of two responses files with a test. */
final class CompareCommand implements Command {

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String summary() {
    return "difference A - B of two responses CSVs: interval, z, p-value";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: npskit compare [options] A.csv B.csv",
        "",
        "Compares two independent samples (responses CSVs with a 'score' column): the signed",
        "difference NPS(A) - NPS(B) in points, its standard error, z, the two-sided p-value",
        "and a confidence interval.",
        "",
        "options:",
        "  --confidence C   confidence level in (0, 1) (default 0.95)",
        "  --method M       adjusted-wald (default) | wald (tango's score interval is",
        "                   for one result; use report --method tango per file)",
        "  --scale S        0-10 (default) | 1-10",
        "  --skip-invalid   skip rows with a blank or invalid score",
        "  --format F       text (default) | json",
        "  --help           this text",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    Args a = Args.parse(name(), argv, Set.of("confidence", "method", "format", "scale"),
        Set.of("skip-invalid"));
    List<String> files = a.files(2, "two files A.csv B.csv");
    double confidence = a.confidence();
    IntervalMethod method = a.choice("method", "adjusted-wald", IntervalMethod::parse);
    if (method == IntervalMethod.TANGO_SCORE) {
      throw a.usage("option --method: tango is a one-result interval; compare takes "
          + "adjusted-wald or wald, was %s",
          BadInputException.quote(a.value("method").orElseThrow()));
    }
    Scale scale = a.choice("scale", "0-10", Scale::parse);
    boolean json = Formats.json(a);
    NpsTally ta = load(files.get(0), scale, a.flag("skip-invalid"));
    NpsTally tb = load(files.get(1), scale, a.flag("skip-invalid"));
    NpsResult ra = ta.toResult();
    NpsResult rb = tb.toResult();
    Comparison c = ra.differenceFrom(rb, method);
    Interval ci = c.interval(confidence);
    Figures fa = Figures.of(ta, Optional.empty(), confidence, method);
    Figures fb = Figures.of(tb, Optional.empty(), confidence, method);
    if (json) {
      Map<String, Object> o = Json.object();
      o.put("a", fa.toJson(Json.object()));
      o.put("b", fb.toJson(Json.object()));
      o.put("difference", c.difference());
      o.put("standardError", c.standardError());
      o.put("z", c.z());
      o.put("pValue", c.pValue());
      o.put("confidence", confidence);
      o.put("method", c.method().label());
      o.put("low", ci.low());
      o.put("high", ci.high());
      return Json.write(o) + "\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(Text.f("A: %s%n", files.get(0)));
    Text.summary(sb, fa);
    sb.append(Text.f("B: %s%n", files.get(1)));
    Text.summary(sb, fb);
    sb.append(Text.f("%nDifference A - B: %s points   %s%% interval %s .. %s (%s)%n",
        Text.points(c.difference()), Text.percent(confidence), Text.points(ci.low()),
        Text.points(ci.high()), c.method().label()));
    sb.append(Text.f("  standard error %s   z = %s   p = %s (two-sided)%n",
        Text.num("%.2f", c.standardError()), Text.num("%.3f", c.z()),
        Text.num("%.4f", c.pValue())));
    sb.append(Text.f("  %s%n", c.pValue() < 1 - confidence
        ? "The difference is significant at this level."
        : "The difference is not significant at this level: it may be chance."));
    return sb.toString();
  }

  static NpsTally load(String file, Scale scale, boolean skipInvalid) {
    NpsAccumulator acc = NpsAccumulator.create();
    try (Csv.Table t = Csv.read(file)) {
      Responses.read(t, scale, ZoneOffset.UTC, new Responses.Needs(Optional.empty(), false,
          skipInvalid, Optional.empty(), false), r -> acc.add(r.score()));
    }
    if (acc.n() == 0) {
      throw new BadInputException(file + ": no valid responses, the NPS is undefined");
    }
    return acc.tally();
  }
}
