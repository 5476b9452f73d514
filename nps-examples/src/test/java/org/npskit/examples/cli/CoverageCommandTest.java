package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.examples.cli.ReportVersion2Test.json;
import static org.npskit.examples.cli.ReportVersion2Test.ok;
import static org.npskit.examples.cli.ReportVersion2Test.rejected;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npskit.core.ExactCoverage;
import org.npskit.core.IntervalMethod;

/** {@code npskit coverage} in process: the exact figures, the verdicts, and bad input. */
class CoverageCommandTest {

  @Test
  void theJsonHoldsTheExactFiguresOfTheCore() {
    Map<String, Object> o = json("coverage", "--n", "37", "--promoters", "0.6", "--detractors",
        "0.1", "--confidence", "0.9", "--format", "json");
    ExactCoverage c = ExactCoverage.compute(37, 0.6, 0.1, 0.9);
    assertThat(o).containsEntry("n", 37.0).containsEntry("promoters", 0.6)
        .containsEntry("detractors", 0.1).containsEntry("confidence", 0.9)
        .containsEntry("nps", c.nps());
    assertThat(o.get("coverage")).isEqualTo(Map.of(
        "wald", c.coverage(IntervalMethod.WALD),
        "adjustedWald", c.coverage(IntervalMethod.ADJUSTED_WALD),
        "tango", c.coverage(IntervalMethod.TANGO_SCORE)));
    assertThat(o.get("meanWidth")).isEqualTo(Map.of(
        "wald", c.meanWidth(IntervalMethod.WALD),
        "adjustedWald", c.meanWidth(IntervalMethod.ADJUSTED_WALD),
        "tango", c.meanWidth(IntervalMethod.TANGO_SCORE)));
  }

  @Test
  void theTextTellsWhichMethodToTrustAtThisN() {
    String text = ok("coverage", "--n", "20", "--promoters", "0.85", "--detractors", "0.05")
        .out();
    assertThat(text).startsWith("Exact coverage of 95% intervals at n = 20\n"
        + "(true shares: promoters 85.0%, passives 10.0%, detractors 5.0%; true NPS +80.0)");
    assertThat(text.lines().filter(l -> l.startsWith("  wald")).findFirst().orElseThrow())
        .contains("86.4%", "13.6%", "38.4 points",
            "too optimistic: misses 2.7 times as often as 5% allows");
    assertThat(text.lines().filter(l -> l.startsWith("  adjusted-wald")).findFirst()
        .orElseThrow()).contains("96.3%", "47.7 points", "holds its 95%");
    assertThat(text.lines().filter(l -> l.startsWith("  tango")).findFirst().orElseThrow())
        .contains("96.4%", "47.4 points", "holds its 95%");
    assertThat(text).contains("Trust adjusted-wald and tango at this n: they hold their level; "
        + "tango is the narrowest (47.4 points on average).",
        "Do not trust wald here: its interval is too narrow at this n and misses the true NPS");
  }

  @Test
  void whenNoMethodHoldsItsLevelTheTextSaysSoAndNamesTheClosest() {
    // n = 5, 98 % promoters: Wald covers 9.6 %, adjusted Wald and Tango 90.4 %.
    String text = ok("coverage", "--n", "5", "--promoters", "0.98", "--detractors", "0.01")
        .out();
    assertThat(text).contains("No method holds its 95% at n = 5 with these shares; the closest "
        + "is adjusted-wald (90.4%).", "sample-size --help").doesNotContain("Trust ");
  }

  @Test
  void aMethodThatMissesAtMostOnePointTwoTimesTheAllowedRateHolds() {
    assertThat(CoverageCommand.holds(0.94, 0.95)).isTrue();
    assertThat(CoverageCommand.holds(0.9399, 0.95)).isFalse();
    assertThat(CoverageCommand.holds(0.988, 0.99)).isTrue();
    assertThat(CoverageCommand.holds(0.987, 0.99)).isFalse();
  }

  @Test
  void theLargestNIsAccepted() {
    Map<String, Object> o = json("coverage", "--n", "1000", "--promoters", "0.5",
        "--detractors", "0.2", "--format", "json");
    @SuppressWarnings("unchecked")
    Map<String, Double> coverage = (Map<String, Double>) o.get("coverage");
    assertThat(coverage.values()).allSatisfy(c -> assertThat(c).isBetween(0.93, 0.96));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--n 0 --promoters 0.5 --detractors 0.2      | option --n must be a whole number from 1 to 1000, was \"0\"",
    "--n 1001 --promoters 0.5 --detractors 0.2   | option --n must be a whole number from 1 to 1000, was \"1001\"",
    "--n 2.5 --promoters 0.5 --detractors 0.2    | option --n must be a whole number from 1 to 1000, was \"2.5\"",
    "--n x --promoters 0.5 --detractors 0.2      | option --n must be a plain decimal number such as 0.95 or 30 (digits and at most one decimal point, at most 18 digits on each side; no exponent, hex, NaN or Infinity), was \"x\"",
    "--promoters 0.5 --detractors 0.2            | option --n is required",
    "--n 20 --detractors 0.2                     | option --promoters is required",
    "--n 20 --promoters 0.5                      | option --detractors is required",
    "--n 20 --promoters 85 --detractors 5        | option --promoters must be a share in [0, 1] (0.85 for 85 %), was \"85\"",
    "--n 20 --promoters 0.5 --detractors -0.1    | option --detractors must be a share in [0, 1] (0.85 for 85 %), was \"-0.1\"",
    "--n 20 --promoters 0.6 --detractors 0.5     | options --promoters 0.6 and --detractors 0.5 add up to more than 1",
    "--n 20 --promoters 0.6 --detractors 0.1 --confidence 1 | option --confidence must be in (0, 1), was \"1\"",
    "--n 20 --promoters 0.6 --detractors 0.1 --format xml   | option --format must be text or json, was \"xml\"",
    "--n 20 --promoters 0.6 --detractors 0.1 x.csv          | expected no file argument, got 1",
    "--m 20 --promoters 0.6 --detractors 0.1     | unknown option \"--m\"; did you mean --n?",
  })
  void badInputNamesTheOptionAndTheValue(String args, String message) {
    String[] argv = ("coverage " + args.strip()).split(" +");
    assertThat(rejected(argv).err()).startsWith("npskit coverage: " + message)
        .endsWith("(see npskit coverage --help)\n");
  }
}
