package org.npskit.examples.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a mistyped command, option or column name: the nearest candidate by
 * edit distance, ignoring case. Stateless and thread-safe.
 */
final class Suggest {
  private Suggest() {}

  /**
   * The candidate the user most likely meant: one equal but for case, else the only candidate
   * that starts with the text (at least 3 characters), else the first candidate at the smallest
   * edit distance when that distance is at most a third of the text's length (at least 1).
   *
   * @param wrong what was typed; not null
   * @param candidates the valid names, in the order ties are decided; not null
   * @return the suggestion, or empty when nothing is near enough
   */
  static Optional<String> nearest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    if (w.isEmpty()) {
      return Optional.empty();
    }
    String prefixed = null;
    int prefixes = 0;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (lc.equals(w)) {
        return Optional.of(c);
      }
      if (w.length() >= 3 && lc.startsWith(w)) {
        prefixed = c;
        prefixes++;
      }
      int d = distance(w, lc);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (prefixes == 1) {
      return Optional.of(prefixed);
    }
    return bestDistance <= Math.max(1, w.length() / 3) ? Optional.ofNullable(best)
        : Optional.empty();
  }

  /** Levenshtein distance (insertions, deletions and substitutions of one character). */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
