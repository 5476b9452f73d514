package org.npskit.test.broken;

import java.time.Clock;
import java.time.Duration;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.test.ContactHistoryCompatibilityKit;

/** Checks no version: each survey is committed on the versions current just before it, so racing
 * commits on one snapshot all go through. */
public final class IgnoresVersionsKit extends ContactHistoryCompatibilityKit {
  @Override
  protected ContactHistory createStore(Clock clock) {
    ContactHistory inner = InMemoryContactHistory.withRetention(Duration.ofDays(400), clock);
    return new ForwardingStore(inner) {
      @Override
      public boolean commit(CommitRequest commit) {
        if (!commit.isSurvey()) {
          return super.commit(commit);
        }
        HistorySnapshot current = inner.load(new HistoryQuery(commit.customerId(),
            commit.accountId(), commit.orderId(), commit.decidedAt().minus(Duration.ofDays(3650)),
            commit.decidedAt().plus(Duration.ofDays(3650))));
        return super.commit(new CommitRequest(commit.orderId(), commit.customerId(),
            commit.accountId(), commit.decidedAt(), commit.survey(), current.customerVersion(),
            current.accountVersion()));
      }
    };
  }
}
