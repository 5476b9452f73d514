package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npskit.core.PValueAdjustment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The version-2 report in process (DESIGN section 3b): {@code vsRest} per group, {@code
 * vsPrevious} per period, {@code --adjust}, {@code --latest-per-customer}, and the text and SVG
 * marks of the rows that differ significantly.
 */
class ReportVersion2Test {
  static final Path V2 = Path.of(System.getProperty("npskit.contract", "src/test/contract"))
      .resolve("v2/stats");
  private static final String SHOP = V2.resolve("shop.csv").toString();

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static CliFuzzProperties.Run ok(String... args) {
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of(args));
    assertThat(r.exit()).as("exit of %s: %s", List.of(args), r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r;
  }

  static CliFuzzProperties.Run rejected(String... args) {
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of(args));
    assertThat(r.exit()).as("exit of %s: %s", List.of(args), r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    return r;
  }

  static Map<String, Object> json(String... args) {
    return JsonReader.object(ok(args).out());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> o, String field) {
    return (List<Map<String, Object>>) o.get(field);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> vs(Map<String, Object> row, String field) {
    return (Map<String, Object>) row.get(field);
  }

  static Stream<Path> contractExamples() throws IOException {
    try (Stream<Path> files = Files.list(V2)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".args.json")).sorted()
          .toList().stream();
    }
  }

  /** The public version-2 examples (the same files check.py --v2 runs), in process. */
  @ParameterizedTest
  @MethodSource("contractExamples")
  void theVersion2ContractExamplesMatch(Path example) throws IOException {
    Map<String, Object> spec = JsonReader.object(Files.readString(example));
    @SuppressWarnings("unchecked")
    List<String> args = ((List<String>) spec.get("args")).stream()
        .map(a -> a.replace("{dir}", V2.toString())).toList();
    Object got = JsonReader.parse(ok(args.toArray(String[]::new)).out());
    assertThat(JsonReader.difference("$", got, spec.get("expect"), 1e-9)).as("%s", example)
        .isNull();
  }

  @Test
  void theAdjustmentsKeepTheirOrderOverTheSameFamily() {
    List<Double> raw = new ArrayList<>();
    List<Double> none = new ArrayList<>();
    List<Double> holm = new ArrayList<>();
    List<Double> bh = new ArrayList<>();
    for (String adjust : List.of("none", "holm", "bh")) {
      for (Map<String, Object> g : list(json("report", "--format", "json", "--by", "channel",
          "--adjust", adjust, SHOP), "groups")) {
        Map<String, Object> v = vs(g, "vsRest");
        double adjusted = (Double) v.get("adjustedPValue");
        switch (adjust) {
          case "none" -> {
            raw.add((Double) v.get("pValue"));
            none.add(adjusted);
          }
          case "holm" -> holm.add(adjusted);
          default -> bh.add(adjusted);
        }
      }
    }
    assertThat(none).isEqualTo(raw);
    double[] p = raw.stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(holm).containsExactlyElementsOf(PValueAdjustment.HOLM.adjust(List.of(
        p[0], p[1], p[2])));
    for (int i = 0; i < 3; i++) {
      assertThat(holm.get(i)).isGreaterThanOrEqualTo(bh.get(i));
      assertThat(bh.get(i)).isGreaterThanOrEqualTo(raw.get(i));
    }
  }

  @Test
  void theAdjustmentIsNamedInTheJsonWithGroupsOrPeriodsOnly() {
    assertThat(json("report", "--format", "json", "--by", "channel", SHOP)).containsEntry(
        "adjust", "holm");
    assertThat(json("report", "--format", "json", "--period", "month", "--adjust", "BH", SHOP))
        .containsEntry("adjust", "bh");
    assertThat(json("report", "--format", "json", SHOP)).doesNotContainKey("adjust")
        .doesNotContainKey("responsesRead");
  }

  @Test
  void anUnknownAdjustmentIsAUsageError() {
    assertThat(rejected("report", "--adjust", "bonferroni", "--by", "channel", SHOP).err())
        .contains("--adjust", "holm, bh or none", "bonferroni");
  }

  @Test
  void withTangoTheComparisonsUseAdjustedWald() {
    Map<String, Object> tango = json("report", "--format", "json", "--by", "channel", "--method",
        "tango", SHOP);
    Map<String, Object> adjusted = json("report", "--format", "json", "--by", "channel",
        "--method", "adjusted-wald", SHOP);
    assertThat(tango.get("method")).isEqualTo("tango");
    for (int i = 0; i < 3; i++) {
      assertThat(vs(list(tango, "groups").get(i), "vsRest"))
          .isEqualTo(vs(list(adjusted, "groups").get(i), "vsRest"));
    }
    assertThat(ok("report", "--by", "channel", "--method", "tango", SHOP).out())
        .contains("compared by adjusted-wald");
  }

  @Test
  void aSingleGroupAndTheFirstPeriodHaveNoComparison() throws IOException {
    Path f = write("one.csv", "score,channel,answered_at\n9,web,2026-01-05\n3,web,2026-01-06\n");
    Map<String, Object> o = json("report", "--format", "json", "--by", "channel", "--period",
        "month", f.toString());
    assertThat(list(o, "groups").get(0)).containsEntry("vsRest", null);
    assertThat(list(o, "periods").get(0)).containsEntry("vsPrevious", null);
    String text = ok("report", "--by", "channel", f.toString()).out();
    assertThat(text).contains("no comparison: a single segment has no rest to compare with");
  }

  @Test
  void weightsOfOneCompareLikeNoWeightsAndOtherWeightsCompareTheWeightedScores()
      throws IOException {
    Path ones = write("ones.csv", "score,w,channel\n10,1,web\n0,1,web\n9,1,web\n10,1,store\n"
        + "10,1,store\n3,1,store\n7,1,app\n");
    Path none = write("none.csv", "score,channel\n10,web\n0,web\n9,web\n10,store\n10,store\n"
        + "3,store\n7,app\n");
    List<Map<String, Object>> weighted = list(json("report", "--format", "json", "--by",
        "channel", "--weight", "w", ones.toString()), "groups");
    List<Map<String, Object>> plain = list(json("report", "--format", "json", "--by", "channel",
        none.toString()), "groups");
    for (int i = 0; i < 3; i++) {
      Map<String, Object> w = vs(weighted.get(i), "vsRest");
      Map<String, Object> p = vs(plain.get(i), "vsRest");
      for (String k : List.of("difference", "standardError", "z", "pValue", "adjustedPValue")) {
        assertThat((Double) w.get(k)).as(k).isCloseTo((Double) p.get(k),
            org.assertj.core.data.Offset.offset(1e-9));
      }
    }
    // web: (1 * 1 + 3 * (-1)) / 4 = -50; store: (0 + 2) / 2 = +100; web's rest is store.
    Path two = write("two.csv", "score,w,channel\n10,1,web\n0,3,web\n9,0,store\n10,2,store\n");
    List<Map<String, Object>> g = list(json("report", "--format", "json", "--by", "channel",
        "--weight", "w", two.toString()), "groups");
    assertThat(g.get(0)).containsEntry("key", "store");
    assertThat(vs(g.get(0), "vsRest")).containsEntry("difference", 150.0);
    assertThat(vs(g.get(1), "vsRest")).containsEntry("difference", -150.0);
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(
        () -> new AssertionError("no line starting with '" + start + "' in\n" + text));
  }

  @Test
  void theTextMarksTheSegmentsThatDifferWithTheirAdjustedP() {
    String text = ok("report", "--by", "channel", SHOP).out();
    assertThat(text).contains("By channel (each against the rest)", "vs rest", "p (Holm)");
    assertThat(line(text, "  store")).contains("+52.5", "0.0019", "\u25b2 higher", "* small");
    assertThat(line(text, "  web")).contains("-44.9", "0.0238", "\u25bc lower");
    assertThat(line(text, "  app")).contains("-4.2", "0.7371").doesNotContain("\u25b2",
        "\u25bc");
    assertThat(text).contains("\u25b2/\u25bc significantly higher/lower than the rest: p < 0.05, "
        + "Holm-adjusted over 3 comparisons (family-wise error)");

    String bh = ok("report", "--by", "channel", "--adjust", "bh", "--method", "wald", SHOP).out();
    assertThat(bh).contains("p (BH)", "Benjamini-Hochberg-adjusted over 3 comparisons");
    assertThat(line(bh, "  store")).contains("<0.0001", "\u25b2 higher");
    String none = ok("report", "--by", "channel", "--adjust", "none", SHOP).out();
    assertThat(none).contains("not adjusted for the 3 comparisons (--adjust none)");
    assertThat(line(none, "  app")).contains("0.7371");
    // At 99.9 % confidence nothing is significant: the footnote says so.
    assertThat(ok("report", "--by", "channel", "--confidence", "0.999", SHOP).out())
        .contains("no segment differs significantly from the rest: p < 0.001");
  }

  @Test
  void theTextMarksThePeriodsThatChanged() throws IOException {
    StringBuilder csv = new StringBuilder("score,answered_at\n");
    for (int i = 1; i <= 30; i++) {
      csv.append("10,2026-01-").append(String.format("%02d", Math.min(i, 28))).append('\n');
      csv.append("0,2026-02-").append(String.format("%02d", Math.min(i, 28))).append('\n');
      csv.append(i % 2 == 0 ? "0" : "10").append(",2026-03-01\n");
    }
    String text = ok("report", "--period", "month", write("m.csv", csv.toString()).toString())
        .out();
    assertThat(text).contains("By month (start, UTC; each against the previous period)",
        "vs prev.");
    assertThat(line(text, "  2026-01-01")).contains("+100.0").endsWith("-        -");
    assertThat(line(text, "  2026-02-01")).contains("-200.0", "\u25bc down");
    assertThat(line(text, "  2026-03-01")).contains("+100.0", "\u25b2 up");
    assertThat(text).contains("\u25b2/\u25bc significantly up/down from the previous period: "
        + "p < 0.05, Holm-adjusted over 2 comparisons");
    assertThat(ok("report", "--period", "month", SHOP).out()).contains(
        "no period differs significantly from the previous period");
  }

  @Test
  void latestPerCustomerKeepsTheLatestAnswerAndTheLaterRowOnATie() throws IOException {
    Path f = write("l.csv", "customer_id,score,answered_at,channel\n"
        + "K-1,0,2026-01-01T00:00:00Z,web\n"
        + "K-1,10,2026-01-01T00:00:00Z,app\n"           // tie: the later row wins
        + "K-2,10,2026-01-01T11:30:00Z,web\n"           // later than 12:00+01:00
        + "K-2,0,2026-01-01T12:00:00+01:00,web\n"
        + " K-3 ,7,2026-01-03,web\n"
        + "K-3,9,2026-01-02,web\n");
    Map<String, Object> o = json("report", "--format", "json", "--by", "channel",
        "--latest-per-customer", f.toString());
    assertThat(o).containsEntry("n", 3.0).containsEntry("responsesRead", 6.0)
        .containsEntry("promoters", 2.0).containsEntry("passives", 1.0)
        .containsEntry("detractors", 0.0);
    // K-1's app answer only: app 1 promoter; web: K-2's 10 and K-3's 7.
    assertThat(list(o, "groups")).extracting(g -> g.get("key"), g -> g.get("n"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("app", 1.0),
            org.assertj.core.groups.Tuple.tuple("web", 2.0));
    assertThat(ok("report", "--latest-per-customer", f.toString()).out())
        .startsWith("NPS report: " + f + " (3 responses: the latest of each customer, of 6 read,");
  }

  @Test
  void withoutAnsweredAtTheLastRowOfEachCustomerIsKept() throws IOException {
    Path f = write("n.csv", "customer_id,score\nK-1,0\nK-2,0\nK-1,10\n");
    Map<String, Object> o = json("report", "--format", "json", "--latest-per-customer",
        f.toString());
    assertThat(o).containsEntry("n", 2.0).containsEntry("promoters", 1.0)
        .containsEntry("detractors", 1.0);
  }

  @Test
  void skippedInvalidScoresAreNotResponses() throws IOException {
    Path f = write("s.csv", "customer_id,score,answered_at\nK-1,9,2026-01-01\n"
        + "K-1,x,2026-02-01\n,11,\nK-2,3,2026-01-01\n");
    Map<String, Object> o = json("report", "--format", "json", "--skip-invalid",
        "--latest-per-customer", f.toString());
    assertThat(o).containsEntry("n", 2.0).containsEntry("responsesRead", 2.0)
        .containsEntry("skipped", 2.0).containsEntry("promoters", 1.0);
  }

  @Test
  void latestPerCustomerNeedsTheCustomerColumnAndItsCells() throws IOException {
    Path noColumn = write("c.csv", "response_id,customer,score\nr1,K-1,9\n");
    assertThat(rejected("report", "--latest-per-customer", noColumn.toString()).err())
        .startsWith("npskit report: --latest-per-customer: " + noColumn
            + " has no column \"customer_id\"")
        .contains("did you mean \"customer\"?",
            "its columns are \"response_id\", \"customer\", \"score\"");
    Path blank = write("b.csv", "customer_id,score,answered_at\nK-1,9,2026-01-01\n ,9,2026-01-02\n");
    assertThat(rejected("report", "--latest-per-customer", blank.toString()).err())
        .startsWith(blank + ":3:1 (customer_id): value \" \": blank customer_id");
    Path noTime = write("t.csv", "customer_id,score,answered_at\nK-1,9,2026-01-01\nK-2,9,\n");
    assertThat(rejected("report", "--latest-per-customer", noTime.toString()).err())
        .startsWith(noTime + ":3:3 (answered_at): value \"\": blank answered_at");
    // Without the option, neither a blank customer nor a blank time matters.
    assertThat(json("report", "--format", "json", blank.toString())).containsEntry("n", 2.0);
    assertThat(json("report", "--format", "json", noTime.toString())).containsEntry("n", 2.0);
  }

  private static Document svg(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> withClass(Document d, String tag, String cls) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void anSvgWithByAndPeriodDrawsBothCharts() throws Exception {
    Path chart = dir.resolve("both.svg");
    ok("report", "--by", "channel", "--period", "month", "--svg", chart.toString(), SHOP);
    Document d = svg(chart);
    assertThat(d.getDocumentElement().getAttribute("height")).isEqualTo("920");
    assertThat(withClass(d, "g", "chart")).hasSize(2);
    assertThat(d.getElementsByTagName("polyline").getLength()).isEqualTo(1);
    assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(3);
    assertThat(withClass(d, "rect", "bar")).hasSize(3);
    assertThat(Files.readString(chart)).contains("by month", "by channel");
  }

  @Test
  void theSvgMarksTheSegmentsThatDiffer() throws Exception {
    Path chart = dir.resolve("bars.svg");
    ok("report", "--by", "channel", "--svg", chart.toString(), SHOP);
    Document d = svg(chart);
    assertThat(withClass(d, "rect", "significant")).hasSize(2);
    assertThat(withClass(d, "text", "significant")).extracting(Element::getTextContent)
        .containsExactly("\u25b2 p 0.0019", "\u25bc p 0.0238");
    assertThat(withClass(d, "text", "legend")).extracting(Element::getTextContent)
        .anyMatch(t -> t.startsWith("\u25b2/\u25bc significantly higher/lower than the rest"));
  }

  @Test
  void theSvgMarksThePeriodsThatChanged() throws Exception {
    StringBuilder csv = new StringBuilder("score,answered_at\n");
    for (int i = 0; i < 40; i++) {
      csv.append("10,2026-01-10\n0,2026-02-10\n");
    }
    Path chart = dir.resolve("trend.svg");
    ok("report", "--period", "month", "--svg", chart.toString(),
        write("t.csv", csv.toString()).toString());
    assertThat(withClass(svg(chart), "text", "significant")).extracting(Element::getTextContent)
        .containsExactly("\u25bc p <0.0001");
  }

  @Test
  void aWeeklyChartWithEveryPointBelowTheMinimumSaysSoOnce() throws Exception {
    Path chart = dir.resolve("weeks.svg");
    ok("report", "--period", "week", "--svg", chart.toString(), SHOP);
    String text = Files.readString(chart);
    assertThat(text.split("every period", -1)).hasSize(2);
    assertThat(withClass(svg(chart), "text", "legend")).extracting(Element::getTextContent)
        .anyMatch(t -> t.contains("hollow point: n < 30 (here every period: read with care)"));
    Path months = dir.resolve("months.svg");
    ok("report", "--period", "month", "--svg", months.toString(), SHOP);
    assertThat(Files.readString(months)).doesNotContain("every period");
    Path bars = dir.resolve("small-bars.svg");
    ok("report", "--by", "channel", "--min-sample", "100", "--svg", bars.toString(), SHOP);
    assertThat(Files.readString(bars)).contains("(here every segment: read with care)");
  }

  @Test
  void theTextNeverPrintsANegativeZero() throws IOException {
    StringBuilder csv = new StringBuilder("score,channel\n");
    for (int i = 0; i < 1000; i++) {
      csv.append("10,web\n0,store\n");
    }
    csv.append("0,web\n");   // NPS = -1 / 2001 points = -0.05 %: -0.0 when rounded
    Path f = write("z.csv", csv.toString());
    String text = ok("report", "--by", "channel", "--method", "wald", f.toString()).out();
    assertThat(text).contains("NPS +0.0 points").doesNotContain("-0.0 ", "-0.0,", "-0.0]");
    assertThat(text).doesNotContainPattern("-0\\.0(?!\\d)");
    assertThat(Text.points(-0.02)).isEqualTo("+0.0");
    assertThat(Text.points(-0.05)).isEqualTo("-0.1");
    assertThat(Text.num("%.3f", -0.0004)).isEqualTo("0.000");
    assertThat(Text.num("%.3f", -0.0005)).isEqualTo("-0.001");
    assertThat(Text.num("%.1f", -0.0)).isEqualTo("0.0");
  }
}
