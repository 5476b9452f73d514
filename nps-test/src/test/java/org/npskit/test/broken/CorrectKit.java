package org.npskit.test.broken;

import java.time.Clock;
import java.time.Duration;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.test.ContactHistoryCompatibilityKit;

/** A correct store, to show the launcher set-up itself reports success. */
public final class CorrectKit extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    return InMemoryContactHistory.withRetention(Duration.ofDays(400), clock);
  }
}
