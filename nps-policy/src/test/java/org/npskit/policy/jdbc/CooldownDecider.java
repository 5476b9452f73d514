package org.npskit.policy.jdbc;

import java.time.Duration;
import java.time.Instant;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryCommit;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The gate's optimistic loop reduced to one rule, for store-level tests: a survey at time t blocks
 * every other survey to the customer in the open interval (t - cooldown, t + cooldown). Loads a
 * snapshot, evaluates, commits; on a conflict reloads and decides again (bounded).
 */
final class CooldownDecider {

  /** What happened to one order. */
  enum Result {
    SURVEY,
    SKIP,
    DUPLICATE,
    UNAVAILABLE
  }

  private static final int MAX_ATTEMPTS = 1_000;

  private final ContactHistory store;
  private final Duration cooldown;

  CooldownDecider(ContactHistory store, Duration cooldown) {
    this.store = store;
    this.cooldown = cooldown;
  }

  Result decide(String orderId, String customerId, Instant now) {
    try {
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        HistorySnapshot snapshot =
            store.load(
                new HistoryQuery(customerId, null, orderId, now.minus(cooldown), now.plus(cooldown)));
        if (snapshot.orderDecided()) {
          return Result.DUPLICATE;
        }
        boolean blocked =
            snapshot.customerSurveys().stream()
                .anyMatch(
                    s -> s.at().isAfter(now.minus(cooldown)) && s.at().isBefore(now.plus(cooldown)));
        HistoryCommit commit =
            blocked
                ? HistoryCommit.skip(orderId, customerId, null, now)
                : HistoryCommit.survey(
                    new SurveyRecord(orderId, customerId, null, "SKU-" + orderId, now), snapshot);
        if (store.commit(commit)) {
          return blocked ? Result.SKIP : Result.SURVEY;
        }
      }
      throw new IllegalStateException("no commit for " + orderId + " after " + MAX_ATTEMPTS);
    } catch (HistoryUnavailableException e) {
      return Result.UNAVAILABLE;
    }
  }
}
