package org.npskit.policy.jdbc;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues the first version token of a new customer or account row: the current time in
 * milliseconds with 20 random bits, and strictly above every token this instance issued before,
 * so a key erased and created again never gets an old token back (every change then adds one).
 *
 * <p>Thread-safe: one instance per store, shared by everything that creates rows.
 */
final class VersionTokens {
  private static final int RANDOM_BITS = 20;

  private final AtomicLong lastIssued = new AtomicLong();

  /**
   * A fresh token for a new row.
   *
   * @return a token above every token this instance issued before
   */
  long next() {
    long candidate =
        (System.currentTimeMillis() << RANDOM_BITS)
            | ThreadLocalRandom.current().nextLong(1L << RANDOM_BITS);
    return lastIssued.accumulateAndGet(
        candidate, (last, next) -> Math.max(last + (1L << RANDOM_BITS), next));
  }
}
