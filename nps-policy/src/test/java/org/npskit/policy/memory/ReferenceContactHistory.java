package org.npskit.policy.memory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The oracle of {@code CompactStoreDifferentialProperties}: what {@link InMemoryContactHistory}
 * promises, written as plainly as possible. Hash maps of small mutable objects holding the SPI's
 * own {@link SurveyRecord}s and {@link Instant}s, every method {@code synchronized}, times
 * compared as instants. It shares no code and no value type with the store under test, so a bug
 * in the store's packing, lists or time conversion shows up as a difference. It passes the store
 * contract suite ({@code ReferenceContactHistoryTest}).
 *
 * <p>The rules it implements (the store's class comment says the same in prose):
 *
 * <ul>
 *   <li>times are kept to the microsecond, finer precision truncated, and clamped to the range of
 *       epoch microseconds in a {@code long} (about 292,000 years around 1970);
 *   <li>a write for a customer (a survey or a response) drops that customer's surveys and
 *       responses older than "its newest survey or response, but at most the clock's time, minus
 *       the retention"; a survey with an account does the same for the account's surveys;
 *   <li>a customer's decided orders are the decided orders the store holds for it (until a
 *       purge, a sweep or an erasure drops them); a skip that checks versions changes the
 *       customer's version like a survey, a plain skip none;
 *   <li>after a successful commit, when "the newest decision time, but at most the clock's time"
 *       has advanced by at least {@code max(retention, 1 hour)} since the last sweep, a sweep
 *       purges everything older than that time minus the retention (the first commit only starts
 *       the count);
 *   <li>a purge drops decided orders, surveys and responses older than the cut-off, then
 *       customers with nothing left (not opted out, no surveys, no responses, no decided
 *       orders), then accounts without surveys; versions do not change;
 *   <li>every change of a customer or account gives it a version from one counter, never reused.
 * </ul>
 *
 * <p>Its version numbers may differ from the store's (for example, the order in which an erasure
 * renumbers accounts): the property compares them through a one-to-one mapping.
 */
