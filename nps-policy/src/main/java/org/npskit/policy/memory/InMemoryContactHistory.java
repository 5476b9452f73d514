package org.npskit.policy.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntConsumer;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The default {@link ContactHistory}: in memory, for one process.
 *
 * <p><b>Thread safety.</b> Safe for any number of threads. All writes are serialized by one
 * {@link StampedLock}, which makes {@link #commit} atomic across customer, account and order id.
 * {@link #load} takes no lock: it reads optimistically and checks afterwards that no write
 * happened meanwhile; only when one did does it read again under the read lock, so it waits
 * while a write holds the lock. {@link #purge} and the automatic sweep go through the decided
 * orders and then the customers 4,096 rows per hold of the lock, and then the accounts in one
 * hold, so other threads' decisions wait for one chunk at a time; the thread whose commit is due
 * for a sweep runs it before its commit returns. A purge is therefore not atomic: decisions made
 * while it runs are kept whatever their time, and a snapshot taken meanwhile can show an entry
 * older than the cut-off already gone from the customer but not yet from the account (only
 * entries older than the cut-off differ). {@link #eraseCustomer} holds the lock while it scans
 * the decided orders (a few milliseconds per million).
 *
 * <p><b>Compact memory.</b> Customers and decided orders are rows of primitive columns in two
 * open-addressing tables, without an object per entry. Ids of up to 18 ASCII characters are
 * packed into 16 bytes; other ids are kept as strings. A customer with one survey and no
 * recorded response holds it inline (time, order id, account, SKU); other customers keep an
 * immutable list. Measured with 1 million customers, each with one survey: about 120 bytes per
 * customer, ids included (see BENCHMARKS.md). Rows of removed entries are reused, not returned.
 *
 * <p><b>Bounded memory.</b> The store is created with a retention (use at least the longest window
 * of the policy; the gate's default store uses twice that). It forgets old entries in two ways:
 * on every write for a customer (or account), that customer's (account's) surveys and responses
 * older than its newest entry minus the retention are dropped; and whenever the newest decision
 * time seen advances by one retention period (at least one hour) since the last sweep, a sweep
 * runs {@link #purge} with "newest decision time minus retention", which also drops decided order
 * ids and customers nobody heard of since. Events older than the newest one by more than the
 * retention are therefore decided against partial history. Opt-outs are kept until
 * {@link #eraseCustomer} or opt-in.
 *
 * <p>Both ways count "newest" at most up to the store's clock ({@link Clock#systemUTC()} unless
 * given), read once per write before it changes anything: a trim or a sweep never cuts later
 * than the clock's time at that write minus the retention. So one event with a time far in the
 * future (a mistyped delivery date, say) cannot make the store forget everyone's history, or
 * stop later sweeps. (An explicit {@link #purge} cuts where it is told, and a clock that is set
 * back does not bring back what an earlier cut dropped.) Entries dated after the clock are kept
 * until the clock has passed them by the retention. A simulation or test that decides at event
 * times ahead of the real clock, or a gate with a fixed clock in the past, should give the store
 * a clock that matches its event times, or the store does not forget.
 *
 * <p><b>Capacity.</b> Each table holds up to about 805 million entries (3/4 of a 2^30-slot
 * index); beyond that a write that needs a new entry throws {@link HistoryUnavailableException}
 * before changing anything.
 *
 * <p>Instants are stored as epoch microseconds; finer precision is truncated.
 */
public final class InMemoryContactHistory implements ContactHistory {
  private static final long MIN_SWEEP_MICROS = 3_600_000_000L;

  /** Size of the SKU pool (a power of two). */
  private static final int SKU_POOL = 4096;

  /** Rows a purge handles per hold of the write lock. */
  private static final int PURGE_CHUNK = 4096;

  /** Expected customers of a store created without a size hint. */
  private static final int DEFAULT_EXPECTED = 16;

  // Customer rows: long columns after the id (version word, inline survey), object columns.
  private static final int C_VERSION = 2;
  private static final int C_AT = 3;
  private static final int C_ORDER0 = 4;
  private static final int C_ORDER1 = 5;
  private static final int C_LONGS = 6;
  private static final int C_SKU = 1;
  private static final int C_ACCOUNT = 2;
  private static final int C_MORE = 3;
  private static final int C_OBJECTS = 4;
  /** Bit of the version word set for an opted-out customer (versions stay below it). */
  private static final long OPTED_OUT = 1L << 62;

  // Decided-order rows: the customer's packed id, the decision time; objects on demand.
  private static final int O_CUSTOMER0 = 2;
  private static final int O_CUSTOMER1 = 3;
  private static final int O_AT = 4;
  private static final int O_LONGS = 5;
  private static final int O_CUSTOMER = 1;
  private static final int O_ACCOUNT = 2;
  private static final int O_OBJECTS = 3;
  /** Bit of {@code O_CUSTOMER1} set while the order holds a live survey. */
  private static final long LIVE_SURVEY = 1L << 63;

  private final long retentionMicros;
  private final Clock clock;
  /**
   * Customers. A row's version word holds the version and {@link #OPTED_OUT}. With
   * {@code C_MORE} null the row is the whole state: no response and at most one survey, inline
   * ({@code C_ORDER0} non-zero: time, packed order id, account, SKU). Otherwise {@code C_MORE} is
   * the customer's {@link CustomerState}, with the same version and opt-out as the row.
   */
  private final IdTable customers;
  /**
   * Decided orders: the customer (packed, or {@code O_CUSTOMER} with {@code O_CUSTOMER0 == 0}),
   * the decision time, {@link #LIVE_SURVEY} and, for a live survey with account, the account.
   */
  private final IdTable orders;
  private final ConcurrentHashMap<String, AccountState> accounts = new ConcurrentHashMap<>();
  private final StampedLock lock = new StampedLock();
  /**
   * Recently stored SKUs by hash slot, so that surveys about one SKU share one string (SKUs
   * repeat, while each event brings its own copy). Lossy and bounded; guarded by the write lock.
   */
  private final String[] skuPool = new String[SKU_POOL];
  // Guarded by the write lock.
  private long lastVersion;
  private long newestDecisionMicros = Long.MIN_VALUE;
  private long lastSweepMicros = Long.MIN_VALUE;

  private InMemoryContactHistory(Duration retention, int expectedCustomers, Clock clock) {
    this(retention, expectedCustomers, clock, Integer.MAX_VALUE);
  }

  /** For tests: tables whose index stops growing at {@code maxIndex} slots. */
  InMemoryContactHistory(Duration retention, int expectedCustomers, Clock clock, int maxIndex) {
    this.retentionMicros = saturatedMicros(retention);
    this.clock = clock;
    this.customers =
        new IdTable(C_LONGS, C_OBJECTS, true, expectedCustomers, Integer.MAX_VALUE, maxIndex);
    this.orders =
        new IdTable(O_LONGS, O_OBJECTS, false, 2 * expectedCustomers, Integer.MAX_VALUE, maxIndex);
  }

  /**
   * Creates an empty store that forgets entries older than the retention (see the class comment).
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @return a new empty store
   * @throws NullPointerException if {@code retention} is null
   * @throws IllegalArgumentException if {@code retention} is negative
   */
  public static InMemoryContactHistory withRetention(Duration retention) {
    return withRetention(retention, DEFAULT_EXPECTED);
  }

  /**
   * Creates an empty store like {@link #withRetention(Duration)} whose forgetting never runs
   * ahead of the given clock (see the class comment): give it the gate's clock.
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @param clock the clock that bounds what "newest" can be; not null
   * @return a new empty store
   * @throws NullPointerException if {@code retention} or {@code clock} is null
   * @throws IllegalArgumentException if {@code retention} is negative
   */
  public static InMemoryContactHistory withRetention(Duration retention, Clock clock) {
    return withRetention(retention, DEFAULT_EXPECTED, clock);
  }

  /**
   * Creates an empty store like {@link #withRetention(Duration)}, with its tables' indexes sized
   * up front for the expected number of customers (and twice as many decided order ids), so that
   * a large store does not rehash while it fills. A hint only: the store grows beyond it as
   * needed. The indexes are allocated at once: about 16 bytes per expected customer (rows are
   * allocated as entries arrive).
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @param expectedCustomers how many customers the store is expected to track; not negative
   * @return a new empty store
   * @throws NullPointerException if {@code retention} is null
   * @throws IllegalArgumentException if {@code retention} or {@code expectedCustomers} is
   *     negative
   */
  public static InMemoryContactHistory withRetention(Duration retention, int expectedCustomers) {
    return withRetention(retention, expectedCustomers, Clock.systemUTC());
  }

  /**
   * Creates an empty store like {@link #withRetention(Duration, int)} whose forgetting never runs
   * ahead of the given clock (see the class comment).
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @param expectedCustomers how many customers the store is expected to track; not negative
   * @param clock the clock that bounds what "newest" can be; not null
   * @return a new empty store
   * @throws NullPointerException if {@code retention} or {@code clock} is null
   * @throws IllegalArgumentException if {@code retention} or {@code expectedCustomers} is
   *     negative
   */
  public static InMemoryContactHistory withRetention(
      Duration retention, int expectedCustomers, Clock clock) {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(clock, "clock");
    if (retention.isNegative()) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "retention must not be negative, was %s", retention));
    }
    if (expectedCustomers < 0 || expectedCustomers > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "expectedCustomers must be in [0, %d], was %d",
              Integer.MAX_VALUE / 2, expectedCustomers));
    }
    return new InMemoryContactHistory(retention, expectedCustomers, clock);
  }

  private static long saturatedMicros(Duration d) {
    try {
      return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
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
    long stamp = lock.readLock();
    try {
      return customers.size();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Number of decided order ids currently kept (for monitoring and tests).
   *
   * @return the number of decided order ids
   */
  public int decidedOrders() {
    long stamp = lock.readLock();
    try {
      return orders.size();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public HistorySnapshot load(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    long from = Micros.of(query.from());
    long to = Micros.of(query.to());
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      HistorySnapshot snapshot = read(query, from, to);
      if (lock.validate(stamp)) {
        return snapshot;
      }
    }
    stamp = lock.readLock();
    try {
      return read(query, from, to);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * The snapshot of the query. Runs under the read lock or without any lock (then the caller
   * validates the stamp afterwards and discards the result if a write ran meanwhile), so it reads
   * the tables only through {@link IdTable#find}, {@link IdTable#peek} and
   * {@link IdTable#peekObj}, which check bounds before use and never throw, and it checks the
   * type of every object it reads from a row before casting. Objects reached through the rows
   * (customer and account states, their lists) are immutable with final fields, so they are
   * whole whenever they are seen.
   */
  private HistorySnapshot read(HistoryQuery query, long from, long to) {
    String customerId = query.customerId();
    int c = customers.find(customerId);
    long version = 0L;
    boolean optedOut = false;
    List<SurveyRecord> surveys = List.of();
    List<Instant> responses = List.of();
    if (c >= 0) {
      long word = customers.peek(c, C_VERSION);
      version = word & ~OPTED_OUT;
      optedOut = (word & OPTED_OUT) != 0;
      if (customers.peekObj(c, C_MORE) instanceof CustomerState state) {
        surveys = state.surveys().inRange(customerId, from, to);
        responses = inRange(state.responses(), from, to);
      } else {
        long order0 = customers.peek(c, C_ORDER0);
        long at = customers.peek(c, C_AT);
        if (order0 != 0 && at >= from && at <= to) {
          surveys = new InlineSurvey(at, order0, customers.peek(c, C_ORDER1), customerId,
              stringOrNull(customers.peekObj(c, C_ACCOUNT)),
              stringOrNull(customers.peekObj(c, C_SKU)));
        }
      }
    }
    AccountState account =
        query.accountId() == null
            ? AccountState.NEW
            : accounts.getOrDefault(query.accountId(), AccountState.NEW);
    return new HistorySnapshot(
        orders.find(query.orderId()) >= 0,
        optedOut,
        surveys,
        account.surveys().inRange(null, from, to),
        responses,
        version,
        account.version());
  }

  /** The string read from a row, or null (also for anything else a racing read may see). */
  private static String stringOrNull(Object value) {
    return value instanceof String s ? s : null;
  }

  private static List<Instant> inRange(long[] micros, long from, long to) {
    List<Instant> out = List.of();
    for (long r : micros) {
      if (r >= from && r <= to) {
        if (out.isEmpty()) {
          out = new ArrayList<>();
        }
        out.add(Micros.toInstant(r));
      }
    }
    return out;
  }

  @Override
  public boolean commit(CommitRequest commit) {
    Objects.requireNonNull(commit, "commit");
    long decided = Micros.of(commit.decidedAt());
    // Read once, before anything changes: a clock that throws leaves the store as it was.
    long now = Micros.of(clock.instant());
    OptionalLong sweep;
    long stamp = lock.writeLock();
    try {
      if (orders.find(commit.orderId()) >= 0) {
        return false;
      }
      boolean survey = commit.isSurvey();
      int c = survey ? customers.find(commit.customerId()) : -1;
      if (orders.full() || (survey && c < 0 && customers.full())) {
        throw full(StoreOperation.COMMIT);
      }
      if (survey) {
        CustomerState customer = stateOf(c);
        AccountState account =
            commit.accountId() == null
                ? AccountState.NEW
                : accounts.getOrDefault(commit.accountId(), AccountState.NEW);
        if (customer.version() != commit.expectedCustomerVersion()
            || (commit.accountId() != null
                && account.version() != commit.expectedAccountVersion())) {
          return false;
        }
        SurveyRecord record = commit.survey();
        long at = Micros.of(record.at());
        String sku = pooled(record.sku());
        CustomerState updated =
            new CustomerState(
                nextVersion(), customer.optedOut(),
                customer.surveys().plus(at, record.orderId(), null, record.accountId(), sku),
                customer.responses());
        put(entryOf(commit.customerId(), c), trim(updated, now));
        if (commit.accountId() != null) {
          Surveys surveys =
              account.surveys().plus(at, record.orderId(), record.customerId(),
                  record.accountId(), sku);
          surveys = surveys.notBefore(trimCutoff(surveys.newestMicros(), now));
          accounts.put(commit.accountId(), new AccountState(nextVersion(), surveys));
        }
      }
      int o = orders.insert(commit.orderId());
      long customer0 = PackedId.first(commit.customerId());
      long live = survey ? LIVE_SURVEY : 0L;
      if (customer0 != PackedId.NOT_PACKABLE) {
        orders.set(o, O_CUSTOMER0, customer0);
        orders.set(o, O_CUSTOMER1, PackedId.second(commit.customerId()) | live);
      } else {
        orders.setObj(o, O_CUSTOMER, commit.customerId());
        orders.set(o, O_CUSTOMER1, live);
      }
      orders.set(o, O_AT, decided);
      if (survey) {
        orders.setObj(o, O_ACCOUNT, commit.accountId());
      }
      sweep = advance(decided, now);
    } finally {
      lock.unlockWrite(stamp);
    }
    if (sweep.isPresent()) {
      purgeInChunks(sweep.getAsLong());
    }
    return true;
  }

  @Override
  public boolean cancel(String orderId) {
    Objects.requireNonNull(orderId, "orderId");
    long stamp = lock.writeLock();
    try {
      int o = orders.find(orderId);
      if (o < 0 || (orders.get(o, O_CUSTOMER1) & LIVE_SURVEY) == 0) {
        return false;
      }
      orders.set(o, O_CUSTOMER1, orders.get(o, O_CUSTOMER1) & ~LIVE_SURVEY);
      String accountId = (String) orders.obj(o, O_ACCOUNT);
      orders.setObj(o, O_ACCOUNT, null);
      int c = customers.find(customerOf(o));
      if (c >= 0) {
        CustomerState customer = stateOf(c);
        put(c, new CustomerState(
            nextVersion(), customer.optedOut(), customer.surveys().withoutOrder(orderId),
            customer.responses()));
      }
      if (accountId != null) {
        AccountState account = accounts.get(accountId);
        if (account != null) {
          accounts.put(
              accountId, new AccountState(nextVersion(), account.surveys().withoutOrder(orderId)));
        }
      }
      return true;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void recordResponse(String customerId, Instant at) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    long micros = Micros.of(at);
    long now = Micros.of(clock.instant());
    long stamp = lock.writeLock();
    try {
      int c = customers.find(customerId);
      if (c < 0 && customers.full()) {
        throw full(StoreOperation.RECORD_RESPONSE);
      }
      CustomerState customer = stateOf(c);
      put(entryOf(customerId, c),
          trim(
              new CustomerState(
                  nextVersion(), customer.optedOut(), customer.surveys(),
                  Micros.insertSorted(customer.responses(), micros)),
              now));
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void setOptedOut(String customerId, boolean optedOut) {
    Objects.requireNonNull(customerId, "customerId");
    long stamp = lock.writeLock();
    try {
      int c = customers.find(customerId);
      if (c < 0 && customers.full()) {
        throw full(StoreOperation.SET_OPTED_OUT);
      }
      CustomerState customer = stateOf(c);
      put(entryOf(customerId, c),
          new CustomerState(nextVersion(), optedOut, customer.surveys(), customer.responses()));
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void purge(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    purgeInChunks(Micros.of(olderThan));
  }

  /** Purges decided orders, then customers, then accounts, a chunk per hold of the lock. */
  private void purgeInChunks(long cutoff) {
    inChunks(orders, o -> {
      if (orders.get(o, O_AT) < cutoff) {
        orders.remove(o);
      }
    });
    inChunks(customers, c -> purgeCustomer(c, cutoff));
    long stamp = lock.writeLock();
    try {
      accounts.replaceAll(
          (id, a) -> new AccountState(a.version(), a.surveys().notBefore(cutoff)));
      accounts.values().removeIf(a -> a.surveys().isEmpty());
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Calls {@code action} with every live entry of the table, a chunk per hold of the lock. */
  private void inChunks(IdTable table, IntConsumer action) {
    for (int from = 0; ; from += PURGE_CHUNK) {
      long stamp = lock.writeLock();
      try {
        if (from >= table.highWater()) {
          return;
        }
        table.forEachLive(from, from + PURGE_CHUNK, action);
      } finally {
        lock.unlockWrite(stamp);
      }
    }
  }

  /** Drops the customer's entries before the cutoff, and the customer if nothing is left. */
  private void purgeCustomer(int c, long cutoff) {
    Object more = customers.obj(c, C_MORE);
    if (more != null) {
      CustomerState kept = ((CustomerState) more).notBefore(cutoff);
      if (kept.isEmpty()) {
        customers.remove(c);
      } else {
        put(c, kept);
      }
      return;
    }
    if (customers.get(c, C_ORDER0) != 0 && customers.get(c, C_AT) < cutoff) {
      clearInline(c);
    }
    if (customers.get(c, C_ORDER0) == 0 && (customers.get(c, C_VERSION) & OPTED_OUT) == 0) {
      customers.remove(c);
    }
  }

  @Override
  public void eraseCustomer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    long stamp = lock.writeLock();
    try {
      int c = customers.find(customerId);
      if (c >= 0) {
        customers.remove(c);
      }
      long id0 = PackedId.first(customerId);
      long id1 = id0 != PackedId.NOT_PACKABLE ? PackedId.second(customerId) : 0L;
      orders.forEachLive(0, Integer.MAX_VALUE, o -> {
        boolean theirs =
            id0 != PackedId.NOT_PACKABLE
                ? orders.get(o, O_CUSTOMER0) == id0
                    && (orders.get(o, O_CUSTOMER1) & ~LIVE_SURVEY) == id1
                : orders.get(o, O_CUSTOMER0) == 0 && customerId.equals(orders.obj(o, O_CUSTOMER));
        if (theirs) {
          orders.remove(o);
        }
      });
      accounts.replaceAll(
          (id, a) -> {
            Surveys kept = a.surveys().withoutCustomer(customerId);
            return kept == a.surveys() ? a : new AccountState(nextVersion(), kept);
          });
      accounts.values().removeIf(a -> a.surveys().isEmpty());
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private HistoryUnavailableException full(StoreOperation operation) {
    return new HistoryUnavailableException(operation, new IllegalStateException(
        "the in-memory history is full (" + customers.size() + " customers, " + orders.size()
            + " decided orders): purge it, shorten the retention or use a JDBC store"));
  }

  /** The customer of a decided order. */
  private String customerOf(int o) {
    long id0 = orders.get(o, O_CUSTOMER0);
    return id0 != PackedId.NOT_PACKABLE
        ? PackedId.decode(id0, orders.get(o, O_CUSTOMER1) & ~LIVE_SURVEY)
        : (String) orders.obj(o, O_CUSTOMER);
  }

  /** The state of customer entry {@code c} ({@link CustomerState#NEW} for -1). */
  private CustomerState stateOf(int c) {
    if (c < 0) {
      return CustomerState.NEW;
    }
    Object more = customers.obj(c, C_MORE);
    if (more != null) {
      return (CustomerState) more;
    }
    long word = customers.get(c, C_VERSION);
    long order0 = customers.get(c, C_ORDER0);
    Surveys surveys =
        order0 == 0
            ? Surveys.NONE
            : Surveys.NONE.plus(
                customers.get(c, C_AT),
                PackedId.decode(order0, customers.get(c, C_ORDER1)),
                null,
                (String) customers.obj(c, C_ACCOUNT),
                (String) customers.obj(c, C_SKU));
    return new CustomerState(
        word & ~OPTED_OUT, (word & OPTED_OUT) != 0, surveys, CustomerState.NEW.responses());
  }

  /** The entry {@code c}, or a new entry for the customer when {@code c} is -1. */
  private int entryOf(String customerId, int c) {
    return c >= 0 ? c : customers.insert(customerId);
  }

  /** Stores the state in entry {@code c}: inline when it fits, else as the object. */
  private void put(int c, CustomerState state) {
    customers.set(c, C_VERSION, state.version() | (state.optedOut() ? OPTED_OUT : 0L));
    Surveys surveys = state.surveys();
    long order0 =
        surveys.size() == 1 ? PackedId.first(surveys.orderId(0)) : PackedId.NOT_PACKABLE;
    boolean inline = state.responses().length == 0 && surveys.size() <= 1
        && (surveys.isEmpty() || order0 != PackedId.NOT_PACKABLE);
    clearInline(c);
    if (!inline) {
      customers.setObj(c, C_MORE, state);
    } else if (!surveys.isEmpty()) {
      customers.set(c, C_AT, surveys.micros(0));
      customers.set(c, C_ORDER0, order0);
      customers.set(c, C_ORDER1, PackedId.second(surveys.orderId(0)));
      customers.setObj(c, C_ACCOUNT, surveys.accountId(0));
      customers.setObj(c, C_SKU, surveys.sku(0));
    }
  }

  /** Clears the inline survey and the object state of entry {@code c} (keeps the version). */
  private void clearInline(int c) {
    customers.set(c, C_AT, 0L);
    customers.set(c, C_ORDER0, 0L);
    customers.set(c, C_ORDER1, 0L);
    customers.setObj(c, C_ACCOUNT, null);
    customers.setObj(c, C_SKU, null);
    customers.setObj(c, C_MORE, null);
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

  /** The state without entries older than its newest one (at most {@code now}) minus retention. */
  private CustomerState trim(CustomerState state, long now) {
    return state.notBefore(trimCutoff(state.newestMicros(), now));
  }

  /** The trim cut-off of entries whose newest is {@code newestMicros}: at most now - retention. */
  private long trimCutoff(long newestMicros, long now) {
    return minus(Math.min(newestMicros, now), retentionMicros);
  }

  /** {@code a - b} for {@code b >= 0}, saturated at {@code Long.MIN_VALUE} ("no cut-off"). */
  private static long minus(long a, long b) {
    long difference = a - b;
    return a == Long.MIN_VALUE || difference > a ? Long.MIN_VALUE : difference;
  }

  /**
   * Notes the decision time; returns the cut-off of a sweep when one is due (to run after the
   * write lock is released).
   */
  private OptionalLong advance(long decidedMicros, long now) {
    long newest = Math.min(decidedMicros, now);
    if (newest <= newestDecisionMicros) {
      return OptionalLong.empty();
    }
    newestDecisionMicros = newest;
    long every = Math.max(retentionMicros, MIN_SWEEP_MICROS);
    if (lastSweepMicros == Long.MIN_VALUE) {
      lastSweepMicros = newest;
    } else if (newest - lastSweepMicros >= every) {
      lastSweepMicros = newest;
      return OptionalLong.of(minus(newest, retentionMicros));
    }
    return OptionalLong.empty();
  }
}
