package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVM processes share one PostgreSQL database and decide the same stream of orders at the
 * same time (the second JVM is spawned from this test with the test class path): no customer ever
 * gets more than the allowed surveys and no order is surveyed twice.
 */
class TwoProcessTest {
  private static final int THREADS_PER_PROCESS = 4;

  @Test
  void twoProcessesDecidingOverlappingOrdersNeverExceedTheCap(@TempDir Path tmp) {
    assertTimeoutPreemptively(Duration.ofMinutes(5), () -> runBothProcesses(tmp));
  }

  private static void runBothProcesses(Path tmp) throws Exception {
    EmbeddedPostgres server = EmbeddedPostgresHolder.server();
    String url = server.getJdbcUrl("postgres", "postgres");
    String prefix = EmbeddedPostgresHolder.freshPrefix("procs");
    JdbcContactHistory store =
        JdbcContactHistory.builder(EmbeddedPostgresHolder.dataSource()).tablePrefix(prefix).build();
    store.createSchema();
    DeciderProcess.warmUp(EmbeddedPostgresHolder.dataSource(), prefix);

    Path childErr = tmp.resolve("child.err");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DeciderProcess.class.getName(),
                url,
                prefix,
                "1000",
                Integer.toString(THREADS_PER_PROCESS))
            .redirectError(childErr.toFile())
            .start();
    List<Map.Entry<String, GateDecider.Result>> results = new ArrayList<>();
    try (BufferedReader childOut =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Writer childIn = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(childOut.readLine()).as("child start; stderr in %s", childErr).isEqualTo("READY");
      childIn.write("GO\n");
      childIn.flush();

      List<Map.Entry<String, GateDecider.Result>> mine =
          DeciderProcess.decideAll(store, 2000, THREADS_PER_PROCESS);

      List<Map.Entry<String, GateDecider.Result>> theirs = new ArrayList<>();
      for (String line = childOut.readLine(); !"DONE".equals(line); line = childOut.readLine()) {
        assertThat(line).as("child output; stderr: %s", readQuietly(childErr)).isNotNull();
        String[] parts = line.split(" ");
        theirs.add(Map.entry(parts[0], GateDecider.Result.valueOf(parts[1])));
      }
      assertThat(child.waitFor()).as("child exit; stderr: %s", readQuietly(childErr)).isZero();

      List<OrderStream> orders = OrderStream.orders(8, 3, 16);
      assertThat(mine).hasSize(orders.size() * THREADS_PER_PROCESS);
      assertThat(theirs).hasSize(orders.size() * THREADS_PER_PROCESS);
      System.out.printf(
          "two processes: this JVM %s, child JVM %s%n", summary(mine), summary(theirs));
      results.addAll(mine);
      results.addAll(theirs);
      DecisionTally.assertExactlyAllowed(orders, results, store);
    } finally {
      child.destroyForcibly();
    }
  }

  private static Map<GateDecider.Result, Long> summary(
      List<Map.Entry<String, GateDecider.Result>> results) {
    return results.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Map.Entry::getValue, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
