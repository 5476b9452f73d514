package org.npskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Snippets of the documents that are not Java: the schema of docs/jdbc.md is the shipped DDL
 * (one block per schema version),
 * and the command-line example of the README prints what the README shows.
 */
class DocumentationSnippetsTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theSchemaOfTheJdbcGuideIsTheShippedDdlOfEachVersion() throws IOException {
    List<String> blocks = blocks(section("docs/jdbc.md", "The schema "), "sql");

    assertThat(blocks).hasSize(2);
    for (int version = 1; version <= 2; version++) {
      String ddl = read("nps-policy/src/main/resources/org/npskit/policy/jdbc/schema-v" + version
          + ".sql").replace("${prefix}", "npskit_");
      assertThat(blocks.get(version - 1).strip()).as("version %d", version)
          .isEqualTo(ddl.strip());
    }
  }

  @Test
  void theCommandLineExampleOfTheReadmePrintsWhatItShows() throws IOException {
    List<String> blocks = blocks(section("README.md", "nps-examples: "), "text");
    assertThat(blocks).hasSize(1);
    List<String> lines = blocks.get(0).lines().toList();
    Matcher command = Pattern.compile("\\$ java -jar nps-examples/target/npskit\\.jar (.*?) \\| head -(\\d+)")
        .matcher(lines.get(0));
    assertThat(command.matches()).as("command line %s", lines.get(0)).isTrue();
    String[] args = Arrays.stream(command.group(1).split(" "))
        .map(a -> a.startsWith("nps-examples/") ? ROOT.resolve(a).toString() : a)
        .toArray(String[]::new);
    int head = Integer.parseInt(command.group(2));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = NpsKit.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    List<String> printed = out.toString(StandardCharsets.UTF_8).lines()
        .map(String::stripTrailing).limit(head).toList();
    List<String> shown = new ArrayList<>(lines.subList(1, lines.size()));
    shown.replaceAll(String::stripTrailing);
    assertThat(shown).hasSize(head);
    assertThat(printed).containsExactlyElementsOf(shown);
  }

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
  }

  /** The section of a document whose level-2 heading starts with the text, up to the next one. */
  private static String section(String document, String headingStart) throws IOException {
    String text = read(document);
    int start = text.indexOf("\n## " + headingStart);
    assertThat(start).as("%s section '%s'", document, headingStart).isNotNegative();
    int end = text.indexOf("\n## ", start + 1);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  private static List<String> blocks(String markdown, String lang) {
    Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
