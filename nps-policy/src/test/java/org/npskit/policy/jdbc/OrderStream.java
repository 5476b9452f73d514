package org.npskit.policy.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.SurveyRecord;

/**
 * A deterministic stream of orders for concurrency tests: {@code customers} customers, each with
 * {@code perCluster} orders in each of {@code clusters} time clusters. A cluster spans ten days and
 * clusters start 200 days apart, so with a 90-day cooldown exactly one survey per customer and
 * cluster is allowed, whatever the order of processing.
 *
 * @param orderId the order id
 * @param customerId the customer
 * @param cluster the time cluster index
 * @param at the event time
 */
record OrderStream(String orderId, String customerId, int cluster, Instant at) {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration COOLDOWN = Duration.ofDays(90);

  static List<OrderStream> orders(int customers, int clusters, int perCluster) {
    List<OrderStream> orders = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      for (int k = 0; k < clusters; k++) {
        for (int i = 0; i < perCluster; i++) {
          Instant at =
              START
                  .plus(Duration.ofDays(200L * k))
                  .plus(Duration.ofMinutes((long) i * 10 * 24 * 60 / perCluster));
          orders.add(new OrderStream("O-" + c + "-" + k + "-" + i, "C" + c, k, at));
        }
      }
    }
    return List.copyOf(orders);
  }

  /**
   * Every survey the store holds for the customer over the whole stream's time span.
   *
   * @param store the store
   * @param customer the customer id
   * @return the stored surveys, by time
   */
  static List<SurveyRecord> storedSurveys(ContactHistory store, String customer) {
    return store
        .load(
            new HistoryQuery(
                customer,
                null,
                "none",
                START.minus(Duration.ofDays(1)),
                START.plus(Duration.ofDays(2_000))))
        .customerSurveys();
  }

  static List<OrderStream> shuffled(List<OrderStream> orders, long seed) {
    List<OrderStream> copy = new ArrayList<>(orders);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }
}
