package org.npskit.policy.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;

/**
 * A rough measurement, not a test: decisions per second through {@link SurveyGate} and {@link
 * JdbcContactHistory} on the embedded PostgreSQL, with a small connection pool. The real benchmark
 * belongs to nps-benchmarks (JMH); this gives a first figure.
 *
 * <p>Run with the test class path: {@code java -cp ... org.npskit.policy.jdbc.JdbcThroughput
 * [threads] [decisionsPerThread] [customers]}.
 */
public final class JdbcThroughput {
  private JdbcThroughput() {}

  /**
   * Runs the measurement and prints the figure.
   *
   * @param args threads (default 8), decisions per thread (default 2,500), customers (default
   *     20,000)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
    int customers = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    try (TestConnectionPool pool =
        new TestConnectionPool(EmbeddedPostgresHolder.dataSource(), threads)) {
      JdbcContactHistory store =
          JdbcContactHistory.builder(pool)
              .tablePrefix(EmbeddedPostgresHolder.freshPrefix("bench"))
              .build();
      store.createSchema();
      SurveyGate gate =
          SurveyGate.builder(SurveyPolicy.builder().customerCooldown(Duration.ofDays(90)).build())
              .history(store)
              .build();
      run(gate, threads, perThread / 5, customers, "warm-up");
      run(gate, threads, perThread, customers, "measured");
    }
    System.exit(0);
  }

  private static void run(SurveyGate gate, int threads, int perThread, int customers, String label)
      throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          executor.submit(
              () -> {
                start.await();
                int surveys = 0;
                for (int i = 0; i < perThread; i++) {
                  String order = label + "-" + thread + "-" + i;
                  Purchase p =
                      Purchase.builder(order, "C" + Math.floorMod(order.hashCode(), customers))
                          .orderedAt(t0.plusSeconds(i))
                          .line(OrderLine.of("SKU" + i, "tv", Money.of("500.00", "EUR"), 1))
                          .build();
                  surveys += gate.decide(p).isSurvey() ? 1 : 0;
                }
                return surveys;
              }));
    }
    long begin = System.nanoTime();
    start.countDown();
    int surveys = 0;
    for (Future<Integer> f : futures) {
      surveys += f.get();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    executor.shutdown();
    System.out.printf(
        Locale.ROOT,
        "%s: %d threads, %d decisions (%d surveys) in %.2f s = %.0f decisions/s%n",
        label,
        threads,
        threads * perThread,
        surveys,
        seconds,
        threads * perThread / seconds);
  }
}
