package org.npskit.spring.boot;

import org.npskit.policy.spi.ContactHistory;

/**
 * A listener that also times decisions: it wraps the gate's store to see where a decision starts.
 * Free of Micrometer types, so the gate's configuration loads without Micrometer.
 */
interface HistoryTiming {

  /**
   * The store the gate should use.
   *
   * @param history the configured store; not null
   * @return a store that delegates every call to {@code history}
   */
  ContactHistory timed(ContactHistory history);
}
