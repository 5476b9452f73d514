package org.npskit.policy.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Immutable, compact list of surveys as parallel arrays ordered by time (epoch microseconds).
 * Shared by customer and account state so neither needs boxed per-survey objects.
 */
final class Surveys {
  static final Surveys NONE = new Surveys(new long[0], new String[0], new String[0],
      new String[0], new String[0]);

  private final long[] micros;
  private final String[] orderIds;
  private final String[] customerIds;
  private final String[] accountIds;
  private final String[] skus;

  private Surveys(
      long[] micros, String[] orderIds, String[] customerIds, String[] accountIds, String[] skus) {
    this.micros = micros;
    this.orderIds = orderIds;
    this.customerIds = customerIds;
    this.accountIds = accountIds;
    this.skus = skus;
  }

  int size() {
    return micros.length;
  }

  boolean isEmpty() {
    return micros.length == 0;
  }

  long newestMicros() {
    return micros.length == 0 ? Long.MIN_VALUE : micros[micros.length - 1];
  }

  /** Returns a copy with the survey inserted in time order (after equal times). */
  Surveys plus(SurveyRecord survey) {
    long at = Micros.of(survey.at());
    int n = micros.length;
    int pos = n;
    while (pos > 0 && micros[pos - 1] > at) {
      pos--;
    }
    long[] m = new long[n + 1];
    String[] o = new String[n + 1];
    String[] c = new String[n + 1];
    String[] a = new String[n + 1];
    String[] s = new String[n + 1];
    copyAround(micros, m, pos, n);
    copyAround(orderIds, o, pos, n);
    copyAround(customerIds, c, pos, n);
    copyAround(accountIds, a, pos, n);
    copyAround(skus, s, pos, n);
    m[pos] = at;
    o[pos] = survey.orderId();
    c[pos] = survey.customerId();
    a[pos] = survey.accountId();
    s[pos] = survey.sku();
    return new Surveys(m, o, c, a, s);
  }

  /** Copies {@code n} elements of {@code source} into {@code target}, leaving a gap at pos. */
  private static void copyAround(Object source, Object target, int pos, int n) {
    System.arraycopy(source, 0, target, 0, pos);
    System.arraycopy(source, pos, target, pos + 1, n - pos);
  }

  /** Returns the surveys to keep: those for which {@code keep} is true at their index. */
  private Surveys retain(IntPredicate keep) {
    int n = micros.length;
    int kept = 0;
    boolean[] flags = new boolean[n];
    for (int i = 0; i < n; i++) {
      flags[i] = keep.test(i);
      if (flags[i]) {
        kept++;
      }
    }
    if (kept == n) {
      return this;
    }
    if (kept == 0) {
      return NONE;
    }
    long[] m = new long[kept];
    String[] o = new String[kept];
    String[] c = new String[kept];
    String[] a = new String[kept];
    String[] s = new String[kept];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (flags[i]) {
        m[j] = micros[i];
        o[j] = orderIds[i];
        c[j] = customerIds[i];
        a[j] = accountIds[i];
        s[j] = skus[i];
        j++;
      }
    }
    return new Surveys(m, o, c, a, s);
  }

  Surveys withoutOrder(String orderId) {
    return retain(i -> !orderIds[i].equals(orderId));
  }

  Surveys withoutCustomer(String customerId) {
    return retain(i -> !customerIds[i].equals(customerId));
  }

  Surveys notBefore(long cutoffMicros) {
    return retain(i -> micros[i] >= cutoffMicros);
  }

  List<SurveyRecord> inRange(long fromMicros, long toMicros) {
    List<SurveyRecord> out = new ArrayList<>();
    for (int i = 0; i < micros.length; i++) {
      if (micros[i] >= fromMicros && micros[i] <= toMicros) {
        out.add(
            new SurveyRecord(
                orderIds[i], customerIds[i], accountIds[i], skus[i], Micros.toInstant(micros[i])));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Surveys" + Arrays.toString(orderIds);
  }
}
