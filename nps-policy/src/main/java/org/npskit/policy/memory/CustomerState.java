package org.npskit.policy.memory;

/**
 * Immutable per-customer state: version token, opt-out flag, surveys, response times and the
 * decision times of the customer's decided orders (both epoch microseconds, ascending; one
 * decision time per decided order id the store holds, SURVEY or SKIP, cancelled surveys too).
 */
record CustomerState(
    long version, boolean optedOut, StoredSurveys surveys, long[] responses, long[] orders) {
  static final long[] NO_TIMES = new long[0];
  static final CustomerState NEW =
      new CustomerState(0L, false, StoredSurveys.NONE, NO_TIMES, NO_TIMES);

  boolean isEmpty() {
    return !optedOut && surveys.isEmpty() && responses.length == 0 && orders.length == 0;
  }

  /** Without anything before the cut-off, decided orders included (a purge). */
  CustomerState notBefore(long cutoffMicros) {
    return new CustomerState(
        version, optedOut, surveys.notBefore(cutoffMicros),
        Micros.notBefore(responses, cutoffMicros), Micros.notBefore(orders, cutoffMicros));
  }

  /**
   * Without surveys and responses before the cut-off (the trim of a write); the decided orders
   * stay as long as their order ids (until a purge or sweep).
   */
  CustomerState trimmed(long cutoffMicros) {
    return new CustomerState(
        version, optedOut, surveys.notBefore(cutoffMicros),
        Micros.notBefore(responses, cutoffMicros), orders);
  }

  /** The newest survey or response time (what a trim counts back from). */
  long newestMicros() {
    long newest = surveys.newestMicros();
    return responses.length == 0 ? newest : Math.max(newest, responses[responses.length - 1]);
  }
}
