package org.npskit.policy.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.npskit.policy.spi.SurveyList;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Immutable, compact list of surveys ordered by time (epoch microseconds). A customer's own list
 * stores no customer ids (the owner is the map key) and a list without accounts no account ids;
 * a single survey of a customer is held in one small object without arrays ({@link One}), which
 * is what most customers have. Shared by customer and account state so neither needs boxed
 * per-survey objects.
 */
abstract class Surveys {
  static final Surveys NONE = new Many(new long[0], new String[0], null, null, new String[0]);

  abstract int size();

  abstract long micros(int i);

  abstract String orderId(int i);

  /** The survey's customer, or null in a customer's own list (the owner). */
  abstract String customerId(int i);

  abstract String accountId(int i);

  abstract String sku(int i);

  /** Whether the list stores customer ids (an account's list). */
  abstract boolean hasCustomers();

  boolean isEmpty() {
    return size() == 0;
  }

  long newestMicros() {
    int n = size();
    return n == 0 ? Long.MIN_VALUE : micros(n - 1);
  }

  /**
   * Returns a copy with the survey inserted in time order (after equal times).
   *
   * @param at the survey time, epoch micros
   * @param customerId the survey's customer in an account's list; null in a customer's own list
   */
  Surveys plus(long at, String orderId, String customerId, String accountId, String sku) {
    int n = size();
    int pos = n;
    while (pos > 0 && micros(pos - 1) > at) {
      pos--;
    }
    Columns c = new Columns(n + 1, customerId != null);
    for (int i = 0; i < n; i++) {
      c.set(i < pos ? i : i + 1, this, i);
    }
    c.set(pos, at, orderId, customerId, accountId, sku);
    return c.build();
  }

  /** Returns the surveys to keep: those for which {@code keep} is true at their index. */
  private Surveys retain(IntPredicate keep) {
    int n = size();
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (keep.test(i)) {
        kept++;
      }
    }
    if (kept == n) {
      return this;
    }
    if (kept == 0) {
      return NONE;
    }
    Columns c = new Columns(kept, hasCustomers());
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (keep.test(i)) {
        c.set(j++, this, i);
      }
    }
    return c.build();
  }

  Surveys withoutOrder(String orderId) {
    return retain(i -> !orderId(i).equals(orderId));
  }

  Surveys withoutCustomer(String customerId) {
    return retain(i -> !Objects.equals(customerId(i), customerId));
  }

  Surveys notBefore(long cutoffMicros) {
    int n = size();
    if (n == 0 || micros(0) >= cutoffMicros) {
      return this;
    }
    return retain(i -> micros(i) >= cutoffMicros);
  }

  /**
   * The surveys with a time in {@code [fromMicros, toMicros]}, as a read-only view (records are
   * built only when read).
   *
   * @param owner the customer of a customer's own list (ignored for account lists)
   */
  List<SurveyRecord> inRange(String owner, long fromMicros, long toMicros) {
    int n = size();
    int lo = 0;
    while (lo < n && micros(lo) < fromMicros) {
      lo++;
    }
    int hi = lo;
    while (hi < n && micros(hi) <= toMicros) {
      hi++;
    }
    return lo == hi ? List.of() : new View(this, owner, lo, hi - lo);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Surveys[");
    for (int i = 0; i < size(); i++) {
      out.append(i == 0 ? "" : ", ").append(orderId(i));
    }
    return out.append(']').toString();
  }

  /** One survey of a customer's own list (index 0 is the only valid index). */
  private static final class One extends Surveys {
    private final long micros;
    private final String orderId;
    private final String accountId;
    private final String sku;

    One(long micros, String orderId, String accountId, String sku) {
      this.micros = micros;
      this.orderId = orderId;
      this.accountId = accountId;
      this.sku = sku;
    }

    @Override
    int size() {
      return 1;
    }

    @Override
    long micros(int i) {
      return micros;
    }

    @Override
    String orderId(int i) {
      return orderId;
    }

    @Override
    String customerId(int i) {
      return null;
    }

    @Override
    String accountId(int i) {
      return accountId;
    }

    @Override
    String sku(int i) {
      return sku;
    }

    @Override
    boolean hasCustomers() {
      return false;
    }
  }

  /** Parallel arrays; {@code customerIds} null in a customer's list, {@code accountIds} null
   * when no survey has an account. */
  private static final class Many extends Surveys {
    private final long[] micros;
    private final String[] orderIds;
    private final String[] customerIds;
    private final String[] accountIds;
    private final String[] skus;

    Many(long[] micros, String[] orderIds, String[] customerIds, String[] accountIds,
        String[] skus) {
      this.micros = micros;
      this.orderIds = orderIds;
      this.customerIds = customerIds;
      this.accountIds = accountIds;
      this.skus = skus;
    }

    @Override
    int size() {
      return micros.length;
    }

    @Override
    long micros(int i) {
      return micros[i];
    }

    @Override
    String orderId(int i) {
      return orderIds[i];
    }

    @Override
    String customerId(int i) {
      return customerIds == null ? null : customerIds[i];
    }

    @Override
    String accountId(int i) {
      return accountIds == null ? null : accountIds[i];
    }

    @Override
    String sku(int i) {
      return skus[i];
    }

    @Override
    boolean hasCustomers() {
      return customerIds != null;
    }
  }

  /** Column buffers for building a list; picks the compact form in {@link #build}. */
  private static final class Columns {
    final long[] micros;
    final String[] orderIds;
    final String[] customerIds;
    final String[] accountIds;
    final String[] skus;
    boolean anyAccount;

    Columns(int n, boolean withCustomers) {
      micros = new long[n];
      orderIds = new String[n];
      customerIds = withCustomers ? new String[n] : null;
      accountIds = new String[n];
      skus = new String[n];
    }

    void set(int j, Surveys from, int i) {
      set(j, from.micros(i), from.orderId(i), from.customerId(i), from.accountId(i),
          from.sku(i));
    }

    void set(int j, long at, String orderId, String customerId, String accountId, String sku) {
      micros[j] = at;
      orderIds[j] = orderId;
      if (customerIds != null) {
        customerIds[j] = customerId;
      }
      accountIds[j] = accountId;
      anyAccount |= accountId != null;
      skus[j] = sku;
    }

    Surveys build() {
      if (micros.length == 1 && customerIds == null) {
        return new One(micros[0], orderIds[0], accountIds[0], skus[0]);
      }
      return new Many(micros, orderIds, customerIds, anyAccount ? accountIds : null, skus);
    }
  }

  /** A read-only range of a list; builds each record when it is read. */
  private static final class View extends SurveyList {
    private final Surveys surveys;
    private final String owner;
    private final int from;
    private final int size;

    View(Surveys surveys, String owner, int from, int size) {
      this.surveys = surveys;
      this.owner = owner;
      this.from = from;
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public SurveyRecord get(int index) {
      int i = from + Objects.checkIndex(index, size);
      String customer = surveys.customerId(i);
      return new SurveyRecord(surveys.orderId(i), customer != null ? customer : owner,
          surveys.accountId(i), surveys.sku(i), Micros.toInstant(surveys.micros(i)));
    }

    @Override
    public Instant at(int index) {
      return Micros.toInstant(surveys.micros(from + Objects.checkIndex(index, size)));
    }
  }
}
