package org.npskit.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.npskit.core.Breakdown;
import org.npskit.core.Contrasts;
import org.npskit.core.IntervalMethod;
import org.npskit.core.NpsAccumulator;
import org.npskit.core.NpsTally;
import org.npskit.core.PValueAdjustment;
import org.npskit.core.Scale;
import org.npskit.core.TimeBucket;
import org.npskit.core.WeightedNpsAccumulator;
import org.npskit.core.WeightedNpsTally;

/** {@code report}: NPS of a responses file, by segment or period, as text, JSON or SVG. */
final class ReportCommand implements Command {
  static final int DEFAULT_MIN_SAMPLE = 30;

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "NPS with its interval, distribution, segments and periods of a responses CSV";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: npskit report [options] RESPONSES.csv",
        "",
        "Reads a responses CSV (RFC 4180, header row, required column 'score', optional",
        "'answered_at' as ISO-8601 instant, offset date-time or date; other columns are",
        "attributes) and prints the NPS with its confidence interval.",
        "",
        "options:",
        "  --by COLUMN          one row per value of COLUMN (sorted), flagged when small, each",
        "                       compared with all other responses (vs rest)",
        "  --period P           day | week | month | quarter (needs answered_at), each period",
        "                       compared with the one before (vs previous)",
        "  --adjust A           holm (default) | bh | none: how the p-values of those",
        "                       comparisons are adjusted for their number (Holm: family-wise",
        "                       error; bh: Benjamini-Hochberg false discovery rate)",
        "  --latest-per-customer  count only each customer's latest answer (needs customer_id;",
        "                       equal times or no answered_at column: the later row)",
        "  --zone ZONE          time zone for periods and plain dates (default UTC)",
        "  --scale S            0-10 (default) | 1-10",
        "  --confidence C       confidence level in (0, 1) (default 0.95); a comparison is",
        "                       significant when its adjusted p < 1 - C",
        "  --method M           adjusted-wald (default) | wald | tango (comparisons: tango",
        "                       uses adjusted-wald)",
        "  --weight COLUMN      survey weights (weighted NPS, Kish effective n)",
        "  --min-sample N       flag cells with fewer responses (default 30)",
        "  --skip-invalid       skip rows with a blank or invalid score (and say how many)",
        "  --format F           text (default) | json",
        "  --svg FILE           also write a chart: a trend with --period, bars with --by",
        "                       (both, one above the other, with both), else one bar",
        "  --help               this text",
        "",
        "exit codes: 0 ok, 2 bad input or usage (file:line:column: value: problem), 1 failure",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    Args a = Args.parse(name(), argv,
        Set.of("by", "period", "zone", "scale", "confidence", "method", "weight", "format", "svg",
            "min-sample", "adjust"),
        Set.of("skip-invalid", "latest-per-customer"));
    String file = a.files(1, "one RESPONSES.csv").get(0);
    double confidence = a.confidence();
    IntervalMethod method = a.choice("method", "adjusted-wald", IntervalMethod::parse);
    PValueAdjustment adjustment = a.choice("adjust", "holm", PValueAdjustment::parse);
    Scale scale = a.choice("scale", "0-10", Scale::parse);
    ZoneId zone = a.choice("zone", "UTC", z -> {
      try {
        return ZoneId.of(z);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("unknown time zone " + BadInputException.quote(z), e);
      }
    });
    Optional<TimeBucket> bucket = a.value("period").map(p -> a.choice("period", p,
        ReportCommand::bucket));
    boolean json = Formats.json(a);
    double minSample = a.number("min-sample", DEFAULT_MIN_SAMPLE);
    if (minSample < 0 || minSample > Integer.MAX_VALUE || minSample != Math.rint(minSample)) {
      throw a.usage("option --min-sample must be a whole number >= 0, was %s",
          BadInputException.quote(a.value("min-sample").orElseThrow()));
    }
    int minimum = (int) minSample;
    Optional<String> by = a.value("by");
    Optional<String> weight = a.value("weight");
    boolean latest = a.flag("latest-per-customer");
    Cells total = new Cells(weight.isPresent());
    Map<String, Cells> groups = new TreeMap<>();
    Map<LocalDate, Cells> periods = new TreeMap<>();
    Responses responses;
    try (Csv.Table table = Csv.read(file)) {
      table.required("score");
      by.ifPresent(col -> a.column(table, "--by " + col, col, ""));
      weight.ifPresent(col -> a.column(table, "--weight " + col, col, ""));
      a.value("period").ifPresent(p -> a.column(table, "--period " + p, "answered_at",
          "the time of each response"));
      if (latest) {
        a.column(table, "--latest-per-customer", "customer_id", "who gave each response");
      }
      // Streamed: memory holds one tally per group and period, whatever the number of rows.
      responses = Responses.read(table, scale, zone, new Responses.Needs(weight,
          bucket.isPresent(), a.flag("skip-invalid"), by, latest), r -> {
            total.add(r);
            if (r.group() != null) {
              groups.computeIfAbsent(r.group(), k -> new Cells(weight.isPresent())).add(r);
            }
            bucket.ifPresent(b -> periods.computeIfAbsent(b.start(r.answeredAt(), zone),
                k -> new Cells(weight.isPresent())).add(r));
          });
    }
    if (responses.kept() == 0) {
      throw new BadInputException(file + ": no valid responses, the NPS is undefined");
    }
    String weightNote = file + ": --weight " + weight.orElse("") + ": the weights of ";
    Figures all = total.figures(confidence, method, weightNote + "all responses");
    List<String> groupKeys = new ArrayList<>(groups.keySet());
    List<Figures> groupFigs = new ArrayList<>();
    groups.forEach((k, c) -> groupFigs.add(c.figures(confidence, method,
        weightNote + "group " + by.orElseThrow() + "=" + BadInputException.quote(k))));
    List<String> periodKeys = periods.keySet().stream().map(LocalDate::toString).toList();
    List<Figures> periodFigs = new ArrayList<>();
    periods.forEach((k, c) -> periodFigs.add(c.figures(confidence, method,
        weightNote + "the period starting " + k)));
    IntervalMethod comparisonMethod = method.comparisonMethod();
    Optional<Versus> vsRest = by.map(col -> Versus.of(Versus.Kind.REST, groupKeys,
        weight.isPresent()
            ? Contrasts.weightedAgainstRest(weighted(groups), comparisonMethod, adjustment)
            : Contrasts.againstRest(breakdown(groups), comparisonMethod, adjustment),
        adjustment, confidence));
    List<LocalDate> periodStarts = new ArrayList<>(periods.keySet());
    Optional<Versus> vsPrevious = bucket.map(b -> Versus.of(Versus.Kind.PREVIOUS, periodStarts,
        weight.isPresent()
            ? Contrasts.weightedAgainstPrevious(weighted(periods), comparisonMethod, adjustment)
            : Contrasts.againstPrevious(breakdown(periods), comparisonMethod, adjustment),
        adjustment, confidence));

