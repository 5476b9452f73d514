package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One example per bug the CLI fuzz properties ({@link CliFuzzProperties}) found: each one used to
 * exit 1 with "internal failure" (or write half a file into the store); now it is bad input.
 */
class FuzzFindingsTest {
  private static final String ORDERS_HEADER =
      "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,currency\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static CliFuzzProperties.Run badInput(String... args) {
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of(args));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    return r;
  }

  @Test
  void aFileNameWithANulCharacterIsBadInput() {
    // Path.of threw InvalidPathException.
    assertThat(badInput("report", "a\u0000b.csv").err()).contains("not a valid file name");
  }

  @Test
  void answeredAtBeyondYear9999IsBadInputAtItsCell() throws IOException {
    // TimeBucket threw DateTimeException for Instant.MAX.
    Path f = write("r.csv", "score,answered_at\n9,+1000000000-12-31T23:59:59Z\n");
    assertThat(badInput("report", "--period", "day", f.toString()).err())
        .startsWith(f + ":2:2 (answered_at): value \"+1000000000-12-31T23...\"");
  }

  @Test
  void weightsWhoseSquaresOverflowAreBadInputAtTheirCell() throws IOException {
    // Each weight was finite; the accumulator's tally then threw an IAE: exit 1.
    Path f = write("w.csv", "score,w\n9,1e200\n");
    assertThat(badInput("report", "--weight", "w", f.toString()).err())
        .startsWith(f + ":2:2 (w): value \"1e200\"").contains("overflows");
    Path tiny = write("t.csv", "score,w\n9,1e-200\n");
    assertThat(badInput("report", "--weight", "w", tiny.toString()).err())
        .startsWith(tiny + ":2:2 (w): value \"1e-200\"").contains("underflow");
  }

  @Test
  void aFractionalMinSampleIsAUsageError() throws IOException {
    // Was silently truncated to 2.
    Path f = write("s.csv", "score\n9\n");
    assertThat(badInput("report", "--min-sample", "2.5", f.toString()).err())
        .contains("--min-sample", "2.5");
  }

  @Test
  void ordersAfterYear2262AndBeyond9999() throws IOException {
    Path policy = write("p.properties", "nps.policy.customer-cooldown=P90D\n");
    // 2300: the in-memory store overflowed counting microseconds (ArithmeticException).
    Path y2300 = write("o1.csv", ORDERS_HEADER + "O-1,K-1,2300-01-01T00:00:00Z,TV,tv,500,1,EUR\n");
    CliFuzzProperties.Run ok = CliFuzzProperties.run(List.of("decide", "--format", "json",
        "--policy", policy.toString(), y2300.toString()));
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("\"decision\":\"SURVEY\"", "\"sendAt\":\"2300-01-04T00:00:00Z\"");
    // +10000: DateTimeException / ArithmeticException; now the cell is named.
    Path far = write("o2.csv", ORDERS_HEADER + "O-1,K-1,+10000-01-01T00:00:00Z,TV,tv,500,1,EUR\n");
    assertThat(badInput("decide", "--policy", policy.toString(), far.toString()).err())
        .startsWith(far + ":2:3 (ordered_at): value \"+10000-01-01T00:00:0...\"")
        .contains("orderedAt must be between");
  }

  @Test
  void aCooldownThatOverflowsIsBadInputAtItsPolicyLine() throws IOException {
    // Was accepted; decide then failed with "Exceeds capacity of Duration" (exit 1).
    Path policy = write("p.properties", "# comment\nnps.policy.customer-cooldown="
        + "PT9223372036854775807S\n");
    Path orders = write("o.csv", ORDERS_HEADER + "O-1,K-1,2026-01-01T00:00:00Z,TV,tv,500,1,EUR\n");
    assertThat(badInput("decide", "--policy", policy.toString(), orders.toString()).err())
        .startsWith(policy + ":2:1 (nps.policy.customer-cooldown)");
  }

  @Test
  void anIdTooLongForTheStoreIsRejectedBeforeAnythingIsWritten() throws IOException {
    // The first order was committed, then the store's IAE for the 256-character id ended the
    // run with exit 1: half the file was in the shared history.
    String url = "jdbc:h2:mem:fuzz-findings-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Path policy = write("p.properties", "nps.policy.customer-cooldown=P90D\n");
    String longId = "X".repeat(256);
    Path orders = write("o.csv", ORDERS_HEADER
        + "O-1,K-1,2026-01-01T00:00:00Z,TV,tv,500,1,EUR\n"
        + longId + ",K-2,2026-01-02T00:00:00Z,TV,tv,500,1,EUR\n");
    assertThat(badInput("decide", "--store", url, "--policy", policy.toString(),
        orders.toString()).err()).startsWith(orders + ":3:1 (order_id)").contains("at most 255");
    assertThat(CliFuzzProperties.dump(url)).isEmpty();
    // U+0000: PostgreSQL cannot store it, so the store failed as if the database were down and
    // every order of the run was a HISTORY_UNAVAILABLE skip with exit 0.
    Path nul = write("n.csv", ORDERS_HEADER + "O-1,K-\u0000,2026-01-01T00:00:00Z,TV,tv,500,1,EUR\n");
    assertThat(badInput("decide", "--store", url, "--policy", policy.toString(),
        nul.toString()).err()).startsWith(nul + ":2:2 (customer_id)").contains("U+0000");
    assertThat(CliFuzzProperties.dump(url)).isEmpty();
  }
}
