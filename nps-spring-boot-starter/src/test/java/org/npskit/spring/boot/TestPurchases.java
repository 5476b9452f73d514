package org.npskit.spring.boot;

import java.time.Instant;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;

/** Purchases for the starter's tests. */
final class TestPurchases {

  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  private TestPurchases() {}

  static Purchase tv(String orderId, String customerId) {
    return Purchase.builder(orderId, customerId)
        .orderedAt(T0)
        .consent(true)
        .line(OrderLine.of("TV-1", "tv/lcd", Money.of("500", "EUR"), 1))
        .build();
  }
}
