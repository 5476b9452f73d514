package org.npskit.policy.memory;

/**
 * Immutable per-customer state: version token, opt-out flag, surveys and response times (epoch
 * microseconds, ascending).
 */
record CustomerState(long version, boolean optedOut, StoredSurveys surveys, long[] responses) {
  static final CustomerState NEW = new CustomerState(0L, false, StoredSurveys.NONE, new long[0]);

  boolean isEmpty() {
    return !optedOut && surveys.isEmpty() && responses.length == 0;
  }

  CustomerState notBefore(long cutoffMicros) {
    return new CustomerState(
        version, optedOut, surveys.notBefore(cutoffMicros),
        Micros.notBefore(responses, cutoffMicros));
  }

  long newestMicros() {
    long newest = surveys.newestMicros();
    return responses.length == 0 ? newest : Math.max(newest, responses[responses.length - 1]);
  }
}
