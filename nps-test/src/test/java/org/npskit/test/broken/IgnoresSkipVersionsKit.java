package org.npskit.test.broken;

import java.time.Clock;
import java.time.Duration;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.test.ContactHistoryCompatibilityKit;

/**
 * Commits a version-checked skip as a plain one: a survey decided on a count of the customer's
 * orders that misses a racing skip goes through, and the racing skips all do.
 */
public final class IgnoresSkipVersionsKit extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    return new ForwardingStore(InMemoryContactHistory.withRetention(Duration.ofDays(400), clock)) {
      @Override
      public boolean commit(CommitRequest commit) {
        return super.commit(commit.isSurvey() ? commit : CommitRequest.skip(commit.orderId(),
            commit.customerId(), commit.accountId(), commit.decidedAt()));
      }
    };
  }
}
