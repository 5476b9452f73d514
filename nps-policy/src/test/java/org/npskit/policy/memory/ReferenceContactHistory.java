package org.npskit.policy.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The in-memory store as it was before the compact tables (ConcurrentHashMaps of immutable
 * per-customer values), kept as the oracle of {@code CompactStoreDifferentialProperties}: it
 * passed the contract suite and is simple enough to trust. Same retention and sweep rules.
 */
final class ReferenceContactHistory implements ContactHistory {
  private static final long MIN_SWEEP_MICROS = 3_600_000_000L;

  /** Size of the SKU pool (a power of two). */
  private static final int SKU_POOL = 4096;

  private final long retentionMicros;
  private final Clock clock;
  private final ConcurrentHashMap<String, CustomerState> customers;
  private final ConcurrentHashMap<String, AccountState> accounts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReferenceDecidedOrder> orders;
  private final Object writeLock = new Object();
  /**
   * Recently stored SKUs by hash slot, so that surveys about one SKU share one string (SKUs
   * repeat, while each event brings its own copy). Lossy and bounded; guarded by writeLock.
   */
  private final String[] skuPool = new String[SKU_POOL];
  // Guarded by writeLock.
  private long lastVersion;
  private long newestDecisionMicros = Long.MIN_VALUE;
  private long lastSweepMicros = Long.MIN_VALUE;

  ReferenceContactHistory(Duration retention, Clock clock) {
    this.retentionMicros = saturatedMicros(retention);
    this.clock = clock;
    this.customers = new ConcurrentHashMap<>();
    this.orders = new ConcurrentHashMap<>();
  }

