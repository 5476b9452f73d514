package org.npskit.test.broken;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.test.ContactHistoryCompatibilityKit;

/** Serves every customer's first snapshot forever (a cache that is never invalidated). */
public final class ServesStaleSnapshotsKit extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    Map<String, HistorySnapshot> cache = new ConcurrentHashMap<>();
    return new ForwardingStore(InMemoryContactHistory.withRetention(Duration.ofDays(400), clock)) {
      @Override
      public HistorySnapshot load(HistoryQuery query) {
        return cache.computeIfAbsent(
            query.customerId() + "|" + query.orderId(), k -> super.load(query));
      }
    };
  }
}
