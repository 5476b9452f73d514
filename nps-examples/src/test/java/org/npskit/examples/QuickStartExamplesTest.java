package org.npskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.npskit.core.NpsResult;
import org.npskit.policy.Decision;
import org.npskit.policy.SurveyPolicy;
import org.slf4j.LoggerFactory;

/**
 * Runs the README examples (and the properties example of docs/policy.md) and checks that their
 * bodies are exactly the snippets of those documents.
 */
class QuickStartExamplesTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void coreExampleGivesTheFiguresItsCommentsShow() {
    NpsResult r = QuickStartCore.run();
    assertThat(r.nps()).isEqualTo(33.333333333333336);
    assertThat(r.standardError()).isEqualTo(30.429030972509224);
  }

  @Test
  void policyExampleSurveysTheTvAndSchedulesIt() {
    List<String> scheduled = new ArrayList<>();
    Decision d = QuickStartPolicy.run((c, sku, at) -> scheduled.add(c + " " + sku + " " + at),
        LoggerFactory.getLogger(QuickStartExamplesTest.class));
    assertThat(d.isSurvey()).isTrue();
    assertThat(scheduled).containsExactly("K-1 OLED55-B4 2026-02-27T12:00:00Z");
  }

  @Test
  void propertiesExampleLoadsTheReadmeBlock() throws IOException {
    String block = block(section("docs/policy.md", "Policy properties"), "properties").get(0);
    Properties p = new Properties();
    p.load(new StringReader(block));
    SurveyPolicy policy = QuickStartPolicy.fromProperties(p);
    assertThat(policy.customerCooldown()).isEqualTo(Duration.ofDays(90));
    assertThat(policy.samplingRate()).isEqualTo(0.5);
    p.setProperty("nps.policy.colour", "blue");
    assertThatThrownBy(() -> QuickStartPolicy.fromProperties(p))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nps.policy.colour");
  }

  @Test
  void exampleBodiesAreTheReadmeSnippets() throws IOException {
    String core = squash(read("nps-examples/src/main/java/org/npskit/examples/QuickStartCore.java"));
    String policy =
        squash(read("nps-examples/src/main/java/org/npskit/examples/QuickStartPolicy.java"));
    String coreImports =
        read("nps-examples/src/main/java/org/npskit/examples/QuickStartCore.java")
            .replaceAll("\\s+", "");
    List<String> coreSnippets = block(section("nps-core: "), "java");
    List<String> policySnippets = new ArrayList<>(block(section("nps-policy: "), "java"));
    policySnippets.addAll(block(section("docs/policy.md", "Policy properties"), "java"));
    assertThat(coreSnippets).isNotEmpty();
    assertThat(policySnippets).hasSize(2);
    for (String s : coreSnippets) {
      s.lines().filter(l -> l.startsWith("import ")).forEach(l -> assertThat(coreImports).contains(
          l.replaceAll("\\s+", "")));
      assertThat(core).contains(squash(s));
    }
    for (String s : policySnippets) {
      assertThat(policy).contains(squash(s));
    }
    // The snippet's comment tells the reader the outcome: it must be the example's.
    Matcher said = Pattern.compile("// SURVEY about (\\S+), sendAt (\\S+)")
        .matcher(policySnippets.get(0));
    assertThat(said.find()).as("the quick start's outcome comment").isTrue();
    Decision d = QuickStartPolicy.run((c, sku, at) -> { },
        LoggerFactory.getLogger(QuickStartExamplesTest.class));
    assertThat(d.isSurvey()).isTrue();
    assertThat(d.subjectSku()).contains(said.group(1));
    assertThat(d.sendAt()).contains(OffsetDateTime.parse(said.group(2)).toInstant());
  }

  @Test
  void theHostTestSnippetIsPartOfTheSampleHostTest() throws IOException {
    String test = squash(read(
        "nps-examples/src/test/java/org/npskit/examples/shop/OrderServiceTest.java"));
    List<String> snippets = block(section("nps-test: "), "java");
    assertThat(snippets).hasSize(1);
    // The README shows the fields and the start of one test; each paragraph stands in the class.
    List<String> paragraphs = List.of(snippets.get(0).split("\n\\s*\n"));
    assertThat(paragraphs).hasSize(3);
    for (String paragraph : paragraphs) {
      assertThat(test).contains(squash(paragraph));
    }
  }

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
  }

  /** The README section whose level-2 heading starts with the given text, up to the next one. */
  private static String section(String headingStart) throws IOException {
    return section("README.md", headingStart);
  }

  /** The same for another document of the repository. */
  private static String section(String document, String headingStart) throws IOException {
    String readme = read(document);
    int start = readme.indexOf("\n## " + headingStart);
    assertThat(start).as("%s section '%s'", document, headingStart).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static List<String> block(String markdown, String lang) {
    Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * Whitespace-insensitive, so indentation inside the method does not matter; import lines are
   * checked apart from the body (they sit at the top of the example file).
   */
  private static String squash(String s) {
    return s.replaceAll("(?m)^import [^;]+;$", "").replaceAll("\\s+", "");
  }
}