final class ReferenceContactHistory implements ContactHistory {
  private static final Duration MIN_SWEEP_INTERVAL = Duration.ofHours(1);
  private static final Instant EARLIEST = Instant.EPOCH.plus(Long.MIN_VALUE, ChronoUnit.MICROS);
  private static final Instant LATEST = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);

  /** A customer's state; surveys in time order (equal times in commit order), responses sorted. */
  private static final class Customer {
    long version;
    boolean optedOut;
    final List<SurveyRecord> surveys = new ArrayList<>();
    final List<Instant> responses = new ArrayList<>();

    boolean isEmpty() {
      return !optedOut && surveys.isEmpty() && responses.isEmpty();
    }
  }

  /** An account's state: the surveys of every customer whose purchase carried the account. */
  private static final class Account {
    long version;
    final List<SurveyRecord> surveys = new ArrayList<>();
  }

  /**
   * A decided order: its customer, its decision time, whether it holds a survey not cancelled,
   * and that survey's account.
   */
  private record Order(String customerId, Instant decidedAt, boolean liveSurvey, String accountId) {}

  private final Duration retention;
  private final Clock clock;
  private final Map<String, Customer> customers = new HashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Order> orders = new HashMap<>();
  private long lastVersion;
  /** The newest decision time seen (at most the clock's time then), or null. */
  private Instant newestDecision;
  /** The time of the last sweep, or of the first decision; null before any. */
  private Instant lastSweep;

  ReferenceContactHistory(Duration retention, Clock clock) {
    this.retention = retention.truncatedTo(ChronoUnit.MICROS);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The instant as the store keeps it: truncated to microseconds, clamped to their range. */
  static Instant stored(Instant instant) {
    if (instant.isBefore(EARLIEST)) {
      return EARLIEST;
    }
    if (instant.isAfter(LATEST)) {
      return LATEST;
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  synchronized int decidedOrders() {
    return orders.size();
  }

  synchronized int trackedCustomers() {
    Set<String> tracked = new HashSet<>(customers.keySet());
    orders.values().forEach(o -> tracked.add(o.customerId()));
    return tracked.size();
  }

  @Override
  public synchronized HistorySnapshot load(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    Instant from = stored(query.from());
    Instant to = stored(query.to());
    List<Instant> customerOrders = new ArrayList<>();
    if (query.ordersFrom() != null) {
      Instant ordersFrom = stored(query.ordersFrom());
      for (Order order : orders.values()) {
        if (order.customerId().equals(query.customerId())
            && within(order.decidedAt(), ordersFrom, to)) {
          customerOrders.add(order.decidedAt());
        }
      }
      Collections.sort(customerOrders);
    }
    Customer customer = customers.get(query.customerId());
    Account account = query.accountId() == null ? null : accounts.get(query.accountId());
    List<SurveyRecord> customerSurveys = new ArrayList<>();
    List<Instant> responses = new ArrayList<>();
    if (customer != null) {
      for (SurveyRecord survey : customer.surveys) {
        if (within(survey.at(), from, to)) {
          customerSurveys.add(survey);
        }
      }
      for (Instant response : customer.responses) {
        if (within(response, from, to)) {
          responses.add(response);
        }
      }
    }
    List<SurveyRecord> accountSurveys = new ArrayList<>();
    if (account != null) {
      for (SurveyRecord survey : account.surveys) {
        if (within(survey.at(), from, to)) {
          accountSurveys.add(survey);
        }
      }
    }
    return new HistorySnapshot(
        orders.containsKey(query.orderId()),
        customer != null && customer.optedOut,
        customerSurveys,
        accountSurveys,
        responses,
        customer == null ? 0L : customer.version,
        account == null ? 0L : account.version,
        null,
        customerOrders);
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && !at.isAfter(to);
  }

  @Override
  public synchronized boolean commit(CommitRequest commit) {
    Objects.requireNonNull(commit, "commit");
    Instant now = stored(clock.instant());
    Instant decided = stored(commit.decidedAt());
    if (orders.containsKey(commit.orderId())) {
      return false;
    }
    if (!commit.isSurvey() && commit.versionChecked()) {
      Customer customer = customers.get(commit.customerId());
      if ((customer == null ? 0L : customer.version) != commit.expectedCustomerVersion()) {
        return false;
      }
      customers.computeIfAbsent(commit.customerId(), id -> new Customer()).version =
          nextVersion();
    }
    if (commit.isSurvey()) {
      Customer customer = customers.get(commit.customerId());
      Account account = commit.accountId() == null ? null : accounts.get(commit.accountId());
      long customerVersion = customer == null ? 0L : customer.version;
      long accountVersion = account == null ? 0L : account.version;
      if (customerVersion != commit.expectedCustomerVersion()
          || (commit.accountId() != null && accountVersion != commit.expectedAccountVersion())) {
        return false;
      }
      SurveyRecord given = commit.survey();
      SurveyRecord survey = new SurveyRecord(given.orderId(), given.customerId(),
          given.accountId(), given.sku(), stored(given.at()), given.kind());
      customer = customers.computeIfAbsent(commit.customerId(), id -> new Customer());
      insertInTimeOrder(customer.surveys, survey);
      customer.version = nextVersion();
      trim(customer, now);
      if (commit.accountId() != null) {
        account = accounts.computeIfAbsent(commit.accountId(), id -> new Account());
        insertInTimeOrder(account.surveys, survey);
        account.version = nextVersion();
        Instant cutoff = cutoffBehind(earlier(newest(account.surveys), now));
        account.surveys.removeIf(s -> s.at().isBefore(cutoff));
      }
    }
    orders.put(commit.orderId(), new Order(commit.customerId(), decided, commit.isSurvey(),
        commit.isSurvey() ? commit.accountId() : null));
    sweepIfDue(earlier(decided, now));
    return true;
  }

  @Override
  public synchronized boolean cancel(String orderId) {
    Objects.requireNonNull(orderId, "orderId");
    Order order = orders.get(orderId);
    if (order == null || !order.liveSurvey()) {
      return false;
    }
    orders.put(orderId, new Order(order.customerId(), order.decidedAt(), false, null));
    Customer customer = customers.get(order.customerId());
    if (customer != null) {
      customer.surveys.removeIf(s -> s.orderId().equals(orderId));
      customer.version = nextVersion();
    }
    Account account = order.accountId() == null ? null : accounts.get(order.accountId());
    if (account != null) {
      account.surveys.removeIf(s -> s.orderId().equals(orderId));
      account.version = nextVersion();
    }
    return true;
  }

  @Override
  public synchronized void recordResponse(String customerId, Instant at) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    Instant now = stored(clock.instant());
    Customer customer = customers.computeIfAbsent(customerId, id -> new Customer());
    Instant response = stored(at);
    int position = customer.responses.size();
    while (position > 0 && customer.responses.get(position - 1).isAfter(response)) {
      position--;
    }
    customer.responses.add(position, response);
    customer.version = nextVersion();
    trim(customer, now);
  }

  @Override
  public synchronized void setOptedOut(String customerId, boolean optedOut) {
    Objects.requireNonNull(customerId, "customerId");
    Customer customer = customers.computeIfAbsent(customerId, id -> new Customer());
    customer.optedOut = optedOut;
    customer.version = nextVersion();
  }

  @Override
  public synchronized void purge(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    purgeBefore(stored(olderThan));
  }

  private void purgeBefore(Instant cutoff) {
    orders.values().removeIf(o -> o.decidedAt().isBefore(cutoff));
    for (Customer customer : customers.values()) {
      customer.surveys.removeIf(s -> s.at().isBefore(cutoff));
      customer.responses.removeIf(r -> r.isBefore(cutoff));
    }
    Set<String> withOrders = new HashSet<>();
    orders.values().forEach(o -> withOrders.add(o.customerId()));
    customers.entrySet().removeIf(e -> e.getValue().isEmpty() && !withOrders.contains(e.getKey()));
    for (Account account : accounts.values()) {
      account.surveys.removeIf(s -> s.at().isBefore(cutoff));
    }
    accounts.values().removeIf(a -> a.surveys.isEmpty());
  }

  @Override
  public synchronized void eraseCustomer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    customers.remove(customerId);
    orders.values().removeIf(o -> o.customerId().equals(customerId));
    for (Account account : accounts.values()) {
      if (account.surveys.removeIf(s -> s.customerId().equals(customerId))) {
        account.version = nextVersion();
      }
    }
    accounts.values().removeIf(a -> a.surveys.isEmpty());
  }

  private long nextVersion() {
    return ++lastVersion;
  }

  /** Inserts the survey after every survey at the same time or earlier. */
  private static void insertInTimeOrder(List<SurveyRecord> surveys, SurveyRecord survey) {
    int position = surveys.size();
    while (position > 0 && surveys.get(position - 1).at().isAfter(survey.at())) {
      position--;
    }
    surveys.add(position, survey);
  }

  /**
   * Drops the customer's entries older than its newest one (at most now) minus the retention;
   * called after an entry was added, so there is a newest one.
   */
  private void trim(Customer customer, Instant now) {
    Instant newest = newest(customer.surveys);
    if (!customer.responses.isEmpty()) {
      Instant lastResponse = customer.responses.get(customer.responses.size() - 1);
      newest = newest == null || lastResponse.isAfter(newest) ? lastResponse : newest;
    }
    Instant cutoff = cutoffBehind(earlier(newest, now));
    customer.surveys.removeIf(s -> s.at().isBefore(cutoff));
    customer.responses.removeIf(r -> r.isBefore(cutoff));
  }

  /** The time of the last survey of a list in time order, or null for an empty list. */
  private static Instant newest(List<SurveyRecord> surveys) {
    return surveys.isEmpty() ? null : surveys.get(surveys.size() - 1).at();
  }

  private static Instant earlier(Instant a, Instant b) {
    return b.isBefore(a) ? b : a;
  }

  /** {@code at} minus the retention, or {@link #EARLIEST} (nothing is older) below that. */
  private Instant cutoffBehind(Instant at) {
    try {
      Instant cutoff = at.minus(retention);
      return cutoff.isBefore(EARLIEST) ? EARLIEST : cutoff;
    } catch (DateTimeException | ArithmeticException beforeInstantMin) {
      return EARLIEST;
    }
  }

  private void sweepIfDue(Instant newest) {
    if (newestDecision != null && !newest.isAfter(newestDecision)) {
      return;
    }
    newestDecision = newest;
    Duration every = retention.compareTo(MIN_SWEEP_INTERVAL) > 0 ? retention : MIN_SWEEP_INTERVAL;
    if (lastSweep == null) {
      lastSweep = newest;
    } else if (Duration.between(lastSweep, newest).compareTo(every) >= 0) {
      lastSweep = newest;
      purgeBefore(cutoffBehind(newest));
    }
  }
}
