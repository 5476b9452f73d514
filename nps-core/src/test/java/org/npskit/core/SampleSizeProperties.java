package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SampleSizeProperties {
  /**
   * Planning for the margin of error that n worst-case responses give returns n itself: the
   * floating noise of z^2 V / E^2 just above the integer n does not cost an extra response.
   */
  @Property(tries = 300)
  void theMarginOfNWorstCaseResponsesPlansExactlyN(
      @ForAll @IntRange(min = 1, max = 200_000) int half) {
    long n = 2L * half;
    double margin = new NpsResult(half, 0, half).marginOfError(0.95);
    assertThat(SampleSize.forMarginOfError(margin, 0.95).wald()).isEqualTo(n);
  }

  @Example
  void aMarginJustAboveAnIntegerSizeIsNotRoundedUp() {
    // 100 z / 11 with z = 1.959963984540054: z^2 / (E/100)^2 evaluates to 121.00000000000001
    assertThat(SampleSize.forMarginOfError(17.81785440490958, 0.95).wald()).isEqualTo(121);
    // while a real excess over an integer still needs one more response
    assertThat(SampleSize.forMarginOfError(17.8, 0.95).wald()).isEqualTo(122);
  }

  @Example
  void theSmallestEstimateIsOneResponse() {
    assertThat(new SampleSizeEstimate(1, 1).wald()).isEqualTo(1);
    assertThat(SampleSize.forMarginOfError(99, 0.5, 1.0, 0.0)).isEqualTo(new SampleSizeEstimate(1, 1));
    assertThatThrownBy(() -> new SampleSizeEstimate(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample sizes must be >= 1, were wald=0, adjustedWald=1");
    assertThatThrownBy(() -> new SampleSizeEstimate(1, 0))
        .hasMessage("sample sizes must be >= 1, were wald=1, adjustedWald=0");
  }
}