    String out;
    if (json) {
      Map<String, Object> o = all.toJson(Json.object());
      if (responses.skipped() > 0 || a.flag("skip-invalid")) {
        o.put("skipped", responses.skipped());
      }
      if (latest) {
        o.put("responsesRead", responses.read());
      }
      if (by.isPresent() || bucket.isPresent()) {
        o.put("adjust", adjustment.label());
      }
      if (by.isPresent()) {
        List<Object> g = new ArrayList<>();
        for (int i = 0; i < groupKeys.size(); i++) {
          Map<String, Object> c = Json.object();
          c.put("key", groupKeys.get(i));
          groupFigs.get(i).toJson(c);
          c.put("belowMinimumSample", groupFigs.get(i).tally().n() < minimum);
          c.put("vsRest", vsRest.orElseThrow().json(i));
          g.add(c);
        }
        o.put("groups", g);
      }
      if (bucket.isPresent()) {
        List<Object> g = new ArrayList<>();
        for (int i = 0; i < periodKeys.size(); i++) {
          Map<String, Object> c = Json.object();
          c.put("start", periodKeys.get(i));
          periodFigs.get(i).toJson(c);
          c.put("belowMinimumSample", periodFigs.get(i).tally().n() < minimum);
          c.put("vsPrevious", vsPrevious.orElseThrow().json(i));
          g.add(c);
        }
        o.put("periods", g);
      }
      out = Json.write(o) + "\n";
    } else {
      StringBuilder sb = new StringBuilder();
      sb.append(Text.f("NPS report: %s (%s, scale %s)%n%n", file, responses.describe(latest),
          scale.label()));
      Text.summary(sb, all);
      Text.distribution(sb, all.tally(), scale.min());
      by.ifPresent(col -> Text.table(sb, "By " + col + " (" + comparedWith(vsRest.orElseThrow(),
          method) + ")", groupKeys, groupFigs, minimum, vsRest));
      bucket.ifPresent(b -> Text.table(sb, "By " + a.value("period").orElseThrow()
          + " (start, " + zone.getId() + "; " + comparedWith(vsPrevious.orElseThrow(), method)
          + ")", periodKeys, periodFigs, minimum, vsPrevious));
      out = sb.toString();
    }
    a.value("svg").ifPresent(svg -> {
      String title = "NPS " + Csv.path(file).getFileName();
      String sub = Text.f("%s%% interval (%s), %s", Text.percent(confidence), method.label(),
          responses.describe(latest));
      List<String> charts = new ArrayList<>();
      bucket.ifPresent(b -> charts.add(Svg.trend(title + " by " + a.value("period")
          .orElseThrow(), sub, periodKeys, periodFigs, minimum, vsPrevious)));
      by.ifPresent(col -> charts.add(Svg.bars(title + " by " + col, sub, groupKeys, groupFigs,
          minimum, vsRest)));
      if (charts.isEmpty()) {
        charts.add(Svg.bars(title, sub, List.of("all responses"), List.of(all), minimum,
            Optional.empty()));
      }
      String chart = Svg.document(title, charts);
      try {
        Files.writeString(Csv.path(svg), chart, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadInputException("--svg " + svg + ": cannot write: " + e.getMessage(), e);
      }
    });
    return out;
  }

