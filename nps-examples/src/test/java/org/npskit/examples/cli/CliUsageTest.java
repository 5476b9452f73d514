package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.examples.cli.ReportVersion2Test.ok;
import static org.npskit.examples.cli.ReportVersion2Test.rejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user meets first: help, version, "did you mean" for commands, options and columns,
 * option names in messages, and the demo's wording.
 */
class CliUsageTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void helpPrintsTheUsageOnStdout(String option) {
    CliFuzzProperties.Run r = ok(option);
    assertThat(r.out()).startsWith("usage: npskit <command> [options]")
        .contains("where npskit is: java -jar ", "coverage ", "--version");
  }

  @Test
  void noArgumentsPrintTheUsageOnStderrAndExitTwo() {
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("npskit: no command given\nusage: npskit <command>");
  }

  @Test
  void versionPrintsOneLine() {
    // Run from class files the version is unknown; the jar test checks the number.
    assertThat(ok("--version").out()).startsWith("npskit ").endsWith("\n")
        .hasLineCount(1).isEqualTo(ok("version").out());
  }

  @Test
  void dashHGivesACommandsHelp() {
    assertThat(ok("report", "-h").out()).startsWith("usage: npskit report")
        .contains("--adjust", "--latest-per-customer");
    assertThat(ok("coverage", "-h").out()).startsWith("usage: npskit coverage");
  }

  @Test
  void theLauncherIsTheDocumentedJarWhenNotRunFromAJar() {
    assertThat(Cli.launcher()).isEqualTo("java -jar nps-examples/target/npskit.jar");
  }

  @Test
  void anUnknownCommandSuggestsTheNearest() {
    assertThat(rejected("reprot").err()).startsWith(
        "npskit: unknown command \"reprot\"; did you mean report?");
    assertThat(rejected("Report").err()).startsWith(
        "npskit: unknown command \"Report\"; did you mean report?");
    assertThat(rejected("sample").err()).contains("did you mean sample-size?");
    assertThat(rejected("frobnicate").err()).startsWith("npskit: unknown command \"frobnicate\"\n");
  }

  @Test
  void anUnknownOptionSuggestsTheNearest() throws IOException {
    Path f = write("r.csv", "score\n9\n");
    assertThat(rejected("report", "--metod", "wald", f.toString()).err()).startsWith(
        "npskit report: unknown option \"--metod\"; did you mean --method?");
    assertThat(rejected("report", "--latest", f.toString()).err())
        .contains("did you mean --latest-per-customer?");
    assertThat(rejected("report", "-by", "channel", f.toString()).err()).startsWith(
        "npskit report: unknown option \"-by\"; did you mean --by?; a file name that starts "
            + "with - goes after --");
    assertThat(rejected("report", "--colour", "x", f.toString()).err())
        .startsWith("npskit report: unknown option \"--colour\" (see npskit report --help)");
    assertThat(rejected("report", "--skip-invalid=yes", f.toString()).err())
        .contains("option --skip-invalid takes no value, was given \"yes\"");
    assertThat(rejected("sample-size", "--margn", "5").err()).contains(
        "did you mean --margin?");
  }

  @Test
  void aMisspelledColumnNamesTheOptionListsTheColumnsAndSuggestsTheNearest() throws IOException {
    Path f = write("responses.csv", "response_id,score,answered_at,channel,comment\n"
        + "r1,9,2026-01-01,web,fine\n");
    assertThat(rejected("report", "--by", "chanel", f.toString()).err()).isEqualTo(
        "npskit report: --by chanel: " + f + " has no column \"chanel\"; did you mean "
            + "\"channel\"?; its columns are \"response_id\", \"score\", \"answered_at\", "
            + "\"channel\", \"comment\" (see npskit report --help)\n");
    assertThat(rejected("report", "--weight", "weight", f.toString()).err()).startsWith(
        "npskit report: --weight weight: " + f + " has no column \"weight\"; its columns are");
    Path noTime = write("t.csv", "score,answerd_at\n9,2026-01-01\n");
    assertThat(rejected("report", "--period", "month", noTime.toString()).err()).startsWith(
        "npskit report: --period month: " + noTime + " has no column \"answered_at\" (the time "
            + "of each response); did you mean \"answerd_at\"?");
    Path noScore = write("s.csv", "id,Score\n1,9\n");
    assertThat(rejected("report", noScore.toString()).err()).startsWith(noScore + ":1:3")
        .contains("required column 'score' is missing from the header (did you mean 'Score'?)");
  }

  @Test
  void theSuggestionIsTheNearestNameWithinAThirdOfItsLength() {
    List<String> columns = List.of("response_id", "score", "answered_at", "channel");
    assertThat(Suggest.nearest("chanel", columns)).contains("channel");
    assertThat(Suggest.nearest("CHANNEL", columns)).contains("channel");
    assertThat(Suggest.nearest("answ", columns)).contains("answered_at");
    assertThat(Suggest.nearest("colour", columns)).isEmpty();
    assertThat(Suggest.nearest("", columns)).isEmpty();
    assertThat(Suggest.nearest("x", List.of("n", "m"))).contains("n");
    assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggest.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void sampleSizeNamesTheOptionOfABadValue() {
    assertThat(rejected("sample-size", "--margin", "-3").err()).startsWith(
        "npskit sample-size: option --margin must be a number of NPS points > 0, was \"-3\"");
    assertThat(rejected("sample-size", "--margin", "0").err()).contains("--margin", "\"0\"");
    assertThat(rejected("sample-size", "--margin", "5", "--promoters", "1.5", "--detractors",
        "0").err()).contains("option --promoters must be a share in [0, 1]", "\"1.5\"");
    assertThat(rejected("sample-size", "--margin", "5", "--promoters", "0.7", "--detractors",
        "0.4").err()).contains("options --promoters 0.7 and --detractors 0.4 add up to more "
            + "than 1");
    assertThat(rejected("sample-size", "--margin", "0.000000001").err()).contains(
        "option --margin \"0.000000001\" is too small");
    // Plain decimals only: an exponent, hex or NaN is no number an option takes.
    for (String odd : new String[] {"1e-9", "0x1p-1", "NaN", "Infinity", "1d", "+5"}) {
      assertThat(rejected("sample-size", "--margin", odd).err()).as(odd).contains(
          "option --margin must be a plain decimal number", "was \"" + odd + "\"");
    }
    assertThat(ok("sample-size", "--margin", "5", "--promoters", "-0", "--detractors", "0.5")
        .out()).contains("promoters 0,").doesNotContain("-0");
  }

  @Test
  void theDemoSpeaksPlainlyAndPrintsCommandsThatRun() {
    String demo = ok("demo").out();
    assertThat(demo).doesNotContain("seed", "adjusted-wald", " npskit sample-size",
        "(eligible again at");
    assertThat(demo).contains("on a scale of 1 to 10, as Coolblue asks",
        "Against the Dutch NPS figures a Coolblue case study quotes (points)",
        "(adjusted Wald)", "a method that stays reliable for small groups",
        "(customer K-1 may be asked again, about a purchase that qualifies, from "
            + "2026-05-25T12:00:00Z)",
        "  java -jar nps-examples/target/npskit.jar sample-size --margin 5\n",
        "  java -jar nps-examples/target/npskit.jar coverage --n 180 --promoters 0.69 "
            + "--detractors 0.09\n",
        "no segment differs significantly from the rest");
    // The command the demo prints runs.
    assertThat(ok("sample-size", "--margin", "5").out()).contains("1,537");
    assertThat(ok("coverage", "--n", "180", "--promoters", "0.69", "--detractors", "0.09")
        .out()).contains("Trust ");
  }

  /**
   * Every {@code text} block of this module's README that shows {@code $ java -jar ...} commands
   * (without a pipe or {@code echo}) prints what it shows: the lines after each command, exactly,
   * or as one contiguous run of the output when the block elides lines with {@code ...}.
   */
  @Test
  void theReadmesCommandExamplesPrintWhatTheyShow() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    java.util.regex.Matcher block = java.util.regex.Pattern.compile("```text\n(.*?)```",
        java.util.regex.Pattern.DOTALL).matcher(readme);
    String prompt = "$ java -jar nps-examples/target/npskit.jar ";
    int checked = 0;
    while (block.find()) {
      List<String> lines = block.group(1).lines().toList();
      if (!lines.get(0).startsWith(prompt) || block.group(1).contains("$ echo")
          || block.group(1).contains(" | ")) {
        continue;
      }
      for (int i = 0; i < lines.size(); ) {
        String[] args = lines.get(i).substring(prompt.length()).split(" ");
        for (int k = 0; k < args.length; k++) {
          args[k] = args[k].startsWith("nps-examples/") ? "../" + args[k] : args[k];
        }
        List<String> shown = new java.util.ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).startsWith("$ "); i++) {
          shown.add(lines.get(i).stripTrailing());
        }
        CliFuzzProperties.Run r = CliFuzzProperties.run(List.of(args));
        List<String> printed = (r.exit() == 0 ? r.out() : r.err()).replace("../nps-examples/",
            "nps-examples/").lines().map(String::stripTrailing).toList();
        if (shown.remove("...")) {
          assertThat(java.util.Collections.indexOfSubList(printed, shown)).as("%s in %s",
              shown, printed).isNotNegative();
        } else {
          assertThat(printed).as(String.join(" ", args)).containsExactlyElementsOf(shown);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theSampleAnswersLieInTheMonthsTheReadmeNames() throws IOException {
    Csv.Table t = Csv.read("samples/responses.csv");
    int at = t.column("answered_at");
    LocalDate first = LocalDate.MAX;
    LocalDate last = LocalDate.MIN;
    for (Csv.Row r : t.rows()) {
      LocalDate d = Instant.parse(r.values().get(at)).atZone(ZoneOffset.UTC).toLocalDate();
      first = d.isBefore(first) ? d : first;
      last = d.isAfter(last) ? d : last;
    }
    assertThat(first).isAfterOrEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(last).isBeforeOrEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(t.rows()).hasSize(180);
    assertThat(t.column("customer_id")).isNotNegative();
    assertThat(Files.readString(Path.of("README.md"))).contains(
        "| `responses.csv` | 180 answers on the 1-10 scale, January-March 2026,");
  }
}
