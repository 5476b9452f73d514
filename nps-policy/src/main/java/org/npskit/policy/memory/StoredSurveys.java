package org.npskit.policy.memory;

import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The surveys the store keeps for one customer or one account: an immutable list in time order
 * (epoch microseconds), equal times in the order they were added. Every change returns a new
 * list. A snapshot gets {@link #inRange}, a {@link SurveysInRange} view of it.
 *
 * <p>Immutable (all fields final, arrays never written after construction), so a reader without
 * the store's lock that sees a list sees all of it.
 */
abstract class StoredSurveys {
  /*
   * Design notes.
   *
   * Two forms, chosen by the factories (callers never pick one): Single, the one survey of a
   * customer in fields (no arrays: 48 bytes, with a packable order id kept packed as the row
   * keeps it), and Columns, parallel arrays for anything else. A customer's own list stores no
   * customer ids (the owner is known to whoever asks and passed to inRange); an account's list
   * stores each survey's customer. A Columns list without any account stores no account array.
   *
   * Single exists because most customers the store keeps out of their row have exactly one
   * survey (a customer with a recorded response, or whose order id does not pack): as Columns
   * that survey would cost four small arrays, about 100 bytes more. The store also wraps the one
   * survey held inline in a customer's row in a transient Single to hand it to a snapshot or to
   * turn the row into a CustomerState, so both paths read a row the same way.
   */

  /** The empty list. */
  static final StoredSurveys NONE = new Columns(new long[0], new String[0], null, null, new String[0]);

  /** For the two forms below. */
  private StoredSurveys() {}

  /**
   * A customer's list holding one survey whose order id is given packed.
   *
   * @param orderHead the order id's {@link PackedId#head}; not {@link PackedId#NOT_PACKABLE}
   */
  static StoredSurveys single(
      long micros, long orderHead, long orderTail, String accountId, String sku) {
    return new Single(micros, orderHead, orderTail, null, accountId, sku);
  }

  abstract int size();

  /** The time of survey {@code i}, epoch microseconds. */
  abstract long micros(int i);

  abstract String orderId(int i);

  /** The {@link PackedId#head} of survey {@code i}'s order id. */
  long orderHead(int i) {
    return PackedId.head(orderId(i));
  }

  /** The {@link PackedId#tail} of survey {@code i}'s order id, if its head is packable. */
  long orderTail(int i) {
    return PackedId.tail(orderId(i));
  }

  /** The survey's customer, or null in a customer's own list (the owner). */
  abstract String customerId(int i);

  abstract String accountId(int i);

  abstract String sku(int i);

  /** Whether the list stores customer ids (an account's list). */
  abstract boolean hasCustomers();

  final boolean isEmpty() {
    return size() == 0;
  }

  /** The time of the newest survey, or {@code Long.MIN_VALUE} for an empty list. */
  final long newestMicros() {
    int n = size();
    return n == 0 ? Long.MIN_VALUE : micros(n - 1);
  }

  /**
   * A copy with the survey inserted in time order (after equal times).
   *
   * @param at the survey time, epoch micros
   * @param customerId the survey's customer in an account's list; null in a customer's own list
   */
  final StoredSurveys plus(
      long at, String orderId, String customerId, String accountId, String sku) {
    int n = size();
    int pos = n;
    while (pos > 0 && micros(pos - 1) > at) {
      pos--;
    }
    if (n == 0 && customerId == null) {
      return of(at, orderId, accountId, sku);
    }
    Builder b = new Builder(n + 1, customerId != null);
    for (int i = 0; i < n; i++) {
      b.copy(i < pos ? i : i + 1, this, i);
    }
    b.set(pos, at, orderId, customerId, accountId, sku);
    return b.build();
  }

  /** The list without the survey of the order (this list if it has none). */
  final StoredSurveys withoutOrder(String orderId) {
    return retain(i -> !orderId(i).equals(orderId));
  }

  /** The list without the customer's surveys (this list if it has none). */
  final StoredSurveys withoutCustomer(String customerId) {
    return retain(i -> !Objects.equals(customerId(i), customerId));
  }

  /** The list without surveys before the cut-off (this list if it has none). */
  final StoredSurveys notBefore(long cutoffMicros) {
    int n = size();
    if (n == 0 || micros(0) >= cutoffMicros) {
      return this;
    }
    return retain(i -> micros(i) >= cutoffMicros);
  }

  /**
   * The surveys with a time in {@code [fromMicros, toMicros]}, as an immutable view for a
   * snapshot (records are built only when read).
   *
   * @param owner the customer of a customer's own list (ignored for an account's list)
   */
  final List<SurveyRecord> inRange(String owner, long fromMicros, long toMicros) {
    int n = size();
    int lo = 0;
    while (lo < n && micros(lo) < fromMicros) {
      lo++;
    }
    int hi = lo;
    while (hi < n && micros(hi) <= toMicros) {
      hi++;
    }
    return lo == hi ? List.of() : new SurveysInRange(this, owner, lo, hi - lo);
  }

  /** The surveys for which {@code keep} is true at their index (this list if all are). */
  private StoredSurveys retain(IntPredicate keep) {
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
    Builder b = new Builder(kept, hasCustomers());
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (keep.test(i)) {
        b.copy(j++, this, i);
      }
    }
    return b.build();
  }

  /** A customer's list of one survey. */
  private static StoredSurveys of(long at, String orderId, String accountId, String sku) {
    long head = PackedId.head(orderId);
    return head == PackedId.NOT_PACKABLE
        ? new Single(at, 0L, 0L, orderId, accountId, sku)
        : new Single(at, head, PackedId.tail(orderId), null, accountId, sku);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("StoredSurveys[");
    for (int i = 0; i < size(); i++) {
      out.append(i == 0 ? "" : ", ").append(orderId(i));
    }
    return out.append(']').toString();
  }

  /** One survey of a customer's own list, in fields; the order id packed when it packs. */
  private static final class Single extends StoredSurveys {
    private final long micros;
    private final long orderHead;
    private final long orderTail;
    /** The order id when it does not pack, else null. */
    private final String orderString;
    private final String accountId;
    private final String sku;

    Single(long micros, long orderHead, long orderTail, String orderString, String accountId,
        String sku) {
      this.micros = micros;
      this.orderHead = orderHead;
      this.orderTail = orderTail;
      this.orderString = orderString;
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
      return orderString != null ? orderString : PackedId.decode(orderHead, orderTail);
    }

    @Override
    long orderHead(int i) {
      return orderString != null ? PackedId.NOT_PACKABLE : orderHead;
    }

    @Override
    long orderTail(int i) {
      return orderTail;
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

  /**
   * Parallel arrays; {@code customerIds} null in a customer's own list, {@code accountIds} null
   * when no survey has an account.
   */
  private static final class Columns extends StoredSurveys {
    private final long[] micros;
    private final String[] orderIds;
    private final String[] customerIds;
    private final String[] accountIds;
    private final String[] skus;

    Columns(long[] micros, String[] orderIds, String[] customerIds, String[] accountIds,
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

  /** Fills the arrays of a new list, then picks its form. */
  private static final class Builder {
    private final long[] micros;
    private final String[] orderIds;
    private final String[] customerIds;
    private final String[] accountIds;
    private final String[] skus;
    private boolean anyAccount;

    Builder(int n, boolean withCustomers) {
      micros = new long[n];
      orderIds = new String[n];
      customerIds = withCustomers ? new String[n] : null;
      accountIds = new String[n];
      skus = new String[n];
    }

    void copy(int j, StoredSurveys from, int i) {
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

    StoredSurveys build() {
      if (micros.length == 1 && customerIds == null) {
        return of(micros[0], orderIds[0], accountIds[0], skus[0]);
      }
      return new Columns(micros, orderIds, customerIds, anyAccount ? accountIds : null, skus);
    }
  }
}
