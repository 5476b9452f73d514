package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npskit.policy.Decision;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.StoreFailureMode;
import org.npskit.policy.jdbc.GateDecider.Result;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Faults on a real PostgreSQL server of its own: the server stops in the middle of a stream of
 * decisions and comes back on the same data directory and port; a lock held by another session
 * outlasts the query timeout. Assertions are on behaviour; the only time limits are generous
 * "returns rather than hangs" bounds.
 */
class PostgresFaultTest {
  private static final Duration RETURNS_NOT_HANGS = Duration.ofMinutes(2);

  @TempDir Path tmp;
  private EmbeddedPostgres server;

  @AfterEach
  void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  @Test
  void databaseStoppedMidStreamFailsClosedWithoutBlockingAndHistorySurvivesTheRestart()
      throws Exception {
    Path data = tmp.resolve("pgdata");
    server = start(data, 0);
    int port = server.getPort();
    UrlDataSource dataSource = new UrlDataSource(server.getJdbcUrl("postgres", "postgres"));
    JdbcContactHistory store =
        JdbcContactHistory.builder(dataSource).queryTimeout(Duration.ofSeconds(1)).build();
    store.createSchema();
    GateDecider closed = new GateDecider(store);
    GateDecider open = new GateDecider(store, StoreFailureMode.FAIL_OPEN);
    List<OrderStream> orders = OrderStream.shuffled(OrderStream.orders(4, 3, 40), 42);

    int beforeOutage = 40;
    List<Map.Entry<String, Result>> results = new ArrayList<>();
    CountDownLatch outageSeen = new CountDownLatch(5);
    CountDownLatch restarted = new CountDownLatch(1);
    ExecutorService app = Executors.newSingleThreadExecutor();
    try {
      Future<?> stream =
          app.submit(
              () -> {
                for (int i = 0; i < orders.size(); i++) {
                  Decision d = closed.decision(orders.get(i));
                  Result r = GateDecider.classify(d);
                  if (r == Result.UNAVAILABLE) {
                    assertThat(d.reasonCodes()).containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
                    assertThat(d.sendAt()).isEmpty();
                    outageSeen.countDown();
                    if (outageSeen.getCount() == 0) {
                      restarted.await();
                    }
                  }
                  synchronized (results) {
                    results.add(Map.entry(orders.get(i).orderId(), r));
                  }
                  if (i == beforeOutage) {
                    stopMidStream();
                  }
                }
                return null;
              });
      assertTimeoutPreemptively(
          RETURNS_NOT_HANGS,
          () -> assertThat(outageSeen.await(RETURNS_NOT_HANGS.toSeconds(), TimeUnit.SECONDS)).isTrue());

      // Fail-open during the same outage: the rules run on an empty history, nothing is recorded.
      OrderStream probe = new OrderStream("probe", "C9", 0, OrderStream.START);
      Decision openDecision = assertTimeoutPreemptively(RETURNS_NOT_HANGS, () -> open.decision(probe));
      assertThat(openDecision.isSurvey()).isTrue();

      server = start(data, port);
      restarted.countDown();
      assertTimeoutPreemptively(RETURNS_NOT_HANGS, () -> stream.get());
    } finally {
      app.shutdownNow();
    }

    List<Result> beforeStop =
        results.subList(0, beforeOutage + 1).stream().map(Map.Entry::getValue).toList();
    assertThat(beforeStop).doesNotContain(Result.UNAVAILABLE).contains(Result.SURVEY);
    assertThat(results).extracting(Map.Entry::getValue).contains(Result.UNAVAILABLE);
    assertThat(results.subList(results.size() - 10, results.size()))
        .extracting(Map.Entry::getValue)
        .doesNotContain(Result.UNAVAILABLE);

    // History intact: every survey reported before, during and after the outage is stored, and
    // no customer has two surveys within one cooldown cluster.
    Set<String> reported =
        results.stream()
            .filter(e -> e.getValue() == Result.SURVEY)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    Set<String> stored = new HashSet<>();
    for (String customer : List.of("C0", "C1", "C2", "C3")) {
      List<SurveyRecord> surveys =
OrderStream.storedSurveys(store, customer);
      assertThat(surveys.stream().map(s -> s.orderId().split("-")[2]).distinct().count())
          .isEqualTo(surveys.size());
      surveys.forEach(s -> stored.add(s.orderId()));
    }
    assertThat(stored).isEqualTo(reported);
    HistorySnapshot probed =
        store.load(
            new HistoryQuery("C9", null, "probe", OrderStream.START, OrderStream.START));
    assertThat(probed.orderDecided()).isFalse();
    assertThat(probed.customerSurveys()).isEmpty();
  }

  private void stopMidStream() throws IOException {
    server.close();
  }

  @Test
  void aLockHeldLongerThanTheQueryTimeoutFailsTheCommitInsteadOfBlocking() throws Exception {
    server = start(tmp.resolve("pgdata"), 0);
    UrlDataSource dataSource = new UrlDataSource(server.getJdbcUrl("postgres", "postgres"));
    JdbcContactHistory store =
        JdbcContactHistory.builder(dataSource).queryTimeout(Duration.ofSeconds(1)).build();
    store.createSchema();
    store.setOptedOut("C1", false);
    HistoryQuery query =
        new HistoryQuery("C1", null, "O1", OrderStream.START, OrderStream.START.plusSeconds(60));
    HistorySnapshot snapshot = store.load(query);
    CommitRequest commit =
        CommitRequest.survey(new SurveyRecord("O1", "C1", null, "SKU", OrderStream.START), snapshot);

    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement(
              "UPDATE npskit_customer SET opted_out = opted_out WHERE customer_id = 'C1'")) {
        assertThat(lock.executeUpdate()).isEqualTo(1);
      }
      Throwable failure =
          assertTimeoutPreemptively(
              RETURNS_NOT_HANGS,
              () -> org.assertj.core.api.Assertions.catchThrowable(() -> store.commit(commit)));
      assertThat(failure)
          .isInstanceOf(HistoryUnavailableException.class)
          .hasMessageContaining("commit");
      other.rollback();
    }

    // Nothing was half-written: the same snapshot still commits once the lock is gone.
    assertThat(store.load(query).orderDecided()).isFalse();
    assertThat(store.commit(commit)).isTrue();
  }
}
