package org.npskit.policy.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntConsumer;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.DecidedOrder;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The default {@link ContactHistory}: in memory, for one process, with bounded memory.
 *
 * <p>Create one with {@link #withRetention(Duration, Clock)} or {@link #builder()}; the gate
 * creates one itself when it is given no store.
 *
 * <p><b>Retention.</b> The store forgets old entries in two ways. On every write for a customer
 * (or account), that customer's (account's) surveys and responses older than its newest entry
 * minus the retention are dropped. And whenever the newest decision time seen advances by one
 * retention period (at least one hour) since the last sweep, a sweep runs {@link #purge} with
 * "newest decision time minus retention", which also drops decided order ids and customers
 * nobody heard of since. Use a retention of at least the policy's longest window (the gate's
 * default store uses twice that): events older than the newest one by more than the retention
 * are decided against partial history. Opt-outs are kept until {@link #eraseCustomer} or
 * opt-in.
 *
 * <p><b>The clock.</b> Both ways count "newest" at most up to the store's clock
 * ({@link Clock#systemUTC()} unless given), read once per write before it changes anything: a
 * trim or a sweep never cuts later than the clock's time at that write minus the retention. So
 * one event with a time far in the future (a mistyped delivery date, say) cannot make the store
 * forget everyone's history, or stop later sweeps. An explicit {@link #purge} cuts where it is
 * told, and a clock that is set back does not bring back what an earlier cut dropped. Entries
 * dated after the clock are kept until the clock has passed them by the retention. A simulation
 * or test that decides at event times ahead of the real clock, or a gate with a fixed clock in
 * the past, should give the store a clock that matches its event times, or the store does not
 * forget. A clock that throws makes the write throw before anything changed.
 *
 * <p><b>Capacity.</b> Up to about 805 million customers and as many decided order ids; beyond
 * that a write that needs a new entry throws {@link HistoryUnavailableException} before changing
 * anything (purge, shorten the retention, or use a JDBC store).
 *
 * <p><b>Memory.</b> About 121 bytes per tracked customer with one survey, ids of up to 18 ASCII
 * characters included (measured with 1 million customers, see BENCHMARKS.md); up to about 8
 * more while the store grows an index. Longer ids or ids with other characters are kept as
 * strings, and a customer with several surveys, several decided orders or with recorded
 * responses costs more. Every decided order counts for its customer (the frequent-buyer rule of
 * a relationship trigger), so a customer whose only decision was a skip has a row too (about 128
 * bytes). Memory of forgotten entries is reused, not returned. {@link
 * Builder#expectedCustomers(int)} reserves the indexes up front (about 16 bytes per expected
 * customer) so that a large store does not grow them while it fills.
 *
 * <p><b>Thread safety.</b> Safe for any number of threads; {@link #commit} is atomic across
 * customer, account and order id. Writes are serialized; {@link #load} takes no lock unless a
 * write runs at the same time, and then waits for it. {@link #purge} and the automatic sweep
 * work through the store in steps, letting other threads' decisions in between, so a purge is
 * not atomic: decisions made while it runs are kept whatever their time, and a snapshot taken
 * meanwhile can show an entry older than the cut-off already gone from the customer but not yet
 * from the account (only entries older than the cut-off differ). The thread whose commit is due
 * for a sweep runs it before its commit returns. {@link #eraseCustomer} blocks other writes
 * while it scans the decided orders (a few milliseconds per million).
 *
 * <p><b>Nulls and precision.</b> Every method throws {@link NullPointerException} for a null
 * argument, as the SPI says. Instants are kept as epoch microseconds, finer precision
 * truncated (and times beyond about 292,000 years from 1970 clamped).
 */
public final class InMemoryContactHistory implements ContactHistory {
  /*
   * Design notes.
   *
   * Why compact. The first store kept ConcurrentHashMaps of String ids to immutable state
   * objects: 281 bytes per customer with one survey, most of it ids as Strings (56 bytes each)
   * and map nodes. This one keeps customers and decided orders as rows of two IdTables (see its
   * notes), ids packed into two longs (PackedId), and a customer's one survey inline in its row:
   * 121 bytes. The differential test (CompactStoreDifferentialProperties) holds it to a plain
   * reference store.
   *
   * Customer rows. Long columns: the id (IdTable), C_VERSION (the version, with OPTED_OUT in bit
   * 62 and ORDER_ONLY in bit 61; versions stay far below them), and the inline survey
   * C_SURVEY_AT, C_SURVEY_ORDER_HEAD, C_SURVEY_ORDER_TAIL. Object columns: the id if it does not
   * pack (IdTable), C_SURVEY_SKU, C_SURVEY_ACCOUNT, C_FULL_STATE. Every decided order counts
   * for its customer (the frequent-buyer rule), so a customer has a row from its first decided
   * order on, a SKIP too, and its state lists the decision times of its decided orders: exactly
   * the order ids the order table holds for it (a write's trim leaves them; a purge or sweep
   * drops both, by the same cut-off). A relationship survey is a survey without SKU (C_SURVEY_SKU
   * null). A row is in one of two forms:
   *   - inline (C_FULL_STATE null): no response and at most one decided order. Either one
   *     survey, whose order id packs, and that survey's order as the only decided order (the
   *     survey's time is the order's decision time); or no survey (C_SURVEY_ORDER_HEAD 0) and,
   *     with ORDER_ONLY set, one decided order without live survey (a skip, a cancelled survey)
   *     at C_SURVEY_AT. This is what most customers are.
   *   - full (C_FULL_STATE a CustomerState): everything else; the inline columns are zero and
   *     null, and the row's version word equals the state's version and opt-out.
   * stateOf turns a row of either form into a CustomerState, put writes a CustomerState back in
   * the form that fits, so every write is "read the state, build the new immutable state, put".
   * Only stateOf, put, clearInline, read (a snapshot) and purgeCustomer (a sweep, without
   * allocating per customer) know the two forms. The inline survey reaches a snapshot or a
   * CustomerState as a transient StoredSurveys.single with its order id still packed.
   *
   * Decided-order rows. The order id (IdTable), the customer packed in O_CUSTOMER_HEAD and
   * O_CUSTOMER_TAIL (or as a String in O_CUSTOMER_STRING, with head 0), O_DECIDED_AT, and
   * LIVE_SURVEY in bit 63 of O_CUSTOMER_TAIL (free: PackedId never sets it) while the order
   * holds a survey that was not cancelled; O_SURVEY_ACCOUNT holds that survey's account. This
   * table allocates an object page only for a page of rows where some order needs an object (a
   * survey with an account, an id that does not pack): a store without accounts and with short
   * ids, like the benchmark's, saves the 12 bytes per order the three object columns would take.
   *
   * Accounts are few and their lists long, so they stay in a ConcurrentHashMap of immutable
   * AccountStates. SKUs repeat across millions of surveys while each event brings its own copy:
   * skuPool, a lossy 4,096-slot cache indexed by hash, makes equal SKUs share one String.
   *
   * Locking. One StampedLock. Every write holds its write lock; the clock is read before taking
   * it. load reads optimistically: tryOptimisticRead, read, validate. The read path (read) goes
   * only through IdTable.find/peek/peekObj, which check bounds before use and never throw, and
   * checks the type of each object it takes from a row; everything it reaches through a row
   * (CustomerState, AccountState, StoredSurveys, response arrays) is immutable with final
   * fields, so it is whole whenever it is seen. If a write ran meanwhile, validate fails and the
   * result, whatever it is, is discarded and read again under the read lock. No exception is
   * part of this protocol. Purges take the write lock per chunk of PURGE_CHUNK rows (orders,
   * then customers) and once for the accounts; the sweep a commit triggers runs after that
   * commit released the lock. eraseCustomer scans all decided orders under one hold: decided
   * orders have no index by customer (it would cost 8 bytes per order for a rare operation).
   *
   * Growth. Both tables start at the expected size (16 customers by default, orders twice as
   * many) and double their index incrementally (IdTable); row pages are allocated as rows are
   * needed, so an unsized store holds no more than a sized one once full. The only pause left is
   * eraseCustomer's scan.
   */

  private static final long MIN_SWEEP_MICROS = 3_600_000_000L;

  /** Size of the SKU pool (a power of two). */
  private static final int SKU_POOL = 4096;

  /** Rows a purge handles per hold of the write lock. */
  private static final int PURGE_CHUNK = 4096;

  /** Expected customers of a store created without a size hint. */
  private static final int DEFAULT_EXPECTED = 16;

  /** Largest size hint: the order table is sized for twice as many. */
  private static final int MAX_EXPECTED = Integer.MAX_VALUE / 2;

  // Customer rows (see the design notes).
  private static final int C_VERSION = IdTable.FIRST_OWNER_LONG;
  private static final int C_SURVEY_AT = C_VERSION + 1;
  private static final int C_SURVEY_ORDER_HEAD = C_VERSION + 2;
  private static final int C_SURVEY_ORDER_TAIL = C_VERSION + 3;
  private static final int C_LONGS = C_VERSION + 4;
  private static final int C_SURVEY_SKU = IdTable.FIRST_OWNER_OBJECT;
  private static final int C_SURVEY_ACCOUNT = C_SURVEY_SKU + 1;
  /** The customer's {@link CustomerState} when the row cannot hold it inline, else null. */
  private static final int C_FULL_STATE = C_SURVEY_SKU + 2;
  private static final int C_OBJECTS = C_SURVEY_SKU + 3;
  /** Bit of the version word set for an opted-out customer (versions stay below it). */
  private static final long OPTED_OUT = 1L << 62;
  /**
   * Bit of the version word of an inline row without survey that holds one decided order, at
   * {@code C_SURVEY_AT}.
   */
  private static final long ORDER_ONLY = 1L << 61;
  /** The flag bits of the version word. */
  private static final long FLAGS = OPTED_OUT | ORDER_ONLY;

  // Decided-order rows (see the design notes).
  private static final int O_CUSTOMER_HEAD = IdTable.FIRST_OWNER_LONG;
  private static final int O_CUSTOMER_TAIL = O_CUSTOMER_HEAD + 1;
  private static final int O_DECIDED_AT = O_CUSTOMER_HEAD + 2;
  private static final int O_LONGS = O_CUSTOMER_HEAD + 3;
  /** The customer id when it does not pack ({@code O_CUSTOMER_HEAD} is then 0). */
  private static final int O_CUSTOMER_STRING = IdTable.FIRST_OWNER_OBJECT;
  private static final int O_SURVEY_ACCOUNT = O_CUSTOMER_STRING + 1;
  private static final int O_OBJECTS = O_CUSTOMER_STRING + 2;
  /** Bit of {@code O_CUSTOMER_TAIL} set while the order holds a live survey. */
  private static final long LIVE_SURVEY = 1L << 63;

  private final long retentionMicros;
  private final Clock clock;
  private final IdTable customers;
  private final IdTable orders;
  private final ConcurrentHashMap<String, AccountState> accounts = new ConcurrentHashMap<>();
  private final StampedLock lock = new StampedLock();
  /** Recently stored SKUs by hash slot; lossy and bounded; guarded by the write lock. */
  private final String[] skuPool = new String[SKU_POOL];
  // Guarded by the write lock.
  private long lastVersion;
  private long newestDecisionMicros = Long.MIN_VALUE;
  /** The latest cut-off any trim or sweep used (written under the write lock, read without). */
  private volatile long forgottenBeforeMicros = Long.MIN_VALUE;
  private long lastSweepMicros = Long.MIN_VALUE;

  private InMemoryContactHistory(Builder b) {
    this.retentionMicros = saturatedMicros(b.retention);
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    int expected = b.expectedCustomers != Builder.UNSET ? b.expectedCustomers : DEFAULT_EXPECTED;
    int maxIndex = b.maxIndexSlots != Builder.UNSET ? b.maxIndexSlots : Integer.MAX_VALUE;
    this.customers = new IdTable(C_LONGS, C_OBJECTS, true, expected, Integer.MAX_VALUE, maxIndex);
    this.orders =
        new IdTable(O_LONGS, O_OBJECTS, false, 2 * expected, Integer.MAX_VALUE, maxIndex);
  }

  /**
   * Starts a store: {@link Builder#retention(Duration) retention} is required, the rest
   * optional.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates an empty store with the given retention on the system clock; see
   * {@link #withRetention(Duration, Clock)}.
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @return a new empty store
   * @throws NullPointerException if {@code retention} is null
   * @throws IllegalArgumentException if {@code retention} is negative
   */
  public static InMemoryContactHistory withRetention(Duration retention) {
    return builder().retention(retention).build();
  }

  /**
   * Creates an empty store that forgets entries older than the retention, and never forgets
   * ahead of the given clock (see the class comment): give it the gate's clock. The short form
   * of {@code builder().retention(retention).clock(clock).build()}.
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @param clock the clock that bounds what "newest" can be; not null
   * @return a new empty store
   * @throws NullPointerException if {@code retention} or {@code clock} is null
   * @throws IllegalArgumentException if {@code retention} is negative
   */
  public static InMemoryContactHistory withRetention(Duration retention, Clock clock) {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(clock, "clock");
    return builder().retention(retention).clock(clock).build();
  }

  /**
   * Creates an empty store like {@link #withRetention(Duration)}, its indexes reserved for the
   * expected number of customers (see {@link Builder#expectedCustomers(int)}).
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @param expectedCustomers how many customers the store is expected to track; not negative
   * @return a new empty store
   * @throws NullPointerException if {@code retention} is null
   * @throws IllegalArgumentException if {@code retention} or {@code expectedCustomers} is
   *     negative, or {@code expectedCustomers} is too large
   */
  public static InMemoryContactHistory withRetention(Duration retention, int expectedCustomers) {
    return builder().retention(retention).expectedCustomers(expectedCustomers).build();
  }

  /**
   * Creates an empty store like {@link #withRetention(Duration, Clock)}, its indexes reserved for
   * the expected number of customers (see {@link Builder#expectedCustomers(int)}).
   *
   * @param retention how long entries are kept behind the newest one (or the clock's time, if
   *     that is earlier); not null, not negative; use at least the policy's longest window
   * @param expectedCustomers how many customers the store is expected to track; not negative
   * @param clock the clock that bounds what "newest" can be; not null
   * @return a new empty store
   * @throws NullPointerException if {@code retention} or {@code clock} is null
   * @throws IllegalArgumentException if {@code retention} or {@code expectedCustomers} is
   *     negative, or {@code expectedCustomers} is too large
   */
  public static InMemoryContactHistory withRetention(
      Duration retention, int expectedCustomers, Clock clock) {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(clock, "clock");
    return builder().retention(retention).expectedCustomers(expectedCustomers).clock(clock)
        .build();
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

  /**
   * For tests of the layout: whether the customer is tracked and held in its row alone, without
   * a state object (see the design notes).
   */
  boolean heldInRow(String customerId) {
    long stamp = lock.readLock();
    try {
      int c = customers.find(customerId);
      return c >= 0 && customers.obj(c, C_FULL_STATE) == null;
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
   * type of every object it reads from a row before casting.
   */
  private HistorySnapshot read(HistoryQuery query, long from, long to) {
    String customerId = query.customerId();
    // Decided orders only when asked for: an empty range otherwise.
    long ordersFrom =
        query.ordersFrom() == null ? Long.MAX_VALUE : Micros.of(query.ordersFrom());
    int c = customers.find(customerId);
    long version = 0L;
    boolean optedOut = false;
    List<SurveyRecord> surveys = List.of();
    List<Instant> responses = List.of();
    List<Instant> decidedOrders = List.of();
    if (c >= 0) {
      long word = customers.peek(c, C_VERSION);
      version = word & ~FLAGS;
      optedOut = (word & OPTED_OUT) != 0;
      if (customers.peekObj(c, C_FULL_STATE) instanceof CustomerState state) {
        surveys = state.surveys().inRange(customerId, from, to);
        responses = inRange(state.responses(), from, to);
        decidedOrders = inRange(state.orders(), ordersFrom, to);
      } else {
        long orderHead = customers.peek(c, C_SURVEY_ORDER_HEAD);
        long at = customers.peek(c, C_SURVEY_AT);
        if (orderHead != PackedId.NOT_PACKABLE && at >= from && at <= to) {
          StoredSurveys inline = StoredSurveys.single(at, orderHead,
              customers.peek(c, C_SURVEY_ORDER_TAIL),
              stringOrNull(customers.peekObj(c, C_SURVEY_ACCOUNT)),
              stringOrNull(customers.peekObj(c, C_SURVEY_SKU)));
          surveys = new SurveysInRange(inline, customerId, 0, 1);
        }
        if ((orderHead != PackedId.NOT_PACKABLE || (word & ORDER_ONLY) != 0)
            && at >= ordersFrom && at <= to) {
          decidedOrders = List.of(Micros.toInstant(at));
        }
      }
    }
    AccountState account =
        query.accountId() == null
            ? AccountState.NEW
            : accounts.getOrDefault(query.accountId(), AccountState.NEW);
    int o = orders.find(query.orderId());
    DecidedOrder decided = o >= 0
        ? new DecidedOrder((orders.peek(o, O_CUSTOMER_TAIL) & LIVE_SURVEY) != 0,
            Micros.toInstant(orders.peek(o, O_DECIDED_AT)))
        : null;
    return new HistorySnapshot(
        o >= 0,
        optedOut,
        surveys,
        account.surveys().inRange(null, from, to),
        responses,
        version,
        account.version(),
        decided,
        decidedOrders);
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
      // Every decided order counts for its customer, so every commit writes the customer's row.
      int c = customers.find(commit.customerId());
      if (orders.full() || (c < 0 && customers.full())) {
        throw full(StoreOperation.COMMIT);
      }
      CustomerState customer = stateOf(c);
      AccountState account =
          !survey || commit.accountId() == null
              ? AccountState.NEW
              : accounts.getOrDefault(commit.accountId(), AccountState.NEW);
      if ((commit.versionChecked() && customer.version() != commit.expectedCustomerVersion())
          || (survey && commit.accountId() != null
              && account.version() != commit.expectedAccountVersion())) {
        return false;
      }
      long[] decidedOrders = Micros.insertSorted(customer.orders(), decided);
      if (!survey) {
        // A skip changes the version only when version-checked, and trims nothing, as before
        // orders were counted.
        put(entryOf(commit.customerId(), c), new CustomerState(
            commit.versionChecked() ? nextVersion() : customer.version(), customer.optedOut(),
            customer.surveys(), customer.responses(), decidedOrders));
      } else {
        SurveyRecord record = commit.survey();
        long at = Micros.of(record.at());
        // A relationship survey has no SKU.
        String sku = record.sku() == null ? null : pooled(record.sku());
        CustomerState updated =
            new CustomerState(
                nextVersion(), customer.optedOut(),
                customer.surveys().plus(at, record.orderId(), null, record.accountId(), sku),
                customer.responses(), decidedOrders);
        put(entryOf(commit.customerId(), c), trim(updated, now));
        if (commit.accountId() != null) {
          StoredSurveys surveys =
              account.surveys().plus(at, record.orderId(), record.customerId(),
                  record.accountId(), sku);
          surveys = surveys.notBefore(trimCutoff(surveys.newestMicros(), now));
          accounts.put(commit.accountId(), new AccountState(nextVersion(), surveys));
        }
      }
      int o = orders.insert(commit.orderId());
      long customerHead = PackedId.head(commit.customerId());
      long live = survey ? LIVE_SURVEY : 0L;
      if (customerHead != PackedId.NOT_PACKABLE) {
        orders.set(o, O_CUSTOMER_HEAD, customerHead);
        orders.set(o, O_CUSTOMER_TAIL, PackedId.tail(commit.customerId()) | live);
      } else {
        orders.setObj(o, O_CUSTOMER_STRING, commit.customerId());
        orders.set(o, O_CUSTOMER_TAIL, live);
      }
      orders.set(o, O_DECIDED_AT, decided);
      if (survey) {
        orders.setObj(o, O_SURVEY_ACCOUNT, commit.accountId());
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
      if (o < 0 || (orders.get(o, O_CUSTOMER_TAIL) & LIVE_SURVEY) == 0) {
        return false;
      }
      orders.set(o, O_CUSTOMER_TAIL, orders.get(o, O_CUSTOMER_TAIL) & ~LIVE_SURVEY);
      String accountId = (String) orders.obj(o, O_SURVEY_ACCOUNT);
      orders.setObj(o, O_SURVEY_ACCOUNT, null);
      int c = customers.find(customerOf(o));
      if (c >= 0) {
        CustomerState customer = stateOf(c);
        // The order stays decided, so it stays among the customer's decided orders.
        put(c, new CustomerState(
            nextVersion(), customer.optedOut(), customer.surveys().withoutOrder(orderId),
            customer.responses(), customer.orders()));
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
                  Micros.insertSorted(customer.responses(), micros), customer.orders()),
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
          new CustomerState(nextVersion(), optedOut, customer.surveys(), customer.responses(),
              customer.orders()));
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
      if (orders.get(o, O_DECIDED_AT) < cutoff) {
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

  /**
   * Drops the customer's entries before the cutoff, and the customer if nothing is left. Reads
   * an inline row directly, so that a sweep over millions of customers allocates nothing for
   * those whose row stays as it is.
   */
  private void purgeCustomer(int c, long cutoff) {
    if (customers.obj(c, C_FULL_STATE) instanceof CustomerState state) {
      CustomerState kept = state.notBefore(cutoff);
      if (kept.isEmpty()) {
        customers.remove(c);
      } else {
        put(c, kept);
      }
      return;
    }
    // The inline survey and its order, or the one order without survey, share C_SURVEY_AT.
    if ((customers.get(c, C_SURVEY_ORDER_HEAD) != PackedId.NOT_PACKABLE
            || (customers.get(c, C_VERSION) & ORDER_ONLY) != 0)
        && customers.get(c, C_SURVEY_AT) < cutoff) {
      clearInline(c);
    }
    if (customers.get(c, C_SURVEY_ORDER_HEAD) == PackedId.NOT_PACKABLE
        && (customers.get(c, C_VERSION) & FLAGS) == 0) {
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
      long head = PackedId.head(customerId);
      long tail = head != PackedId.NOT_PACKABLE ? PackedId.tail(customerId) : 0L;
      orders.forEachLive(0, Integer.MAX_VALUE, o -> {
        boolean theirs =
            head != PackedId.NOT_PACKABLE
                ? orders.get(o, O_CUSTOMER_HEAD) == head
                    && (orders.get(o, O_CUSTOMER_TAIL) & ~LIVE_SURVEY) == tail
                : orders.get(o, O_CUSTOMER_HEAD) == PackedId.NOT_PACKABLE
                    && customerId.equals(orders.obj(o, O_CUSTOMER_STRING));
        if (theirs) {
          orders.remove(o);
        }
      });
      accounts.replaceAll(
          (id, a) -> {
            StoredSurveys kept = a.surveys().withoutCustomer(customerId);
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
    long head = orders.get(o, O_CUSTOMER_HEAD);
    return head != PackedId.NOT_PACKABLE
        ? PackedId.decode(head, orders.get(o, O_CUSTOMER_TAIL) & ~LIVE_SURVEY)
        : (String) orders.obj(o, O_CUSTOMER_STRING);
  }

  /** The state of customer entry {@code c}, whichever form its row has; NEW for -1. */
  private CustomerState stateOf(int c) {
    if (c < 0) {
      return CustomerState.NEW;
    }
    if (customers.obj(c, C_FULL_STATE) instanceof CustomerState state) {
      return state;
    }
    long word = customers.get(c, C_VERSION);
    long orderHead = customers.get(c, C_SURVEY_ORDER_HEAD);
    long at = customers.get(c, C_SURVEY_AT);
    StoredSurveys surveys =
        orderHead == PackedId.NOT_PACKABLE
            ? StoredSurveys.NONE
            : StoredSurveys.single(
                at,
                orderHead,
                customers.get(c, C_SURVEY_ORDER_TAIL),
                (String) customers.obj(c, C_SURVEY_ACCOUNT),
                (String) customers.obj(c, C_SURVEY_SKU));
    long[] decidedOrders = orderHead != PackedId.NOT_PACKABLE || (word & ORDER_ONLY) != 0
        ? new long[] {at} : CustomerState.NO_TIMES;
    return new CustomerState(word & ~FLAGS, (word & OPTED_OUT) != 0, surveys,
        CustomerState.NO_TIMES, decidedOrders);
  }

  /** The entry {@code c}, or a new entry for the customer when {@code c} is -1. */
  private int entryOf(String customerId, int c) {
    return c >= 0 ? c : customers.insert(customerId);
  }

  /** Stores the state in entry {@code c}: inline when it fits, else as the full state. */
  private void put(int c, CustomerState state) {
    long word = state.version() | (state.optedOut() ? OPTED_OUT : 0L);
    StoredSurveys surveys = state.surveys();
    long[] decidedOrders = state.orders();
    long orderHead = surveys.size() == 1 ? surveys.orderHead(0) : PackedId.NOT_PACKABLE;
    boolean inline = state.responses().length == 0 && surveys.size() <= 1
        && (surveys.isEmpty()
            ? decidedOrders.length <= 1
            : orderHead != PackedId.NOT_PACKABLE && decidedOrders.length == 1
                && decidedOrders[0] == surveys.micros(0));
    clearInline(c);
    if (!inline) {
      customers.setObj(c, C_FULL_STATE, state);
    } else if (!surveys.isEmpty()) {
      customers.set(c, C_SURVEY_AT, surveys.micros(0));
      customers.set(c, C_SURVEY_ORDER_HEAD, orderHead);
      customers.set(c, C_SURVEY_ORDER_TAIL, surveys.orderTail(0));
      customers.setObj(c, C_SURVEY_ACCOUNT, surveys.accountId(0));
      customers.setObj(c, C_SURVEY_SKU, surveys.sku(0));
    } else if (decidedOrders.length == 1) {
      customers.set(c, C_SURVEY_AT, decidedOrders[0]);
      word |= ORDER_ONLY;
    }
    customers.set(c, C_VERSION, word);
  }

  /**
   * Clears the inline survey or order and the full state of entry {@code c} (keeps the version
   * and the opt-out).
   */
  private void clearInline(int c) {
    customers.set(c, C_VERSION, customers.get(c, C_VERSION) & ~ORDER_ONLY);
    customers.set(c, C_SURVEY_AT, 0L);
    customers.set(c, C_SURVEY_ORDER_HEAD, 0L);
    customers.set(c, C_SURVEY_ORDER_TAIL, 0L);
    customers.setObj(c, C_SURVEY_ACCOUNT, null);
    customers.setObj(c, C_SURVEY_SKU, null);
    customers.setObj(c, C_FULL_STATE, null);
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

  /**
   * The state without surveys and responses older than its newest one (at most {@code now})
   * minus retention.
   */
  private CustomerState trim(CustomerState state, long now) {
    return state.trimmed(trimCutoff(state.newestMicros(), now));
  }

  /** The trim cut-off of entries whose newest is {@code newestMicros}: at most now - retention. */
  private long trimCutoff(long newestMicros, long now) {
    return forgets(minus(Math.min(newestMicros, now), retentionMicros));
  }

  /** Notes a cut-off before which entries may be dropped (writes hold the lock); returns it. */
  private long forgets(long cutoffMicros) {
    if (cutoffMicros > forgottenBeforeMicros) {
      forgottenBeforeMicros = cutoffMicros;
    }
    return cutoffMicros;
  }

  /**
   * The instant before which this store may have dropped entries by itself (its retention
   * behind the newest entry, bounded by its clock); the gate never surveys an event whose
   * windows reach before it. Empty until the store first forgets anything.
   *
   * @return the instant, or empty
   */
  @Override
  public Optional<Instant> forgottenBefore() {
    long micros = forgottenBeforeMicros;
    return micros == Long.MIN_VALUE ? Optional.empty() : Optional.of(Micros.toInstant(micros));
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
      return OptionalLong.of(forgets(minus(newest, retentionMicros)));
    }
    return OptionalLong.empty();
  }

  /**
   * Configures an {@link InMemoryContactHistory}: {@link #retention(Duration)} is required, every
   * other setting has a default. Each setting is checked where it is set and may be set once.
   *
   * <p>Not thread-safe; a builder may build several stores, each empty and independent.
   */
  public static final class Builder {
    private static final int UNSET = -1;

    private Duration retention;
    private Clock clock;
    private int expectedCustomers = UNSET;
    private int maxIndexSlots = UNSET;

    private Builder() {}

    /**
     * Sets how long entries are kept behind the newest one (or behind the clock's time, if that
     * is earlier): see the class comment of {@link InMemoryContactHistory}. Required.
     *
     * @param retention the retention; not null, not negative; use at least the policy's longest
     *     window (the gate's default store uses twice that)
     * @return this builder
     * @throws NullPointerException if {@code retention} is null
     * @throws IllegalArgumentException if {@code retention} is negative
     * @throws IllegalStateException if the retention was already set
     */
    public Builder retention(Duration retention) {
      requireUnset(this.retention == null, "retention", this.retention);
      Objects.requireNonNull(retention, "retention");
      if (retention.isNegative()) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "retention must not be negative, was %s", retention));
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets the clock that bounds what "newest" can be when the store forgets (default
     * {@link Clock#systemUTC()}): give it the gate's clock.
     *
     * @param clock the clock; not null
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     * @throws IllegalStateException if the clock was already set
     */
    public Builder clock(Clock clock) {
      requireUnset(this.clock == null, "clock", this.clock);
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many customers the store is expected to track (default 16). The store reserves
     * its indexes for them, and for twice as many decided order ids, when it is built (about 16
     * bytes per expected customer), so that a large store does not grow its indexes while it
     * fills. A hint only: the store grows beyond it as needed.
     *
     * @param expectedCustomers the expected number of customers; 0 to 1,073,741,823
     * @return this builder
     * @throws IllegalArgumentException if {@code expectedCustomers} is out of range
     * @throws IllegalStateException if the expected number was already set
     */
    public Builder expectedCustomers(int expectedCustomers) {
      requireUnset(this.expectedCustomers == UNSET, "expectedCustomers", this.expectedCustomers);
      if (expectedCustomers < 0 || expectedCustomers > MAX_EXPECTED) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "expectedCustomers must be in [0, %d], was %d",
                MAX_EXPECTED, expectedCustomers));
      }
      this.expectedCustomers = expectedCustomers;
      return this;
    }

    /**
     * For tests: indexes that stop growing at {@code slots} slots, so that the store is full
     * after 3/4 as many customers or decided orders.
     *
     * @param slots a power of two, at least 16
     */
    Builder maxIndexSlots(int slots) {
      requireUnset(this.maxIndexSlots == UNSET, "maxIndexSlots", this.maxIndexSlots);
      if (slots < 16 || Integer.bitCount(slots) != 1) {
        throw new IllegalArgumentException(String.format(
            Locale.ROOT, "maxIndexSlots must be a power of two of at least 16, was %d", slots));
      }
      this.maxIndexSlots = slots;
      return this;
    }

    /**
     * Builds an empty store.
     *
     * @return a new store
     * @throws IllegalStateException if the retention was not set
     */
    public InMemoryContactHistory build() {
      if (retention == null) {
        throw new IllegalStateException(
            "retention must be set: use at least the policy's longest window");
      }
      return new InMemoryContactHistory(this);
    }

    private static void requireUnset(boolean unset, String setting, Object current) {
      if (!unset) {
        throw new IllegalStateException(
            String.format(Locale.ROOT, "%s was already set to %s", setting, current));
      }
    }
  }
}
