package org.npskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the repository's Markdown documents (README.md, docs/, CONTRIBUTING.md,
 * BENCHMARKS.md, SECURITY.md, CHANGELOG.md, the module READMEs, ...) points to an existing file
 * or folder, and every {@code #anchor} to a heading of its target, with GitHub's heading ids.
 */
class DocumentationLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** An inline link or image {@code [text](target "title")}: group 1 is the target. */
  private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  /** A reference definition {@code [label]: target}. */
  private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  @Test
  void everyRelativeLinkOfTheDocumentsResolves() throws IOException {
    List<Path> documents = documents(ROOT);
    assertThat(documents).extracting(d -> ROOT.relativize(d).toString().replace('\\', '/'))
        .contains("README.md", "CONTRIBUTING.md", "BENCHMARKS.md", "SECURITY.md", "CHANGELOG.md",
            "docs/policy.md", "docs/jdbc.md", "docs/statistics.md", "nps-examples/README.md");
    List<String> problems = new ArrayList<>();
    int links = 0;
    for (Path doc : documents) {
      List<String> targets = relativeLinks(read(doc));
      links += targets.size();
      problems.addAll(problems(doc, targets));
    }
    assertThat(links).as("relative links found").isGreaterThan(40);
    assertThat(problems).isEmpty();
  }

  @Test
  void aMissingFileAndAMissingAnchorAreReported(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("guide.md"), "# Guide\n\n## Storage SPI (`org.npskit.policy.spi`)\n"
        + "```sh\n# not a heading\n```\n## Storage SPI (`org.npskit.policy.spi`)\n");
    Path doc = dir.resolve("index.md");
    String text = String.join("\n",
        "[ok](guide.md#storage-spi-orgnpskitpolicyspi) [second](guide.md#storage-spi-orgnpskitpolicyspi-1)",
        "[self](#start) [web](https://example.org/x) `[code](not-checked.md)`",
        "[gone](missing.md) [bad anchor](guide.md#not-a-heading)",
        "```", "[fenced](also-not-checked.md)", "```",
        "[ref]: other-missing.md",
        "## Start");
    Files.writeString(doc, text);

    List<String> problems = problems(doc, relativeLinks(text));

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("missing.md", "no such file");
    assertThat(problems.get(1)).contains("guide.md#not-a-heading", "no heading");
    assertThat(problems.get(2)).contains("other-missing.md", "no such file");
  }

  @Test
  void headingIdsFollowGitHub() {
    assertThat(headingIds("## nps-policy: should this purchase trigger a survey?\n"
        + "## Charts (`--svg FILE`)\n## The schema (version 1, prefix `npskit_`)\n"
        + "## [Linked](x.md) *heading*\n## Charts (`--svg FILE`)\n"))
        .containsExactly("nps-policy-should-this-purchase-trigger-a-survey", "charts---svg-file",
            "the-schema-version-1-prefix-npskit_", "linked-heading", "charts---svg-file-1");
  }

  private static List<Path> documents(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".md"))
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              String name = part.toString();
              if (name.equals("target") || name.startsWith(".")) {
                return false;
              }
            }
            return true;
          })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** The link targets of a Markdown text that are not URLs, outside code blocks and spans. */
  static List<String> relativeLinks(String markdown) {
    String text = withoutCode(markdown);
    List<String> out = new ArrayList<>();
    for (Pattern p : List.of(INLINE, REFERENCE)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (!SCHEME.matcher(target).find()) {
          out.add(target);
        }
      }
    }
    return out;
  }

  private static List<String> problems(Path doc, List<String> targets) {
    List<String> problems = new ArrayList<>();
    Map<Path, List<String>> ids = new HashMap<>();
    for (String target : targets) {
      int hash = target.indexOf('#');
      String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash),
          StandardCharsets.UTF_8);
      String anchor = hash < 0 ? null : target.substring(hash + 1);
      Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
      String where = doc.getFileName() + ": link " + target;
      if (!Files.exists(resolved)) {
        problems.add(where + ": no such file " + resolved);
      } else if (anchor != null && !anchor.isEmpty()) {
        if (!resolved.toString().endsWith(".md")) {
          problems.add(where + ": anchor into a file that is not Markdown");
        } else if (!ids.computeIfAbsent(resolved, r -> headingIds(read(r))).contains(anchor)) {
          problems.add(where + ": no heading with id '" + anchor + "' in " + resolved);
        }
      }
    }
    return problems;
  }

  /** GitHub's ids of the headings of a Markdown text, in order (duplicates get -1, -2, ...). */
  static List<String> headingIds(String markdown) {
    Set<String> seen = new LinkedHashSet<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (fenced || !m.matches()) {
        continue;
      }
      String text = m.group(1)
          .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
          .replace(' ', '-');
      String id = text;
      for (int n = 1; seen.contains(id); n++) {
        id = text + "-" + n;
      }
      seen.add(id);
    }
    return new ArrayList<>(seen);
  }

  /** The text with fenced code blocks and inline code spans blanked out. */
  private static String withoutCode(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        out.append('\n');
        continue;
      }
      out.append(fenced ? "" : line.replaceAll("`[^`]*`", "")).append('\n');
    }
    return out.toString();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
