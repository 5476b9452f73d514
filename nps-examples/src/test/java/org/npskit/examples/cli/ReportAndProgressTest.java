package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weighted reports whose weights sum to 0, and the progress switch of decide, in process. */
class ReportAndProgressTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void weightsSummingToZeroAreBadInputNotAnUnweightedFallback() throws IOException {
    Path f = write("w.csv", "score,w\n10,0\n0,0\n");
    assertThat(run("report", "--format", "json", "--weight", "w", f.toString())).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(stderr()).contains(f + ": --weight w: the weights of all responses sum to 0",
        "undefined");
  }

  @Test
  void aGroupWhoseWeightsSumToZeroIsNamed() throws IOException {
    Path f = write("g.csv", "score,w,channel\n10,1,web\n9,2,web\n0,0,store\n");
    assertThat(run("report", "--by", "channel", "--weight", "w", f.toString())).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(stderr()).contains("the weights of group channel=\"store\" sum to 0");
  }

  @Test
  void positiveWeightsStillGiveTheWeightedFigures() throws IOException {
    Path f = write("p.csv", "score,w,channel\n10,1,web\n0,3,web\n9,0,store\n10,2,store\n");
    assertThat(run("report", "--format", "json", "--by", "channel", "--weight", "w",
        f.toString())).as(stderr()).isZero();
    // web: (1*1 + 3*(-1)) / 4 = -50; store: (0 + 2) / 2 = 100; all: (1 - 3 + 0 + 2) / 6 = 0.
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"nps\":0.0,", "\"key\":\"web\",\"n\":2", "\"nps\":-50.0", "\"nps\":100.0");
  }

  @Test
  void progressIsShownOnRequestAndNeverMixedIntoStdout() throws IOException {
    Path policy = write("policy.properties", "nps.policy.customer-cooldown=P90D\n");
    StringBuilder csv = new StringBuilder(
        "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,currency\n");
    int orders = 2500;
    for (int i = 0; i < orders; i++) {
      csv.append(String.format(java.util.Locale.ROOT,
          "O-%d,C-%d,2026-01-01T00:00:00Z,SKU-1,tv,100.00,1,EUR%n", i, i % 700));
    }
    Path o = write("orders.csv", csv.toString());

    assertThat(run("decide", "--progress", "--format", "json", "--policy", policy.toString(),
        o.toString())).as(stderr()).isZero();
    assertThat(stderr()).contains("decided 1000 of 2500 orders", "decided 2000 of 2500 orders",
        "decided 2500 of 2500 orders");
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(orders)
        .allMatch(l -> l.startsWith("{\"orderId\":"));

    out.reset();
    err.reset();
    assertThat(run("decide", "--no-progress", "--format", "json", "--policy",
        policy.toString(), o.toString())).isZero();
    assertThat(stderr()).doesNotContain("decided");
  }

  @Test
  void terminalDetectionReadsTheDeviceBehindTheDescriptor() throws IOException {
    Path tty = Files.createSymbolicLink(dir.resolve("fd-tty"), Path.of("/dev/pts/3"));
    Path file = Files.createSymbolicLink(dir.resolve("fd-file"), dir.resolve("log.txt"));
    Path pipe = Files.createSymbolicLink(dir.resolve("fd-pipe"), Path.of("pipe:[12345]"));
    assertThat(Terminal.isTerminal(tty, false)).isTrue();
    assertThat(Terminal.isTerminal(file, true)).isFalse();
    assertThat(Terminal.isTerminal(pipe, true)).isFalse();
    assertThat(Terminal.isTerminal(dir.resolve("missing"), true)).isTrue();
    assertThat(Terminal.isTerminal(dir.resolve("missing"), false)).isFalse();
  }
}
