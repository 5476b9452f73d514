package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.examples.cli.ReportVersion2Test.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code decide} with relationship surveys (DESIGN 2b): {@code kind} in the JSON lines, right
 * after {@code eligibleAgainAt}, and in the text table; the public example p3-relationship; and
 * the installer's year of the shipped samples that {@code demo} tells.
 */
class RelationshipDecisionsTest {
  private static final Path P3 =
      Path.of(System.getProperty("npskit.contract", "src/test/contract"))
          .resolve("v2/policy/p3-relationship");
  private static final Path SAMPLES = Path.of("samples");

  private static List<Map<String, Object>> decide(Path policy, Path orders) {
    return ok("decide", "--format", "json", "--policy", policy.toString(), orders.toString())
        .out().lines().map(JsonReader::object).toList();
  }

  @Test
  void theJsonLinesOfTheRelationshipExampleHoldTheExpectedFields() throws IOException {
    List<String> expected = Files.readAllLines(P3.resolve("expected.jsonl")).stream()
        .filter(l -> !l.isBlank()).toList();
    List<Map<String, Object>> got =
        decide(P3.resolve("policy.properties"), P3.resolve("orders.csv"));
    assertThat(got).hasSameSizeAs(expected);
    for (int i = 0; i < got.size(); i++) {
      assertThat(JsonReader.difference("$", got.get(i), JsonReader.parse(expected.get(i)), 0))
          .as("line %d", i + 1).isNull();
    }
  }

  @Test
  void kindComesRightAfterEligibleAgainAtAndIsNullForADuplicate() {
    String out = ok("decide", "--format", "json", "--policy",
        SAMPLES.resolve("policy.properties").toString(),
        SAMPLES.resolve("orders.csv").toString()).out();
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).endsWith(",\"eligibleAgainAt\":null,\"kind\":\"TRANSACTIONAL\"}");
    assertThat(lines).filteredOn(l -> l.contains("DUPLICATE_ORDER")).isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(",\"eligibleAgainAt\":null,\"kind\":null,"));
    assertThat(JsonReader.object(lines.get(0)).keySet()).containsExactly("orderId", "customerId",
        "decision", "reasons", "subjectSku", "sendAt", "eligibleAgainAt", "kind");
  }

  @Test
  void theTextTableHasAKindColumn() {
    List<String> lines = ok("decide", "--policy", P3.resolve("policy.properties").toString(),
        P3.resolve("orders.csv").toString()).out().lines().toList();
    assertThat(lines.get(0)).containsPattern("answer  kind +subject");
    assertThat(lines).anyMatch(l -> l.matches("P3-09 +FITTER-7 +SURVEY +RELATIONSHIP +- .*"));
    assertThat(lines).anyMatch(l -> l.matches("P3-HP +FITTER-7 +SURVEY +TRANSACTIONAL +HEATPUMP-8 .*"));
  }

  @Test
  void theShippedInstallerIsAskedAboutTheShopTwiceAYearAboutTheBoilerAndNeverAboutAFitting() {
    List<Map<String, Object>> decisions = decide(SAMPLES.resolve("policy.properties"),
        SAMPLES.resolve("installer-orders.csv"));
    List<Map<String, Object>> surveys =
        decisions.stream().filter(d -> "SURVEY".equals(d.get("decision"))).toList();
    assertThat(surveys).extracting(d -> d.get("kind"))
        .containsExactly("RELATIONSHIP", "TRANSACTIONAL", "RELATIONSHIP");
    assertThat(surveys).extracting(d -> d.get("subjectSku"))
        .containsExactly(null, "BOILER-24KW", null);
    Instant first = Instant.parse((String) surveys.get(0).get("sendAt"));
    Instant second = Instant.parse((String) surveys.get(2).get("sendAt"));
    assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofDays(180));
    // Every fitting order is a SKIP: transactional below the minimum order value before he is
    // a frequent buyer, a relationship decision after.
    assertThat(decisions).hasSize(105).filteredOn(d -> "SKIP".equals(d.get("decision")))
        .hasSize(102)
        .allSatisfy(d -> assertThat(d.get("kind").equals("RELATIONSHIP")
            || d.get("reasons").equals(List.of("BELOW_MIN_ORDER_VALUE"))).isTrue());
  }

  @Test
  void theDemoTellsTheInstallersStory() {
    String demo = ok("demo").out();
    assertThat(demo).contains("The installer\n-------------\n",
        "samples/installer-orders.csv: 105 orders in 2026",
        "  2026-01-29T07:30:00Z  K7-0129    RELATIONSHIP   about the shop, sent"
            + " 2026-02-01T07:30:00Z\n",
        "  2026-05-27T09:00:00Z  K7-BOILER  TRANSACTIONAL  about BOILER-24KW (heating/boilers,"
            + " 1890.00, INSTALLATION), sent 2026-05-30T09:00:00Z\n",
        "  2026-08-27T07:30:00Z  K7-0827    RELATIONSHIP   about the shop, sent"
            + " 2026-08-30T07:30:00Z\n",
        "105 orders: 3 surveys (2 about the relationship, 1 about a purchase, none about a"
            + " fitting);\n102 skipped: 7 orders before he was a frequent buyer",
        "95 relationship decisions within the cooldown or the relationship interval.");
    assertThat(demo.indexOf("The installer")).isGreaterThan(demo.indexOf("11 orders decided"))
        .isLessThan(demo.indexOf("The answers"));
  }
}
