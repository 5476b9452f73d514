package org.npskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpsKitTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return NpsKit.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void withoutCommandPrintsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage", "demo", "decide");
  }

  @Test
  void sampleSizeInProcess() {
    assertThat(run("sample-size", "--margin", "5")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wald", "1,537");
  }

  @Test
  void badOptionValueIsUsageErrorWithNothingOnStdout() {
    assertThat(run("sample-size", "--margin", "five")).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--margin", "\"five\"");
    assertThat(run("report", "--method", "bayes", "x.csv")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bayes");
    assertThat(run("compare", "--method", "tango", "a.csv", "b.csv")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tango");
    assertThat(out.size()).isZero();
  }

  @Test
  void missingFileIsBadInput() {
    assertThat(run("report", "no-such-file.csv")).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-file.csv: no such file");
  }

  @Test
  void demoRunsInProcess() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("SURVEY", "OLED65-C4");
  }
}
