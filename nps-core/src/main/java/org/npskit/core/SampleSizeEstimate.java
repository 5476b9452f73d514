package org.npskit.core;

import java.util.Locale;

/**
 * Required sample sizes for a target margin of error, by the Wald and adjusted Wald formulas.
 *
 * <p>Immutable and thread-safe.
 *
 * @param wald n required by the Wald formula, &gt;= 1
 * @param adjustedWald n required by the adjusted Wald formula, &gt;= 1
 */
public record SampleSizeEstimate(long wald, long adjustedWald) {
  /**
   * Validates the sizes.
   *
   * @param wald see the record component
   * @param adjustedWald see the record component
   * @throws IllegalArgumentException if a size is below 1
   */
  public SampleSizeEstimate {
    if (wald < 1 || adjustedWald < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "sample sizes must be >= 1, were wald=%d, adjustedWald=%d",
              wald,
              adjustedWald));
    }
  }
}
