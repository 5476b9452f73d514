package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Decision;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.GateDecider.Result;
import org.npskit.policy.spi.HistoryQuery;

/**
 * 32 threads, each with its own connection, decide overlapping shuffled streams of orders on one
 * PostgreSQL database through the real gate; every order is decided by several threads.
 */
class PostgresConcurrencyTest {
  private static final int THREADS = 32;
  private static final int SHARDS = 4;

  @Test
  void threadsWithSeparateConnectionsSurveyExactlyTheAllowedNumberPerCustomer() throws Exception {
    List<OrderStream> orders = OrderStream.orders(8, 3, 16);
    try (TestConnectionPool pool =
        new TestConnectionPool(EmbeddedPostgresHolder.dataSource(), THREADS)) {
      JdbcContactHistory store = freshStore(pool, "threads");
      GateDecider decider = new GateDecider(store);

      List<Map.Entry<String, Result>> results = decideSharded(orders, decider::decide);

      assertThat(results).hasSize(orders.size() * THREADS / SHARDS);
      DecisionTally.assertExactlyAllowed(orders, results, store);
    }
  }

  @Test
  void customersOfOneAccountShareTheAccountCooldownAcrossThreads() throws Exception {
    // 64 different customers of one account: only the account's version serializes them.
    List<OrderStream> orders = OrderStream.orders(64, 3, 2);
    try (TestConnectionPool pool =
        new TestConnectionPool(EmbeddedPostgresHolder.dataSource(), THREADS)) {
      JdbcContactHistory store = freshStore(pool, "account");
      SurveyPolicy policy = SurveyPolicy.builder().accountCooldown(OrderStream.COOLDOWN).build();
      SurveyGate gate = SurveyGate.builder(policy).history(store).build();
      Function<OrderStream, Result> decide =
          o -> {
            Decision d =
                gate.decide(
                    Purchase.builder(o.orderId(), o.customerId())
                        .accountId("ACME")
                        .orderedAt(o.at())
                        .line(OrderLine.of("SKU", "tv", Money.of("10.00", "EUR"), 1))
                        .build());
            return GateDecider.classify(d);
          };

      List<Map.Entry<String, Result>> results = decideSharded(orders, decide);

      for (int cluster = 0; cluster < 3; cluster++) {
        int k = cluster;
        assertThat(
                results.stream()
                    .filter(e -> e.getValue() == Result.SURVEY)
                    .filter(e -> e.getKey().split("-")[2].equals(Integer.toString(k))))
            .as("surveys to the account in cluster %d", k)
            .hasSize(1);
      }
      assertThat(
              store
                  .load(
                      new HistoryQuery(
                          "C0",
                          "ACME",
                          "none",
                          OrderStream.START.minus(Duration.ofDays(1)),
                          OrderStream.START.plus(Duration.ofDays(2_000))))
                  .accountSurveys())
          .hasSize(3);
    }
  }

  private static JdbcContactHistory freshStore(TestConnectionPool pool, String kind) {
    JdbcContactHistory store =
        JdbcContactHistory.builder(pool).tablePrefix(EmbeddedPostgresHolder.freshPrefix(kind)).build();
    store.createSchema();
    return store;
  }

  /**
   * Each of {@link #THREADS} threads decides its own shuffle of one of {@link #SHARDS} shards of
   * the orders, all released together by a start latch.
   */
  private static List<Map.Entry<String, Result>> decideSharded(
      List<OrderStream> orders, Function<OrderStream, Result> decide) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Map.Entry<String, Result>>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int shard = t % SHARDS;
        List<OrderStream> mine =
            OrderStream.shuffled(orders, t).stream()
                .filter(o -> Math.floorMod(o.orderId().hashCode(), SHARDS) == shard)
                .toList();
        futures.add(
            executor.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  List<Map.Entry<String, Result>> out = new ArrayList<>();
                  for (OrderStream o : mine) {
                    out.add(Map.entry(o.orderId(), decide.apply(o)));
                  }
                  return out;
                }));
      }
      assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<Map.Entry<String, Result>> results = new ArrayList<>();
      for (Future<List<Map.Entry<String, Result>>> f : futures) {
        results.addAll(f.get(5, TimeUnit.MINUTES));
      }
      assertThat(results).noneMatch(e -> e.getValue() == Result.UNAVAILABLE);
      return results;
    } finally {
      executor.shutdownNow();
    }
  }
}
