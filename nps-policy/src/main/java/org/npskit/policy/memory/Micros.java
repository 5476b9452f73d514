package org.npskit.policy.memory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as epoch microseconds, the precision the SPI guarantees. */
final class Micros {
  private Micros() {}

  static long of(Instant instant) {
    // ChronoUnit.MICROS.between(Instant.EPOCH, instant), without the temporal indirection.
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
        instant.getNano() / 1000);
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
