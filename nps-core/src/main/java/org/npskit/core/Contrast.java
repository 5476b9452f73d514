package org.npskit.core;

import java.util.Locale;
import java.util.Objects;
import org.npskit.core.internal.Checks;

/**
 * One comparison of a family, with its multiplicity-adjusted p-value: a segment against the rest
 * of its breakdown, or a period against the previous one (see {@link Contrasts}).
 *
 * <p>{@link #comparison()} carries the signed difference A - B, its standard error, z, the raw
 * two-sided p-value and the interval, exactly as {@link Comparison} defines them;
 * {@link #adjustedPValue()} is the p-value after the family's {@link PValueAdjustment}.
 * Immutable and thread-safe when the key is; no component is null.
 *
 * @param <K> the key type
 * @param key the key of the cell compared (A): a segment, or a period's first day
 * @param comparison the comparison of the cell (A) with its reference (B)
 * @param adjustedPValue the adjusted p-value, between the raw p-value and 1
 */
public record Contrast<K>(K key, Comparison comparison, double adjustedPValue) {
  /**
   * Validates the contrast.
   *
   * @param key see the record component
   * @param comparison see the record component
   * @param adjustedPValue see the record component
   * @throws NullPointerException if key or comparison is null
   * @throws IllegalArgumentException if adjustedPValue is NaN, below the raw p-value or above 1
   */
  public Contrast {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(comparison, "comparison");
    double raw = comparison.pValue();
    if (!(adjustedPValue >= raw && adjustedPValue <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "adjustedPValue must be in [pValue, 1] = [%s, 1], was %s",
              raw,
              adjustedPValue));
    }
  }

  /**
   * The raw two-sided p-value of the comparison.
   *
   * @return {@code comparison().pValue()}
   */
  public double pValue() {
    return comparison.pValue();
  }

  /**
   * Whether the difference is significant after adjustment: adjustedPValue &lt; 1 - confidence.
   *
   * @param confidence the confidence level in (0, 1), e.g. 0.95
   * @return true if the adjusted p-value is below 1 - confidence
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   */
  public boolean isSignificant(double confidence) {
    return adjustedPValue < 1.0 - Checks.confidence(confidence);
  }
}
