package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npskit.policy.internal.Checks;

/** Reason messages show instants through {@link Checks#instantText}: it must equal toString. */
class InstantTextTest {
  private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  @Test
  void equalsToStringAtTheEdgesAndForEveryFractionShape() {
    long[] seconds = {
      0, 1, 59, 60, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 1_767_225_600L,
      4_107_542_400L /* 2100-03-01 */, MAX_SECOND, MAX_SECOND + 1, -1, -86_401,
      Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()
    };
    int[] nanos = {0, 1, 999, 1000, 1_000_000, 120_000_000, 123_456_000, 123_456_789, 999_999_999};
    for (long s : seconds) {
      for (int n : nanos) {
        Instant instant = Instant.ofEpochSecond(s, n);
        assertThat(Checks.instantText(instant)).isEqualTo(instant.toString());
      }
    }
  }

  @Test
  void equalsToStringForRandomInstants() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      long s = random.nextLong(-MAX_SECOND, 2 * MAX_SECOND);
      int shape = random.nextInt(4);
      int n = shape == 0 ? 0 : shape == 1 ? random.nextInt(1000) * 1_000_000
          : shape == 2 ? random.nextInt(1_000_000) * 1000 : random.nextInt(1_000_000_000);
      Instant instant = Instant.ofEpochSecond(s, n);
      assertThat(Checks.instantText(instant)).isEqualTo(instant.toString());
    }
  }
}
