package org.npskit.test;

import java.time.Clock;
import java.time.Duration;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;

/** npskit's in-memory store through the compatibility kit, as a store implementer would run it. */
class InMemoryContactHistoryCompatibilityTest extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    return InMemoryContactHistory.withRetention(Duration.ofDays(400), clock);
  }
}
