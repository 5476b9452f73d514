package org.npskit.spring.boot;

import java.time.Instant;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the contact history: UP when the store answers a read (one {@code load} of a probe
 * customer at the epoch), DOWN with the store's error otherwise. Never writes. Thread-safe when
 * the store is.
 */
final class NpskitHealthIndicator extends AbstractHealthIndicator {

  static final String PROBE_ID = "npskit-health-probe";
  private static final HistoryQuery PROBE =
      new HistoryQuery(PROBE_ID, null, PROBE_ID, Instant.EPOCH, Instant.EPOCH);

  private final ContactHistory history;

  NpskitHealthIndicator(ContactHistory history) {
    super("npskit contact history check failed");
    this.history = history;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    history.load(PROBE);
    builder.up().withDetail("store", history.getClass().getSimpleName());
  }
}
