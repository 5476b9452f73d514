package org.npskit.policy.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ContactHistoryContract;

/** The differential test's oracle meets the same store contract as the stores it checks. */
class ReferenceContactHistoryTest extends ContactHistoryContract {
  @Override
  protected ContactHistory newStore() {
    return new ReferenceContactHistory(
        Duration.ofDays(400), Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
  }
}
