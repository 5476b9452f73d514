package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar in a child JVM with a small heap or a hostile stream: {@code report} streams (memory
 * bounded by groups and periods, not rows), {@code decide} holds orders compactly, and input or
 * output that cannot work ({@code /dev/zero}, {@code /dev/urandom}, {@code /dev/full}, a closed
 * pipe) ends quickly with a clear message and the documented exit code, never an {@code
 * OutOfMemoryError} trace.
 *
 * <p>Sizes are cut for CI (each test takes seconds); the full sizes were run by hand, with the
 * commands and figures in nps-examples/README.md: 1,000,000 order lines at {@code -Xmx1g} and
 * 10,000,000 response rows at {@code -Xmx256m}.
 */
class ResourceLimitsIT {
  private static final String POLICY = "nps.policy.customer-cooldown=P60D\n";

  @TempDir Path dir;

  private static JarRun run(List<String> jvm, String... args) throws Exception {
    ChildRun r = ChildRun.start(jvm, List.of(args));
    int exit = r.exit();
    return new JarRun(exit, String.join("\n", r.lines()) + (r.lines().isEmpty() ? "" : "\n")
        + r.partialLine(), r.err());
  }

  @Test
  void reportMemoryDoesNotGrowWithTheRows() throws Exception {
    // Two million rows would take several hundred megabytes held as rows; 64 MB holds tallies.
    Path f = dir.resolve("responses.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("score,answered_at,channel,w\n");
      String[] channels = {"web", "store", "phone", "app"};
      for (int i = 0; i < 2_000_000; i++) {
        w.write(Text.f("%d,2026-%02d-%02dT10:00:00Z,%s,1.5%n", i % 11, 1 + i % 12, 1 + i % 28,
            channels[i % 4]));
      }
    }
    long start = System.nanoTime();
    JarRun r = run(List.of("-Xmx64m"), "report", "--by", "channel", "--period", "month",
        "--weight", "w", "--format", "json", f.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("{\"n\":2000000,");
    System.out.printf("report, 2,000,000 rows at -Xmx64m: %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  @Test
  void decideHoldsOrdersCompactly() throws Exception {
    // 200,000 order lines in 100 MB: a fifth of the 1,000,000 lines in half of 1 GB.
    Path f = dir.resolve("orders.csv");
    Files.writeString(f, DecideOnPostgresIT.ordersCsv(200_000, 50_000, true),
        StandardCharsets.UTF_8);
    Path policy = Files.writeString(dir.resolve("p.properties"), POLICY);
    long start = System.nanoTime();
    ChildRun r = ChildRun.start(List.of("-Xmx100m"), List.of("decide", "--format", "json",
        "--policy", policy.toString(), f.toString()));
    int exit = r.exit();
    assertThat(exit).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(200_000);
    System.out.printf("decide, 200,000 order lines at -Xmx100m: %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  @Test
  void ordersThatDoNotFitTheHeapAreAClearFailure() throws Exception {
    Path f = dir.resolve("orders.csv");
    Files.writeString(f, DecideOnPostgresIT.ordersCsv(250_000, 60_000, false),
        StandardCharsets.UTF_8);
    Path policy = Files.writeString(dir.resolve("p.properties"), POLICY);
    JarRun r = run(List.of("-Xmx24m"), "decide", "--policy", policy.toString(), f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).startsWith("npskit decide: ").contains("java -Xmx4g")
        .doesNotContain("\tat ", "OutOfMemoryError");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
  void anEndlessStreamIsRejectedQuickly(String device) throws Exception {
    assumeTrue(Files.exists(Path.of(device)));
    Path policy = Files.writeString(dir.resolve("p.properties"), POLICY);
    for (String[] args : List.of(new String[] {"report", device},
        new String[] {"decide", "--policy", policy.toString(), device})) {
      long start = System.nanoTime();
      JarRun r = run(List.of("-Xmx64m"), args);
      assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
      assertThat(r.stdout()).isEmpty();
      assertThat(r.stderr()).startsWith(device + ":").doesNotContain("\tat ")
          .containsAnyOf("is longer than 1048576 characters", "is not valid UTF-8");
      assertThat(r.stderr().length()).isLessThan(400);
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }
  }

  @Test
  void aFullDiskStopsDecideAfterTheFirstDecision() throws Exception {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full));
    Path f = Files.writeString(dir.resolve("orders.csv"),
        DecideOnPostgresIT.ordersCsv(100, 50, false));
    Path policy = Files.writeString(dir.resolve("p.properties"), POLICY);
    String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JarRun.jar().toString(), "decide", "--format", "json", "--store", url, "--policy",
        policy.toString(), f.toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(full.toFile())
        .redirectErrorStream(false).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).startsWith("npskit decide: cannot write standard output").contains(
        "stopped at order \"O-0\" (decision 1 of 100)");
    // Exit 0 with ten decisions recorded and none printed, before.
    assertThat(CliFuzzProperties.decisions(url)).isOne();
  }

  @Test
  void aClosedPipeStopsDecideBeforeTheFileIsDone() throws Exception {
    Path f = Files.writeString(dir.resolve("orders.csv"),
        DecideOnPostgresIT.ordersCsv(20_000, 5_000, false));
    Path policy = Files.writeString(dir.resolve("p.properties"), POLICY);
    String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JarRun.jar().toString(), "decide", "--format", "json", "--store", url,
        "--policy", policy.toString(), f.toString());
    Process p = new ProcessBuilder(cmd).start();
    // Like `decide ... | head -1`: read one line, then close the pipe.
    int c;
    while ((c = p.getInputStream().read()) >= 0 && c != '\n') {
      // the first line
    }
    p.getInputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).startsWith("npskit decide: cannot write standard output");
    assertThat(CliFuzzProperties.decisions(url)).isBetween(1L, 19_999L);
  }
}
