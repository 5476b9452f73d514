package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.npskit.policy.jdbc.GateDecider.Result;

/**
 * 32 threads, each with its own connection, decide overlapping shuffled streams of orders of the
 * same eight customers on one PostgreSQL database.
 */
class PostgresConcurrencyTest {
  private static final int THREADS = 32;
  private static final int SHARDS = 4;

  @Test
  void threadsWithSeparateConnectionsSurveyExactlyTheAllowedNumberPerCustomer() throws Exception {
    List<OrderStream> orders = OrderStream.orders(8, 3, 16);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try (TestConnectionPool pool =
        new TestConnectionPool(EmbeddedPostgresHolder.dataSource(), THREADS)) {
      JdbcContactHistory store =
          JdbcContactHistory.builder(pool)
              .tablePrefix(EmbeddedPostgresHolder.freshPrefix("threads"))
              .build();
      store.createSchema();
      GateDecider decider = new GateDecider(store);
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
                    out.add(
                        new AbstractMap.SimpleEntry<>(
                            o.orderId(), decider.decide(o)));
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

      assertThat(results).hasSize(orders.size() * THREADS / SHARDS);
      DecisionTally.assertExactlyAllowed(orders, results, store);
    } finally {
      executor.shutdownNow();
    }
  }
}