  /** The table title's note on the comparisons: against what, and how when Tango's has none. */
  private static String comparedWith(Versus v, IntervalMethod method) {
    String how = method == IntervalMethod.TANGO_SCORE
        ? ", compared by adjusted-wald: tango has no two-sample form" : "";
    return Text.f("each against %s%s", v.kind().reference, how);
  }

  private static <K> Breakdown<K> breakdown(Map<K, Cells> cells) {
    List<Breakdown.Cell<K>> list = new ArrayList<>();
    cells.forEach((k, c) -> list.add(new Breakdown.Cell<>(k, c.plain.tally())));
    return Breakdown.of(list);
  }

  private static <K> Map<K, WeightedNpsTally> weighted(Map<K, Cells> cells) {
    Map<K, WeightedNpsTally> map = new LinkedHashMap<>();
    cells.forEach((k, c) -> map.put(k, c.weighted.tally()));
    return map;
  }

  private static TimeBucket bucket(String p) {
    switch (p) {
      case "day":
        return TimeBucket.DAY;
      case "week":
        return TimeBucket.ISO_WEEK;
      case "month":
        return TimeBucket.MONTH;
      case "quarter":
        return TimeBucket.QUARTER;
      default:
        throw new IllegalArgumentException("must be day, week, month or quarter, was "
            + BadInputException.quote(p));
    }
  }

  /** A cell's tallies, plain and weighted. Not thread-safe. */
  private static final class Cells {
    private final NpsAccumulator plain = NpsAccumulator.create();
    private final WeightedNpsAccumulator weighted = WeightedNpsAccumulator.create();
    private final boolean useWeights;

    Cells(boolean useWeights) {
      this.useWeights = useWeights;
    }

    void add(Responses.Response r) {
      plain.add(r.score());
      weighted.add(r.score(), r.weight());
    }

    /**
     * The cell's figures; with weights whose sum is 0 the weighted NPS is undefined, which is
     * bad input (never a silent fall-back to the unweighted figures).
     */
    Figures figures(double confidence, IntervalMethod method, String zeroWeightsMessage) {
      NpsTally t = plain.tally();
      WeightedNpsTally w = weighted.tally();
      if (useWeights && w.isEmpty()) {
        throw new BadInputException(zeroWeightsMessage
            + " sum to 0, so their weighted NPS is undefined");
      }
      return Figures.of(t, useWeights ? Optional.of(w) : Optional.empty(), confidence, method);
    }
  }
}