  private static long saturatedMicros(Duration d) {
    try {
      return Math.multiplyExact(d.getSeconds(), 1_000_000L) + d.getNano() / 1000;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  /**
   * Number of customers currently tracked (for monitoring and tests).
   *
   * @return the number of customers with any stored state
   */
  public int trackedCustomers() {
    return customers.size();
  }

  /**
   * Number of decided order ids currently kept (for monitoring and tests).
   *
   * @return the number of decided order ids
   */
  public int decidedOrders() {
    return orders.size();
  }

  @Override
  public HistorySnapshot load(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    long from = Micros.of(query.from());
    long to = Micros.of(query.to());
    CustomerState customer = customers.getOrDefault(query.customerId(), CustomerState.NEW);
    AccountState account =
        query.accountId() == null
            ? AccountState.NEW
            : accounts.getOrDefault(query.accountId(), AccountState.NEW);
    List<Instant> responses = List.of();
    for (long r : customer.responses()) {
      if (r >= from && r <= to) {
        if (responses.isEmpty()) {
          responses = new ArrayList<>();
        }
        responses.add(Micros.toInstant(r));
      }
    }
    return new HistorySnapshot(
        orders.containsKey(query.orderId()),
        customer.optedOut(),
        customer.surveys().inRange(query.customerId(), from, to),
        account.surveys().inRange(null, from, to),
        responses,
        customer.version(),
        account.version());
  }

  @Override
  public boolean commit(CommitRequest commit) {
    Objects.requireNonNull(commit, "commit");
    long decided = Micros.of(commit.decidedAt());
    synchronized (writeLock) {
      if (orders.containsKey(commit.orderId())) {
        return false;
      }
      SurveyRecord survey = commit.survey();
      if (commit.isSurvey()) {
        CustomerState customer = customers.getOrDefault(commit.customerId(), CustomerState.NEW);
        AccountState account =
            commit.accountId() == null
                ? AccountState.NEW
                : accounts.getOrDefault(commit.accountId(), AccountState.NEW);
        if (customer.version() != commit.expectedCustomerVersion()
            || (commit.accountId() != null
                && account.version() != commit.expectedAccountVersion())) {
          return false;
        }
        long at = Micros.of(survey.at());
        String sku = pooled(survey.sku());
        CustomerState updated =
            new CustomerState(
                nextVersion(), customer.optedOut(),
                customer.surveys().plus(at, survey.orderId(), null, survey.accountId(), sku),
                customer.responses());
        customers.put(commit.customerId(), trim(updated));
        if (commit.accountId() != null) {
          Surveys surveys =
              account.surveys().plus(at, survey.orderId(), survey.customerId(),
                  survey.accountId(), sku);
          surveys = surveys.notBefore(minus(bounded(surveys.newestMicros()), retentionMicros));
          accounts.put(commit.accountId(), new AccountState(nextVersion(), surveys));
        }
      }
      orders.put(
          commit.orderId(),
          ReferenceDecidedOrder.of(
              commit.customerId(), commit.accountId(), decided,
              commit.isSurvey()));
      advanceAndMaybeSweep(decided);
      return true;
    }
  }

  @Override
  public boolean cancel(String orderId) {
    Objects.requireNonNull(orderId, "orderId");
    synchronized (writeLock) {
      ReferenceDecidedOrder order = orders.get(orderId);
      if (order == null || !order.survey()) {
        return false;
      }
      orders.put(orderId, new ReferenceDecidedOrder(order.customerId(), order.decidedMicros()));
      CustomerState customer = customers.get(order.customerId());
      if (customer != null) {
        customers.put(
            order.customerId(),
            new CustomerState(
                nextVersion(), customer.optedOut(), customer.surveys().withoutOrder(orderId),
                customer.responses()));
      }
      if (order.accountId() != null) {
        AccountState account = accounts.get(order.accountId());
        if (account != null) {
          accounts.put(
              order.accountId(),
              new AccountState(nextVersion(), account.surveys().withoutOrder(orderId)));
        }
      }
      return true;
    }
  }

  @Override
  public void recordResponse(String customerId, Instant at) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    long micros = Micros.of(at);
    synchronized (writeLock) {
      CustomerState customer = customers.getOrDefault(customerId, CustomerState.NEW);
      customers.put(
          customerId,
          trim(
              new CustomerState(
                  nextVersion(), customer.optedOut(), customer.surveys(),
                  Micros.insertSorted(customer.responses(), micros))));
    }
  }

  @Override
  public void setOptedOut(String customerId, boolean optedOut) {
    Objects.requireNonNull(customerId, "customerId");
    synchronized (writeLock) {
      CustomerState customer = customers.getOrDefault(customerId, CustomerState.NEW);
      CustomerState updated =
          new CustomerState(nextVersion(), optedOut, customer.surveys(), customer.responses());
      customers.put(customerId, updated);
    }
  }

  @Override
  public void purge(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    synchronized (writeLock) {
      purgeLocked(Micros.of(olderThan));
    }
  }

  private void purgeLocked(long cutoff) {
    orders.values().removeIf(o -> o.decidedMicros() < cutoff);
    customers.replaceAll((id, c) -> c.notBefore(cutoff));
    customers.values().removeIf(CustomerState::isEmpty);
    accounts.replaceAll((id, a) -> new AccountState(a.version(), a.surveys().notBefore(cutoff)));
    accounts.values().removeIf(a -> a.surveys().isEmpty());
  }

  @Override
  public void eraseCustomer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    synchronized (writeLock) {
      customers.remove(customerId);
      orders.values().removeIf(o -> o.customerId().equals(customerId));
      accounts.replaceAll(
          (id, a) -> {
            Surveys kept = a.surveys().withoutCustomer(customerId);
            return kept == a.surveys() ? a : new AccountState(nextVersion(), kept);
          });
      accounts.values().removeIf(a -> a.surveys().isEmpty());
    }
  }

  /** The pooled instance equal to {@code sku} (storing this one when its slot differs). */
  private String pooled(String sku) {
    int slot = sku.hashCode() & (SKU_POOL - 1);
    String known = skuPool[slot];
    if (sku.equals(known)) {
      return known;
    }
    skuPool[slot] = sku;
    return sku;
  }

  private long nextVersion() {
    return ++lastVersion;
  }

  private CustomerState trim(CustomerState state) {
    return state.notBefore(minus(bounded(state.newestMicros()), retentionMicros));
  }

  /** "Newest" never counts beyond the clock's time. */
  private long bounded(long micros) {
    long now = Micros.of(clock.instant());
    return micros == Long.MIN_VALUE || micros <= now ? micros : now;
  }

  private static long minus(long a, long b) {
    return a == Long.MIN_VALUE ? Long.MIN_VALUE : a - b;
  }

  private void advanceAndMaybeSweep(long decidedMicros) {
    long newest = bounded(decidedMicros);
    if (newest <= newestDecisionMicros) {
      return;
    }
    newestDecisionMicros = newest;
    long every = Math.max(retentionMicros, MIN_SWEEP_MICROS);
    if (lastSweepMicros == Long.MIN_VALUE) {
      lastSweepMicros = newest;
    } else if (newest - lastSweepMicros >= every) {
      lastSweepMicros = newest;
      purgeLocked(minus(newest, retentionMicros));
    }
  }
}
