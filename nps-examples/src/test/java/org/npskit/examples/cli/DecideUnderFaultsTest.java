package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * {@code decide} under faults (DESIGN 3c), in process: a store that fails and recovers, or stays
 * down (on a fake clock, so no test sleeps), a reply that was lost, an output that cannot be
 * written, a rerun that tells what was recorded. Every count is exact.
 */
class DecideUnderFaultsTest {
  private static final String HEADER =
      "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,currency\n";

  @TempDir Path dir;

  /** Six orders of six customers, one a day in January 2026: every one a SURVEY. */
  private static String orders(int n) {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 1; i <= n; i++) {
      sb.append(Text.f("O-%d,K-%d,2026-01-%02dT10:00:00Z,TV-%d,tv,500,1,EUR%n", i, i, i, i));
    }
    return sb.toString();
  }

  private static Orders.Batch batch(String csv) {
    return Orders.read(Csv.parse(csv, "o.csv"), (id, c) -> { }, p -> { }, Long.MAX_VALUE);
  }

  /** A store that fails the calls a rule picks (numbered from 1 per kind) and counts them. */
  static final class Flaky implements InvocationHandler {
    final InMemoryContactHistory delegate = InMemoryContactHistory.withRetention(
        Duration.ofDays(3650), Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    final ContactHistory store = (ContactHistory) Proxy.newProxyInstance(
        ContactHistory.class.getClassLoader(), new Class<?>[] {ContactHistory.class}, this);
    IntPredicate failLoad = n -> false;
    IntPredicate failCommit = n -> false;
    /** A commit that fails after it was applied: the reply is lost. */
    IntPredicate loseReply = n -> false;
    int loads;
    int commits;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("load") && failLoad.test(++loads)) {
        throw new HistoryUnavailableException(StoreOperation.LOAD, new SQLException("down"));
      }
      int commit = name.equals("commit") ? ++commits : 0;
      if (commit > 0 && failCommit.test(commit)) {
        throw new HistoryUnavailableException(StoreOperation.COMMIT, new SQLException("down"));
      }
      Object result;
      try {
        result = method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (commit > 0 && loseReply.test(commit)) {
        throw new HistoryUnavailableException(StoreOperation.COMMIT,
            new SQLException("connection reset"));
      }
      return result;
    }

    /** The orders the store holds a decision for, and which of them as a survey. */
    Map<String, Boolean> recorded(List<String> orderIds) {
      Map<String, Boolean> out = new java.util.TreeMap<>();
      for (String id : orderIds) {
        HistorySnapshot s = delegate.load(new HistoryQuery("nobody", null, id,
            Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")));
        if (s.orderDecided()) {
          out.put(id, s.decidedOrder() != null && s.decidedOrder().survey());
        }
      }
      return out;
    }
  }

  /** A run of the decide loop on a fake clock: sleeping advances it. */
  private static final class Run {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    long nanos = 1_000_000_000L;
    long slept;

    void replay(SurveyPolicy policy, ContactHistory store, Orders.Batch orders, Duration retry,
        boolean json) {
      DecideCommand.Recorder recorder = new DecideCommand.Recorder();
      SurveyGate gate = SurveyGate.builder(policy).history(store).listener(recorder).build();
      DecideCommand.Sink sink = json ? new DecideCommand.JsonLines(out)
          : new DecideCommand.Table(out, orders);
      new DecideCommand.Replay(gate, recorder, orders, "o.csv", sink, err, false, retry, null,
          () -> nanos, millis -> {
            nanos += millis * 1_000_000;
            slept += millis;
          }).all();
    }

    List<String> lines() {
      return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static List<String> ids(List<String> jsonLines, String decision) {
    return jsonLines.stream().filter(l -> decision == null || l.contains(
        "\"decision\":\"" + decision + "\"")).map(l -> l.replaceAll(".*\"orderId\":\"([^\"]*)\".*",
        "$1")).collect(Collectors.toList());
  }

  private static List<String> orderIds(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add("O-" + i);
    }
    return ids;
  }

  @Test
  void aStoreThatComesBackWithinTheBudgetLosesNoOrder() {
    Flaky store = new Flaky();
    store.failLoad = n -> n >= 3 && n <= 7; // order 3's first five loads
    Run run = new Run();
    run.replay(SurveyPolicy.defaults(), store.store, batch(orders(6)), Duration.ofSeconds(30),
        true);
    assertThat(ids(run.lines(), "SURVEY")).containsExactlyElementsOf(orderIds(6));
    assertThat(run.lines()).noneMatch(l -> l.contains("HISTORY_UNAVAILABLE"));
    assertThat(store.recorded(orderIds(6))).hasSize(6).doesNotContainValue(false);
    // Back-off 100, 200, 400, 800, 1600 ms, then the sixth load worked.
    assertThat(run.slept).isEqualTo(3_100);
    assertThat(run.err()).contains("contact history unavailable at order \"O-3\"",
        "retrying for up to PT30S", "available again after 3.1 s");
  }

  @Test
  void aStoreThatStaysDownStopsAtTheFirstOrderNotDecidedHavingPrintedEveryRecordedOne() {
    Flaky store = new Flaky();
    store.failCommit = n -> n >= 4;
    Run run = new Run();
    assertThatThrownBy(() -> run.replay(SurveyPolicy.defaults(), store.store, batch(orders(6)),
        Duration.ofSeconds(10), false))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("the contact history stayed unavailable for PT10S "
            + "(--store-retry): stopped at order \"O-4\" (o.csv line 5), the first order not "
            + "decided; 3 of 6 orders were decided and printed.")
        .hasMessageEndingWith("Last error: down");
    // The text table streamed: its header and three rows, no summary (the run did not finish).
    assertThat(run.lines()).hasSize(4);
    assertThat(run.lines().get(0)).startsWith("order ");
    assertThat(run.lines().subList(1, 4)).allMatch(l -> l.contains(" SURVEY "));
    assertThat(store.recorded(orderIds(6))).containsOnlyKeys("O-1", "O-2", "O-3");
    // Retried for the budget, not beyond: the last wait is cut to what is left.
    assertThat(run.slept).isEqualTo(10_000);
  }

  @Test
  void aBudgetOfZeroStopsAtTheFirstFailure() {
    Flaky store = new Flaky();
    store.failLoad = n -> n == 2;
    Run run = new Run();
    assertThatThrownBy(() -> run.replay(SurveyPolicy.defaults(), store.store, batch(orders(3)),
        Duration.ZERO, true)).hasMessageContaining("stopped at order \"O-2\"")
        .hasMessageContaining("1 of 3 orders were decided");
    assertThat(run.slept).isZero();
    assertThat(run.lines()).hasSize(1);
  }

  @Test
  void failOpenAnswersMadeWhileTheStoreFailsAreNeverPrinted() {
    SurveyPolicy failOpen = PolicyFile.parse("nps.policy.store-failure=fail-open\n", "p");
    Flaky store = new Flaky();
    store.failCommit = n -> n == 2 || n == 3;
    Run run = new Run();
    run.replay(failOpen, store.store, batch(orders(4)), Duration.ofSeconds(30), true);
    // Order 2 was answered SURVEY twice without being recorded; neither answer was printed.
    assertThat(ids(run.lines(), null)).containsExactlyElementsOf(orderIds(4));
    assertThat(store.recorded(orderIds(4))).hasSize(4).doesNotContainValue(false);
    assertThat(store.commits).isEqualTo(6);
  }

  @Test
  void aCommitWhoseReplyWasLostIsPrintedOnceAsRecorded() {
    Flaky store = new Flaky();
    store.loseReply = n -> n == 2;
    Run run = new Run();
    run.replay(SurveyPolicy.defaults(), store.store, batch(orders(3)), Duration.ofSeconds(30),
        true);
    assertThat(ids(run.lines(), "SURVEY")).containsExactly("O-1", "O-2", "O-3");
    assertThat(store.commits).isEqualTo(3);
    assertThat(run.slept).isZero();
  }

  @Test
  void aRerunTellsWhatWasRecordedForEveryOrderDecidedBefore() throws IOException {
    String url = "jdbc:h2:mem:rerun-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Path policy = Files.writeString(dir.resolve("p.properties"),
        "nps.policy.customer-cooldown=P10D\n");
    Path file = Files.writeString(dir.resolve("o.csv"), HEADER
        + "O-1,K-1,2026-01-01T10:00:00Z,TV,tv,500,1,EUR\n"
        + "O-2,K-1,2026-01-05T10:00:00Z,TV2,tv,500,1,EUR\n"
        + "O-3,K-2,2026-01-06T10:00:00Z,TV3,tv,500,1,EUR\n");
    List<String> args = List.of("decide", "--format", "json", "--store", url, "--policy",
        policy.toString(), file.toString());
    CliFuzzProperties.Run first = CliFuzzProperties.run(args);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).doesNotContain("recordedDecision");
    CliFuzzProperties.Run second = CliFuzzProperties.run(args);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out().lines().toList()).containsExactly(
        "{\"orderId\":\"O-1\",\"customerId\":\"K-1\",\"decision\":\"SKIP\",\"reasons\":"
            + "[\"DUPLICATE_ORDER\"],\"subjectSku\":null,\"sendAt\":null,\"eligibleAgainAt\":null,"
            + "\"kind\":null,\"recordedDecision\":\"SURVEY\",\"recordedSendAt\":\"2026-01-04T10:00:00Z\"}",
        "{\"orderId\":\"O-2\",\"customerId\":\"K-1\",\"decision\":\"SKIP\",\"reasons\":"
            + "[\"DUPLICATE_ORDER\"],\"subjectSku\":null,\"sendAt\":null,\"eligibleAgainAt\":null,"
            + "\"kind\":null,\"recordedDecision\":\"SKIP\",\"recordedSendAt\":null}",
        "{\"orderId\":\"O-3\",\"customerId\":\"K-2\",\"decision\":\"SKIP\",\"reasons\":"
            + "[\"DUPLICATE_ORDER\"],\"subjectSku\":null,\"sendAt\":null,\"eligibleAgainAt\":null,"
            + "\"kind\":null,\"recordedDecision\":\"SURVEY\",\"recordedSendAt\":\"2026-01-09T10:00:00Z\"}");
    assertThat(first.out()).contains("\"orderId\":\"O-1\",\"customerId\":\"K-1\",\"decision\":"
        + "\"SURVEY\"", "\"sendAt\":\"2026-01-04T10:00:00Z\"");
    CliFuzzProperties.Run text = CliFuzzProperties.run(List.of("decide", "--store", url,
        "--policy", policy.toString(), file.toString()));
    assertThat(text.out()).contains("DUPLICATE_ORDER (recorded: SURVEY, send at "
        + "2026-01-04T10:00:00Z)", "DUPLICATE_ORDER (recorded: SKIP)",
        "3 orders: 0 SURVEY, 3 SKIP (3 decided before, 2 of them recorded as SURVEY)");
  }

  /** An output stream whose writes fail from the given one on (a full disk, a closed pipe). */
  private static final class FailingOutput extends OutputStream {
    private final int failFrom;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int writes;

    FailingOutput(int failFrom) {
      this.failFrom = failFrom;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (++writes >= failFrom) {
        throw new IOException("No space left on device");
      }
      written.write(b, off, len);
    }
  }

  @Test
  void anOutputThatFailsStopsTheRunBeforeAnythingMoreIsRecorded() throws Exception {
    String url = "jdbc:h2:mem:full-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Path policy = Files.writeString(dir.resolve("p.properties"), "");
    Path file = Files.writeString(dir.resolve("o.csv"), orders(9));
    FailingOutput full = new FailingOutput(5);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Cli.run(new String[] {"decide", "--format", "json", "--store", url, "--policy",
        policy.toString(), file.toString()}, new PrintStream(full, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(message).isEqualTo(1);
    assertThat(message).startsWith("npskit decide: cannot write standard output (a full disk or "
        + "a closed pipe?): stopped at order \"O-5\" (decision 5 of 9): it was decided and "
        + "recorded, but its line may be lost; run the same command again");
    assertThat(full.written.toString(StandardCharsets.UTF_8).lines()).hasSize(4);
    // Four lines written, the fifth decision recorded and lost, nothing after it recorded.
    assertThat(CliFuzzProperties.decisions(url)).isEqualTo(5);
  }

  @Test
  void everyCommandFailsWhenItsOutputCannotBeWritten() throws IOException {
    Path file = Files.writeString(dir.resolve("r.csv"), "score\n9\n10\n3\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Cli.run(new String[] {"report", file.toString()},
        new PrintStream(new FailingOutput(1), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("npskit report: cannot write "
        + "standard output (a full disk or a closed pipe?)\n");
  }

  @Test
  void theStoreRetryOptionTakesAnIsoDurationUpToADay() throws IOException {
    Path policy = Files.writeString(dir.resolve("p.properties"), "");
    Path file = Files.writeString(dir.resolve("o.csv"), orders(1));
    for (String bad : new String[] {"30", "30s", "P1D", "PT25H", "-PT1S", "PT", "PT1.5555S"}) {
      CliFuzzProperties.Run r = CliFuzzProperties.run(List.of("decide", "--store-retry", bad,
          "--policy", policy.toString(), file.toString()));
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).startsWith("npskit decide: option --store-retry must be an "
          + "ISO-8601 duration").contains("was \"" + bad + "\"");
    }
    for (String good : new String[] {"PT0S", "PT2M", "pt1.5s", "PT24H"}) {
      CliFuzzProperties.Run r = CliFuzzProperties.run(List.of("decide", "--store-retry", good,
          "--policy", policy.toString(), file.toString()));
      assertThat(r.exit()).as(good + ": " + r.err()).isZero();
    }
  }

  @Test
  void theOrdersOfAFileAreHeldPackedAndRebuiltAsTheyWereRead() {
    String csv = "order_id,customer_id,account_id,ordered_at,delivered_at,sku,category,"
        + "unit_price,quantity,currency,services,consent\n"
        + "A\u00e9\u4e2d,K,B-7,2026-01-01T00:00:00.123456789Z,2026-01-04T10:00:00+02:00,S1,"
        + "tv/oled,10.00,2,EUR,installation;x,false\n"
        + "A\u00e9\u4e2d,K,B-7,2026-01-01T00:00:00.123456789Z,2026-01-04T10:00:00+02:00,S2,"
        + "cables,0.5,1,EUR,,false\n"
        + "B,\uD83D\uDE00,,2025-12-31T00:00:00Z,,S3,tv,1,1,USD,,\n";
    List<Orders.Order> held = new ArrayList<>();
    Orders.Batch b = batch(csv);
    for (int i = 0; i < b.size(); i++) {
      held.add(b.order(i));
    }
    List<Orders.Order> direct = Orders.read(Csv.parse(csv, "o.csv"));
    assertThat(held).hasSize(2);
    for (int i = 0; i < 2; i++) {
      Purchase p = held.get(i).purchase();
      Purchase q = direct.get(i).purchase();
      assertThat(p.toString()).isEqualTo(q.toString());
      assertThat(p.lines()).isEqualTo(q.lines());
      assertThat(p.deliveredAt()).isEqualTo(q.deliveredAt());
      assertThat(p.accountId()).isEqualTo(q.accountId());
      assertThat(p.consent()).isEqualTo(q.consent());
    }
    assertThat(held.get(0).purchase().orderId()).isEqualTo("B");
    assertThat(held.get(1).purchase().orderedAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    assertThat(held.get(1).firstLine()).isEqualTo(2);
    assertThat(b.longestOrderId()).isEqualTo(3);
    assertThat(b.longestCustomerId()).isEqualTo(2);
  }

  @Test
  void moreOrdersThanTheHeapAllowsIsAClearFailure() {
    assertThatThrownBy(() -> Orders.read(Csv.parse(orders(50), "o.csv"), (id, c) -> { },
        p -> { }, 2_000))
        .isInstanceOf(TooLargeException.class)
        .hasMessageStartingWith("o.csv:")
        .hasMessageContaining("too many orders for this Java heap", "java -Xmx4g");
  }
}
