package org.npskit.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.npskit.policy.spi.SurveyList;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Frequency arithmetic on recorded survey times, on both sides of {@code now} (events arrive out
 * of order). A rule "N per W" allows a survey at s iff, with s added, every N + 1 surveys that
 * include s span at least W. A cooldown C is the rule "1 per C": every other survey at t blocks
 * the open interval (t - C, t + C).
 *
 * <p>Works on a sorted array of times and treats the candidate as inserted at its place, so a
 * check allocates nothing; spans are compared exactly (seconds and nanoseconds) without building
 * {@link Duration}s.
 */
final class FrequencyWindows {
  private static final Instant[] NONE = new Instant[0];

  private FrequencyWindows() {}

  /**
   * The times of the surveys, ascending (sorted here if the list is not in time order).
   *
   * @param surveys the surveys, any order
   * @return a new array of their times, ascending
   */
  static Instant[] sortedTimes(List<SurveyRecord> surveys) {
    int n = surveys.size();
    if (n == 0) {
      return NONE;
    }
    SurveyList view = surveys instanceof SurveyList list ? list : null;
    Instant[] times = new Instant[n];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      times[i] = view != null ? view.at(i) : surveys.get(i).at();
      if (i > 0 && times[i].isBefore(times[i - 1])) {
        sorted = false;
      }
    }
    if (!sorted) {
      Arrays.sort(times);
    }
    return times;
  }

  /**
   * Whether a survey at {@code s} is allowed.
   *
   * @param sorted the recorded survey times, ascending
   * @param s the candidate time
   * @param n the maximum count per window
   * @param window the window; zero never blocks
   * @return true if allowed
   */
  static boolean allows(Instant[] sorted, Instant s, int n, Duration window) {
    if (window.isZero()) {
      return true;
    }
    int k = 0;
    while (k < sorted.length && !sorted[k].isAfter(s)) {
      k++;
    }
    // The times with s inserted at index k have sorted.length + 1 elements.
    int size = sorted.length + 1;
    for (int j = Math.max(0, k - n); j <= k && j + n < size; j++) {
      if (spanBelow(at(sorted, s, k, j), at(sorted, s, k, j + n), window)) {
        return false;
      }
    }
    return true;
  }

  /**
   * When the rule blocks a survey at {@code now}: the earliest instant at or after {@code now}
   * at which it would allow one, given the recorded surveys.
   *
   * @param sorted the recorded survey times, ascending
   * @param now the decision time
   * @param n the maximum count per window
   * @param window the window
   * @return null if a survey at {@code now} is allowed, else the release instant
   */
  static Instant blockedUntil(Instant[] sorted, Instant now, int n, Duration window) {
    if (allows(sorted, now, n, window)) {
      return null;
    }
    // Candidates t + window after now, ascending (the times are), so the first allowed one is
    // the earliest release.
    Instant last = null;
    for (Instant t : sorted) {
      Instant c = t.plus(window);
      if (c.isAfter(now) && !c.equals(last)) {
        if (allows(sorted, c, n, window)) {
          return c;
        }
        last = c;
      }
    }
    // Unreachable: after the latest t + window every window including s spans at least window.
    return last == null ? now : last;
  }

  /** Element {@code i} of the sorted times with {@code s} inserted at index {@code k}. */
  private static Instant at(Instant[] sorted, Instant s, int k, int i) {
    return i < k ? sorted[i] : i == k ? s : sorted[i - 1];
  }

  /** {@code Duration.between(a, b).compareTo(window) < 0}, without allocating. */
  private static boolean spanBelow(Instant a, Instant b, Duration window) {
    long seconds = b.getEpochSecond() - a.getEpochSecond();
    int nanos = b.getNano() - a.getNano();
    if (nanos < 0) {
      nanos += 1_000_000_000;
      seconds--;
    }
    int bySeconds = Long.compare(seconds, window.getSeconds());
    return bySeconds < 0 || (bySeconds == 0 && nanos < window.getNano());
  }
}
