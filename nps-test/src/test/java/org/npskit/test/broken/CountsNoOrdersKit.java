package org.npskit.test.broken;

import java.time.Clock;
import java.time.Duration;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.test.ContactHistoryCompatibilityKit;

/** Never reports the customer's decided orders, as a store written for version 1 of the SPI. */
public final class CountsNoOrdersKit extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    return new ForwardingStore(InMemoryContactHistory.withRetention(Duration.ofDays(400), clock)) {
      @Override
      public HistorySnapshot load(HistoryQuery query) {
        return super.load(new HistoryQuery(query.customerId(), query.accountId(),
            query.orderId(), query.from(), query.to()));
      }
    };
  }
}
