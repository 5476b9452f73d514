package org.npskit.policy.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Frequency arithmetic on recorded survey times, on both sides of {@code now} (events arrive out
 * of order). A rule "N per W" allows a survey at s iff, with s added, every N + 1 surveys that
 * include s span at least W. A cooldown C is the rule "1 per C": every other survey at t blocks
 * the open interval (t - C, t + C).
 */
public final class Windows {
  private Windows() {}

  /**
   * Whether a survey at {@code s} is allowed.
   *
   * @param times the recorded survey times, any order
   * @param s the candidate time
   * @param n the maximum count per window
   * @param window the window; zero never blocks
   * @return true if allowed
   */
  public static boolean allows(List<Instant> times, Instant s, int n, Duration window) {
    if (window.isZero()) {
      return true;
    }
    List<Instant> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int k = 0;
    while (k < sorted.size() && !sorted.get(k).isAfter(s)) {
      k++;
    }
    sorted.add(k, s);
    for (int j = Math.max(0, k - n); j <= k && j + n < sorted.size(); j++) {
      if (Duration.between(sorted.get(j), sorted.get(j + n)).compareTo(window) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * When the rule blocks a survey at {@code now}: the earliest instant at or after {@code now}
   * at which it would allow one, given the recorded surveys.
   *
   * @param times the recorded survey times
   * @param now the decision time
   * @param n the maximum count per window
   * @param window the window
   * @return empty if a survey at {@code now} is allowed, else the release instant
   */
  public static Optional<Instant> blockedUntil(
      List<Instant> times, Instant now, int n, Duration window) {
    if (allows(times, now, n, window)) {
      return Optional.empty();
    }
    TreeSet<Instant> candidates = new TreeSet<>();
    for (Instant t : times) {
      Instant c = t.plus(window);
      if (c.isAfter(now)) {
        candidates.add(c);
      }
    }
    for (Instant c : candidates) {
      if (allows(times, c, n, window)) {
        return Optional.of(c);
      }
    }
    // Unreachable: after the latest t + window every window including s spans at least window.
    return Optional.of(candidates.isEmpty() ? now : candidates.last());
  }
}
