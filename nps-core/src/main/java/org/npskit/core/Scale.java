package org.npskit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A score scale: the standard 0-10 scale or the 1-10 scale (same category breaks, 0 invalid).
 *
 * <p>Immutable and thread-safe.
 */
public enum Scale {
  /** Scores 0 to 10, the standard NPS question. */
  ZERO_TO_TEN(0, "0-10"),
  /** Scores 1 to 10, as in some retail surveys; 0 is invalid. */
  ONE_TO_TEN(1, "1-10");

  private final int min;
  private final String label;

  Scale(int min, String label) {
    this.min = min;
    this.label = label;
  }

  /**
   * The lowest valid score.
   *
   * @return 0 or 1
   */
  public int min() {
    return min;
  }

  /**
   * The highest valid score.
   *
   * @return always 10
   */
  public int max() {
    return 10;
  }

  /**
   * The label used on the command line and in files.
   *
   * @return "0-10" or "1-10"
   */
  public String label() {
    return label;
  }

  /**
   * Whether a score is on this scale.
   *
   * @param score any int
   * @return true if min() &lt;= score &lt;= 10
   */
  public boolean contains(int score) {
    return score >= min && score <= 10;
  }

  /**
   * Validates a score.
   *
   * @param score the score
   * @return the score, for chaining
   * @throws IllegalArgumentException naming the score and the scale if it is outside the scale
   */
  public int validate(int score) {
    if (!contains(score)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "score must be in %d..10 (scale %s), was %d", min, label, score));
    }
    return score;
  }

  /**
   * Parses "0-10" or "1-10" (surrounding blanks ignored).
   *
   * @param text the label
   * @return the scale
   * @throws NullPointerException if text is null
   * @throws IllegalArgumentException if the text is neither label
   */
  public static Scale parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    for (Scale s : values()) {
      if (s.label.equals(t)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "scale must be \"0-10\" or \"1-10\", was \"%s\"", text));
  }
}
