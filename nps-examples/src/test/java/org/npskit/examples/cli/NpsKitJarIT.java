package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** End-to-end: the shaded jar in a separate process, for every command and bad input. */
class NpsKitJarIT {
  private static final Path CONTRACT =
      Path.of(System.getProperty("npskit.contract", "src/test/contract"));

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "report", "compare", "sample-size", "coverage", "decide"})
  void everyCommandHasHelp(String command) {
    JarRun r = JarRun.of(command, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).startsWith("usage: npskit " + command);
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void demoTellsTheStory() {
    JarRun r = JarRun.of("demo");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .containsPattern("T-0105 K-1  SKIP .*TN-2410")
        .containsPattern("T-0220 K-1  SURVEY .*OLED65-C4")
        .contains("-> survey about OLED65-C4")
        .contains("EXCLUDED_CATEGORY")
        .contains("Coolblue ", "+66.0", "best bank", "+18.0", "telecom", "+1.0",
            "supermarket", "+23.0")
        .contains("NPS +60.0 points   95% interval")
        // The commands it suggests name the jar it runs from (relative to the directory).
        .contains("  java -jar " + Path.of("").toAbsolutePath().relativize(
            JarRun.jar().toAbsolutePath()) + " sample-size --margin 5\n");
  }

  @Test
  void versionAndHelpWithoutACommand() {
    JarRun version = JarRun.of("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.stdout()).matches("npskit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    JarRun help = JarRun.of("-h");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).startsWith("usage: npskit <command>").contains("coverage");
    JarRun none = JarRun.of();
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.stdout()).isEmpty();
    assertThat(none.stderr()).contains("no command given", "usage: npskit <command>");
  }

  /** The version-2 contract examples through the jar: vsRest, vsPrevious, responsesRead, coverage. */
  @Test
  void theVersion2ContractExamplesMatch() throws IOException {
    Path v2 = CONTRACT.resolve("v2/stats");
    List<Path> examples;
    try (Stream<Path> files = Files.list(v2)) {
      examples = files.filter(p -> p.toString().endsWith(".args.json")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
    for (Path example : examples) {
      Map<String, Object> spec = JsonReader.object(Files.readString(example));
      @SuppressWarnings("unchecked")
      List<String> args = ((List<String>) spec.get("args")).stream()
          .map(a -> a.replace("{dir}", v2.toString())).toList();
      JarRun r = JarRun.of(args.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s: %s", example, r.stderr()).isZero();
      assertThat(JsonReader.difference("$", JsonReader.parse(r.stdout()), spec.get("expect"),
          1e-6)).as("%s", example).isNull();
    }
  }

  @Test
  void coverageAtTheLargestNAsTextAndBadInput() {
    JarRun r = JarRun.of("coverage", "--n", "1000", "--promoters", "0.3333", "--detractors",
        "0.3333");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("Exact coverage of 95% intervals at n = 1000")
        .contains("wald", "adjusted-wald", "tango", "Trust ");
    assertBadInput(JarRun.of("coverage", "--n", "1001", "--promoters", "0.5", "--detractors",
        "0.2"), "npskit coverage: option --n must be a whole number from 1 to 1000, was \"1001\"");
  }

  @Test
  void reportTextMarksTheSegmentsThatDiffer() {
    JarRun r = JarRun.of("report", "--by", "channel", "--latest-per-customer", "--adjust", "none",
        CONTRACT.resolve("v2/stats/shop.csv").toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("48 responses: the latest of each customer, of 90 read",
        "vs rest", "\u25b2 higher", "not adjusted for the 3 comparisons");
  }

  @Test
  void reportJsonHasTheContractFields() {
    JarRun r = JarRun.of("report", "--format", "json", "--method", "wald", "--by", "channel",
        "--period", "month", "--zone", "UTC", CONTRACT.resolve("stats/six.csv").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).startsWith("{\"n\":6,\"detractors\":1,\"passives\":2,\"promoters\":3,"
        + "\"nps\":33.333333333333336,\"standardError\":30.429030972509224,\"confidence\":0.95,"
        + "\"method\":\"wald\",\"low\":-26.30")
        .contains("\"groups\":[{\"key\":\"store\"", "{\"key\":\"web\"")
        .contains("\"periods\":[{\"start\":\"2026-01-01\"", "{\"start\":\"2026-03-01\"");
  }

  @Test
  void reportTextShowsDistributionAndFlagsSmallCells() {
    JarRun r = JarRun.of("report", "--by", "channel", CONTRACT.resolve("stats/six.csv").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("NPS +33.3 points", "Score distribution", "By channel",
        "* small", "fewer than 30");
  }

  @Test
  void compareJsonHasTheContractFields() {
    JarRun r = JarRun.of("compare", "--format", "json", "--method", "wald",
        CONTRACT.resolve("stats/six.csv").toString(),
        CONTRACT.resolve("stats/hundred.csv").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("\"a\":{\"n\":6,", "\"b\":{\"n\":100,",
        "\"difference\":-11.66666666666665", "\"standardError\":31.3157456549564",
        "\"z\":-0.37254954089908", "\"pValue\":0.709483733820251", "\"low\":-73.0444002993980",
        "\"high\":49.7110669660647");
  }

  @Test
  void sampleSizeJson() {
    JarRun r = JarRun.of("sample-size", "--margin", "5", "--format", "json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).startsWith("{\"margin\":5.0,\"confidence\":0.95,\"promoters\":0.5,"
        + "\"detractors\":0.5,\"wald\":1537,\"adjustedWald\":");
  }

  @ParameterizedTest
  @ValueSource(strings = {"policy/p1-toner-vs-tv", "v2/policy/p3-relationship",
      "v2/policy/p4-send-window"})
  void decideJsonLinesMatchTheContractExample(String example) throws IOException {
    Path c = CONTRACT.resolve(example);
    JarRun r = JarRun.of("decide", "--format", "json", "--policy",
        c.resolve("policy.properties").toString(), c.resolve("orders.csv").toString());
    assertThat(r.exitCode()).isZero();
    List<String> got = r.stdout().lines().toList();
    List<String> expected = Files.readAllLines(c.resolve("expected.jsonl")).stream()
        .filter(l -> !l.isBlank()).toList();
    // DESIGN 3c: a DUPLICATE_ORDER line adds what the store holds for the order (the contract
    // example lists the fields every line has).
    assertThat(got).filteredOn(l -> l.contains("DUPLICATE_ORDER")).allMatch(l ->
        l.contains(",\"recordedDecision\":"));
    if (example.endsWith("p1-toner-vs-tv")) {
      assertThat(got).filteredOn(l -> l.contains("DUPLICATE_ORDER")).singleElement().asString()
          .contains("\"recordedDecision\":\"SURVEY\",\"recordedSendAt\":\"2026-02-27T12:00:00Z\"");
    }
    // As the contract checker compares: every expected field present and equal (version 2 adds
    // kind to every line).
    assertThat(got).hasSameSizeAs(expected);
    for (int i = 0; i < got.size(); i++) {
      assertThat(JsonReader.difference("$", JsonReader.parse(got.get(i)),
          JsonReader.parse(expected.get(i)), 0)).as("%s line %d", example, i + 1).isNull();
    }
  }

  @Test
  void decideAgainstAnH2StoreKeepsHistoryAcrossRuns() {
    Path c = CONTRACT.resolve("policy/p1-toner-vs-tv");
    String url = "jdbc:h2:file:" + dir.resolve("history") + ";DB_CLOSE_DELAY=0";
    String[] args = {"decide", "--format", "json", "--store", url, "--policy",
        c.resolve("policy.properties").toString(), c.resolve("orders.csv").toString()};
    JarRun first = JarRun.of(args);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("\"decision\":\"SURVEY\"");
    JarRun second = JarRun.of(args);
    assertThat(second.exitCode()).isZero();
    assertThat(second.stdout()).doesNotContain("\"decision\":\"SURVEY\"")
        .contains("DUPLICATE_ORDER");
  }

  @Test
  void twoProcessesSharingOneH2ServerSurveyEachOrderAtMostOnce() throws Exception {
    Path c = CONTRACT.resolve("policy/p1-toner-vs-tv");
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort",
        String.valueOf(port), "-ifNotExists", "-baseDir", dir.toString()).start();
    String url = "jdbc:h2:tcp://localhost:" + port + "/shared";
    String[] args = {"decide", "--format", "json", "--store", url, "--policy",
        c.resolve("policy.properties").toString(), c.resolve("orders.csv").toString()};
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<JarRun> run = () -> {
        start.await();
        return JarRun.of(args);
      };
      java.util.concurrent.Future<JarRun> a = pool.submit(run);
      java.util.concurrent.Future<JarRun> b = pool.submit(run);
      start.countDown();
      JarRun ra = a.get();
      JarRun rb = b.get();
      assertThat(ra.exitCode()).as(ra.stderr()).isZero();
      assertThat(rb.exitCode()).as(rb.stderr()).isZero();
      long surveys = (ra.stdout() + rb.stdout()).lines()
          .filter(l -> l.contains("\"decision\":\"SURVEY\"")).count();
      assertThat(surveys).isEqualTo(1);
      assertThat((ra.stdout() + rb.stdout()).lines().count()).isEqualTo(14);
    } finally {
      pool.shutdownNow();
      server.stop();
    }
  }

  @Test
  void weightedReportGivesTheEffectiveSampleSize() throws IOException {
    Path f = write("w.csv", "score,w\n10,1\n10,1\n0,2\n");
    JarRun r = JarRun.of("report", "--format", "json", "--weight", "w", f.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("\"n\":3,", "\"nps\":0.0,", "\"effectiveN\":2.6666666666666665");
  }

  @Test
  void svgIsAValidChartWithTheIntervalBand() throws Exception {
    Path svg = dir.resolve("trend.svg");
    JarRun r = JarRun.of("report", "--period", "month", "--svg", svg.toString(),
        CONTRACT.resolve("stats/six.csv").toString());
    assertThat(r.exitCode()).isZero();
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(svg.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3);

    Path bars = dir.resolve("bars.svg");
    assertThat(JarRun.of("report", "--by", "channel", "--svg", bars.toString(),
        CONTRACT.resolve("stats/six.csv").toString()).exitCode()).isZero();
    Document b = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(bars.toFile());
    assertThat(b.getElementsByTagName("rect").getLength()).isEqualTo(1 + 2);
  }

  private void assertBadInput(JarRun r, String... parts) {
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains(parts);
  }

  @Test
  void missingScoreColumn() throws IOException {
    Path f = write("r.csv", "id,rating\n1,9\n");
    assertBadInput(JarRun.of("report", f.toString()), f + ":1:3", "score", "id,rating");
  }

  @Test
  void scoreElevenNamesFileLineColumnValue() throws IOException {
    Path f = write("r.csv", "id,score\n1,9\n2,\"10\"\n3,11\n");
    assertBadInput(JarRun.of("report", "--format", "json", f.toString()),
        f + ":4:2 (score): value \"11\"");
  }

  @Test
  void blankScoreIsAnErrorUnlessSkipped() throws IOException {
    Path f = write("r.csv", "id,score,note\n1,9,\"a\nb\"\n2,,x\n");
    assertBadInput(JarRun.of("report", f.toString()), f + ":4:2 (score): value \"\"", "blank");
    JarRun skipped = JarRun.of("report", "--skip-invalid", "--format", "json", f.toString());
    assertThat(skipped.exitCode()).isZero();
    assertThat(skipped.stdout()).contains("\"n\":1,", "\"skipped\":1");
  }

  @Test
  void badDate() throws IOException {
    Path f = write("r.csv", "\uFEFFscore,answered_at\n9,2026-02-30\n");
    assertBadInput(JarRun.of("report", "--period", "month", f.toString()),
        f + ":2:2 (answered_at): value \"2026-02-30\"");
  }

  @Test
  void unknownPolicyKey() throws IOException {
    Path p = write("p.properties", "# policy\nnps.policy.min-order-value=100 EUR\n"
        + "nps.policy.colour=blue\n");
    Path o = write("o.csv", "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,"
        + "currency\nA,K,2026-01-01T00:00:00Z,S,tv,10.00,1,EUR\n");
    assertBadInput(JarRun.of("decide", "--policy", p.toString(), o.toString()),
        p + ":3:1", "nps.policy.colour", "blue");
  }

  @Test
  void mixedCurrencies() throws IOException {
    Path p = write("p.properties", "nps.policy.min-order-value=100 EUR\n");
    Path o = write("o.csv", "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,"
        + "currency\nA,K,2026-01-01T00:00:00Z,S,tv,10.00,1,EUR\n"
        + "A,K,2026-01-01T00:00:00Z,T,tv,10.00,1,USD\n");
    assertBadInput(JarRun.of("decide", "--format", "json", "--policy", p.toString(),
        o.toString()), o + ":3:8 (currency): value \"USD\"", "mixed currencies");
  }

  @Test
  void currencyWithoutThreshold() throws IOException {
    Path p = write("p.properties", "nps.policy.min-order-value=100 EUR\n");
    Path o = write("o.csv", "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,"
        + "currency\nA,K,2026-01-01T00:00:00Z,S,tv,10.00,1,EUR\n"
        + "B,K,2026-01-02T00:00:00Z,T,tv,10.00,1,USD\n");
    assertBadInput(JarRun.of("decide", "--policy", p.toString(), o.toString()),
        o + ":3:8 (currency): value \"USD\"");
  }

  @Test
  void unknownCommandAndOptionAreUsageErrors() {
    assertBadInput(JarRun.of("frobnicate"), "unknown command");
    assertBadInput(JarRun.of("report", "--colour", "x.csv"), "unknown option \"--colour\"");
    assertBadInput(JarRun.of("covrage"), "did you mean coverage?");
    assertBadInput(JarRun.of("report", "--adjst", "bh", "x.csv"), "did you mean --adjust?");
  }

  @Test
  void aMisspelledByColumnListsTheColumnsAndSuggestsTheNearest() throws IOException {
    Path f = write("r.csv", "response_id,score,answered_at,channel,comment\n"
        + "r1,9,2026-01-01,web,ok\n");
    assertBadInput(JarRun.of("report", "--by", "chanel", f.toString()), "--by chanel",
        "has no column \"chanel\"", "did you mean \"channel\"?", "\"response_id\", \"score\"");
  }
}
