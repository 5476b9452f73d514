package org.npskit.policy.memory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as epoch microseconds, the precision the SPI guarantees. */
final class Micros {
  private Micros() {}

  /**
   * Epoch microseconds (finer precision truncated towards the past), saturated at the long range
   * (about 292,000 years around 1970). Not {@code ChronoUnit.MICROS.between}: that counts
   * nanoseconds in a long and overflows beyond 292 years (after 2262).
   */
  static long of(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
          instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant toInstant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  static long[] insertSorted(long[] values, long value) {
    int pos = values.length;
    while (pos > 0 && values[pos - 1] > value) {
      pos--;
    }
    long[] out = new long[values.length + 1];
    System.arraycopy(values, 0, out, 0, pos);
    out[pos] = value;
    System.arraycopy(values, pos, out, pos + 1, values.length - pos);
    return out;
  }

  static long[] notBefore(long[] values, long cutoff) {
    int i = 0;
    while (i < values.length && values[i] < cutoff) {
      i++;
    }
    return i == 0 ? values : java.util.Arrays.copyOfRange(values, i, values.length);
  }
}
