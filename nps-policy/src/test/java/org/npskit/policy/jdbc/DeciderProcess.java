package org.npskit.policy.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The second JVM of {@link TwoProcessTest}: decides the shared {@link OrderStream} against a
 * PostgreSQL database given by JDBC URL, with several threads, after the parent says {@code GO}.
 * Prints {@code READY}, then one {@code orderId RESULT} line per decision, then {@code DONE}.
 *
 * <p>Arguments: JDBC URL, table prefix, shuffle seed, thread count.
 */
public final class DeciderProcess {
  private DeciderProcess() {}

  /**
   * Runs the decisions.
   *
   * @param args URL, prefix, seed, threads
   * @throws Exception on any failure (the exit code is then non-zero)
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String prefix = args[1];
    long seed = Long.parseLong(args[2]);
    int threads = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (TestConnectionPool pool = new TestConnectionPool(new UrlDataSource(url), threads)) {
      JdbcContactHistory store = JdbcContactHistory.builder(pool).tablePrefix(prefix).build();
      warmUp(pool, prefix);
      out.println("READY");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (!"GO".equals(in.readLine())) {
        throw new IllegalStateException("parent did not say GO");
      }
      for (Map.Entry<String, GateDecider.Result> e : decideAll(store, seed, threads)) {
        out.println(e.getKey() + " " + e.getValue());
      }
      out.println("DONE");
    }
  }

  /**
   * Runs the whole stream once against separate tables ({@code prefix + "warm_"}), so that class
   * loading and compilation do not hand the start of the real race to the other process.
   *
   * @param dataSource the database
   * @param prefix the prefix of the real run
   * @throws Exception if a decision failed
   */
  static void warmUp(javax.sql.DataSource dataSource, String prefix) throws Exception {
    JdbcContactHistory warm =
        JdbcContactHistory.builder(dataSource).tablePrefix(prefix + "warm_").build();
    warm.createSchema();
    decideAll(warm, 7, 2);
  }

  /**
   * Decides every order of the stream, each thread its own shuffle of all orders.
   *
   * @param store the store
   * @param seed the base shuffle seed
   * @param threads the number of threads
   * @return every (order id, result) pair
   * @throws Exception if a thread failed
   */
  static List<Map.Entry<String, GateDecider.Result>> decideAll(
      JdbcContactHistory store, long seed, int threads) throws Exception {
    GateDecider decider = new GateDecider(store);
    List<OrderStream> orders = OrderStream.orders(8, 3, 16);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Map.Entry<String, GateDecider.Result>>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<OrderStream> mine = OrderStream.shuffled(orders, seed + t);
        futures.add(
            executor.submit(
                () -> {
                  List<Map.Entry<String, GateDecider.Result>> results = new ArrayList<>();
                  for (OrderStream o : mine) {
                    results.add(
                        Map.entry(o.orderId(), decider.decide(o)));
                  }
                  return results;
                }));
      }
      List<Map.Entry<String, GateDecider.Result>> all = new ArrayList<>();
      for (Future<List<Map.Entry<String, GateDecider.Result>>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      executor.shutdownNow();
    }
  }
}
