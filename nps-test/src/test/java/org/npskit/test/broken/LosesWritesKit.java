package org.npskit.test.broken;

import java.time.Clock;
import java.time.Duration;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.test.ContactHistoryCompatibilityKit;

/** Says yes to every commit and keeps nothing. */
public final class LosesWritesKit extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    return new ForwardingStore(InMemoryContactHistory.withRetention(Duration.ofDays(400), clock)) {
      @Override
      public boolean commit(CommitRequest commit) {
        return true;
      }
    };
  }
}
