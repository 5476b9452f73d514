package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.npskit.policy.jdbc.GateDecider.Result;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.SurveyRecord;

/** Checks the outcome of deciding an {@link OrderStream} concurrently, from results and store. */
final class DecisionTally {
  private DecisionTally() {}

  /**
   * Asserts exactly one survey per customer and cluster (in the reported results and in the
   * store), no order surveyed twice, and every order decided exactly once (the rest duplicates).
   *
   * @param orders the distinct orders of the stream
   * @param results every (order id, result) pair reported, from every thread and process
   * @param store the store to read back
   */
  static void assertExactlyAllowed(
      List<OrderStream> orders, List<Map.Entry<String, Result>> results, ContactHistory store) {
    Map<String, OrderStream> byId =
        orders.stream().collect(Collectors.toMap(OrderStream::orderId, o -> o));
    Map<String, Long> surveysPerOrder =
        results.stream()
            .filter(e -> e.getValue() == Result.SURVEY)
            .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
    assertThat(surveysPerOrder.values()).allMatch(n -> n == 1);
    Map<String, Long> decidedPerOrder =
        results.stream()
            .filter(e -> e.getValue() == Result.SURVEY || e.getValue() == Result.SKIP)
            .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
    assertThat(decidedPerOrder.keySet())
        .as("every order decided exactly once")
        .isEqualTo(results.stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
    assertThat(decidedPerOrder.values()).allMatch(n -> n == 1);
    assertThat(results).noneMatch(e -> e.getValue() == Result.UNAVAILABLE);

    Map<String, Long> reportedPerCell = new HashMap<>();
    surveysPerOrder.keySet().forEach(id -> reportedPerCell.merge(cell(byId.get(id)), 1L, Long::sum));
    Set<String> cells = orders.stream().map(DecisionTally::cell).collect(Collectors.toSet());
    assertThat(reportedPerCell.keySet()).isEqualTo(cells);
    assertThat(reportedPerCell.values()).allMatch(n -> n == 1);

    Map<String, Long> storedPerCell = new HashMap<>();
    for (String customer : orders.stream().map(OrderStream::customerId).distinct().toList()) {
      List<SurveyRecord> stored =
OrderStream.storedSurveys(store, customer);
      stored.forEach(s -> storedPerCell.merge(cell(byId.get(s.orderId())), 1L, Long::sum));
      assertThat(stored)
          .extracting(SurveyRecord::orderId)
          .allMatch(surveysPerOrder::containsKey);
    }
    assertThat(storedPerCell).isEqualTo(reportedPerCell);
  }

  private static String cell(OrderStream order) {
    return order.customerId() + "/" + order.cluster();
  }
}
