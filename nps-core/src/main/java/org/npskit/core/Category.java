package org.npskit.core;

import java.util.Locale;

/**
 * The NPS category of a score: detractor (0-6), passive (7-8) or promoter (9-10).
 *
 * <p>The same breaks apply to the 0-10 and the 1-10 scale.
 *
 * <p>Immutable (an enum) and thread-safe.
 */
public enum Category {
  /** Scores 0 to 6. */
  DETRACTOR,
  /** Scores 7 and 8. */
  PASSIVE,
  /** Scores 9 and 10. */
  PROMOTER;

  /**
   * Returns the category of a score on the 0-10 scale.
   *
   * @param score the score, 0 to 10
   * @return its category
   * @throws IllegalArgumentException if the score is outside 0..10
   */
  public static Category of(int score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "score must be in 0..10, was %d", score));
    }
    if (score >= 9) {
      return PROMOTER;
    }
    return score >= 7 ? PASSIVE : DETRACTOR;
  }
}
