package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The compact {@link InMemoryContactHistory} against {@link ReferenceContactHistory}, a plain
 * store on hash maps and the SPI's records: any sequence of commits (fresh and stale versions,
 * transactional and relationship surveys), skips (plain and version-checked), cancellations, responses, opt-outs, purges and erasures, over ids that pack and ids that
 * do not, returns the same results and leaves both stores with equal snapshots for every customer,
 * account and order. Version tokens are opaque, so they are compared through a one-to-one mapping
 * ({@link VersionMapping}): a token that changes in one store changes in the other, none is
 * reused, and {@code 0} stands for the same thing in both.
 */
class CompactStoreDifferentialProperties {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(200);

  private static final List<String> CUSTOMERS = List.of(
      "C1", "C2", "C100000000", "123456789012345678", "customer-id-of-19ch",
      "kl\u00e9ant", "a\u0000b");
  private static final List<String> ACCOUNTS = List.of("A1", "account-\u00fc");
  private static final List<String> ORDERS = List.of(
      "O1", "O2", "O3", "O4", "O5", "O6", "P100000000", "order-id-longer-than-18",
      "\u00d8rder", "123456789012345678", "O7", "O8", "O9", "O10");

  enum Kind {
    SURVEY, STALE_SURVEY, RELATIONSHIP_SURVEY, SKIP, CHECKED_SKIP, STALE_CHECKED_SKIP, CANCEL,
    RESPONSE, OPT_OUT, OPT_IN, PURGE, ERASE
  }

  /** One operation on both stores; indexes into the id lists, a time in micros after T0. */
  record Op(Kind kind, int customer, int account, int order, long micros) {
    Instant at() {
      return T0.plus(Duration.ofNanos(micros * 1000));
    }

    String customerId() {
      return CUSTOMERS.get(customer);
    }

    String accountId() {
      return account < ACCOUNTS.size() ? ACCOUNTS.get(account) : null;
    }

    String orderId() {
      return ORDERS.get(order);
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.SURVEY)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.STALE_SURVEY)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.RELATIONSHIP_SURVEY)),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SKIP)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CHECKED_SKIP)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.STALE_CHECKED_SKIP)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CANCEL)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.RESPONSE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.OPT_OUT)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.OPT_IN)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.PURGE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.ERASE)));
    // Times over about 2.5 retention periods, so per-customer trims and sweeps both happen, on
    // a coarse grid (every 10 days, plus 0 or 1 microsecond), so that equal times and exact
    // cut-offs (the retention is 20 steps) are common.
    Arbitrary<Long> micros = Combinators.combine(
            Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, 1))
        .as((step, micro) -> step * 10 * 86_400_000_000L + micro);
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, CUSTOMERS.size() - 1),
            Arbitraries.integers().between(0, ACCOUNTS.size() + 1),
            Arbitraries.integers().between(0, ORDERS.size() - 1),
            micros)
        .as(Op::new)
        .list()
        .ofMaxSize(60);
  }

  /**
   * The stores' clock: on the grid of the operations' times (so that some events lie after it
   * and "newest" is bounded by it), or far after all of them (no bound).
   */
  @Provide
  Arbitrary<Clock> clocks() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 55)
            .map(step -> T0.plus(Duration.ofDays(step * 10)))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Instant.parse("9999-01-01T00:00:00Z"))))
        .map(at -> Clock.fixed(at, ZoneOffset.UTC));
  }

  @Property(tries = 400)
  void compactStoreBehavesExactlyLikeTheMapStore(
      @ForAll("operations") List<Op> ops, @ForAll("clocks") Clock clock) {
    ContactHistory compact = InMemoryContactHistory.withRetention(RETENTION, clock);
    ContactHistory reference = new ReferenceContactHistory(RETENTION, clock);
    VersionMapping versions = new VersionMapping();
    for (Op op : ops) {
      assertThat(apply(compact, op)).as("result of %s", op).isEqualTo(apply(reference, op));
      assertSameState(compact, reference, versions, op);
    }
  }

  @Example
  void manyCustomersAcrossPagesWithErasuresRowReuseAndAChunkedPurge() {
    InMemoryContactHistory compact = InMemoryContactHistory.withRetention(RETENTION);
    ReferenceContactHistory reference = new ReferenceContactHistory(RETENTION, Clock.systemUTC());
    VersionMapping versions = new VersionMapping();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 3000; i++) {
        String customer = (i % 7 == 0 ? "long-customer-identifier-" : "C") + i;
        String order = "O" + round + "-" + i;
        Instant at = T0.plus(Duration.ofDays(round * 30L)).plusSeconds(i);
        for (ContactHistory store : List.of(compact, reference)) {
          HistorySnapshot s = store.load(new HistoryQuery(customer, null, order, T0, at));
          assertThat(store.commit(
              CommitRequest.survey(new SurveyRecord(order, customer, null, "SKU" + i, at), s)))
              .isTrue();
        }
      }
      for (int i = round; i < 3000; i += 5) {
        String customer = (i % 7 == 0 ? "long-customer-identifier-" : "C") + i;
        compact.eraseCustomer(customer);
        reference.eraseCustomer(customer);
      }
    }
    // A purge over more than one chunk of 4,096 rows, cutting through the second round.
    Instant cut = T0.plus(Duration.ofDays(30)).plusSeconds(1500);
    compact.purge(cut);
    reference.purge(cut);
    assertThat(compact.decidedOrders()).isBetween(1000, 8000);
    assertThat(compact.trackedCustomers()).isEqualTo(reference.trackedCustomers());
    assertThat(compact.decidedOrders()).isEqualTo(reference.decidedOrders());
    for (int i = 0; i < 3000; i++) {
      String customer = (i % 7 == 0 ? "long-customer-identifier-" : "C") + i;
      for (String order : List.of("O0-" + i, "O1-" + i, "O2-" + i)) {
        HistoryQuery q = new HistoryQuery(customer, null, order, T0, T0.plus(RETENTION));
        versions.assertSame(compact.load(q), reference.load(q), q);
      }
    }
  }

  private static Object apply(ContactHistory store, Op op) {
    switch (op.kind()) {
      case SURVEY:
      case STALE_SURVEY:
      case RELATIONSHIP_SURVEY: {
        HistorySnapshot s = store.load(new HistoryQuery(
            op.customerId(), op.accountId(), op.orderId(), T0, op.at()));
        if (op.kind() == Kind.STALE_SURVEY) {
          s = new HistorySnapshot(false, false, List.of(), List.of(), List.of(),
              s.customerVersion() + 1, s.accountVersion());
        }
        SurveyRecord survey = op.kind() == Kind.RELATIONSHIP_SURVEY
            ? SurveyRecord.relationship(op.orderId(), op.customerId(), op.accountId(), op.at())
            : new SurveyRecord(
                op.orderId(), op.customerId(), op.accountId(), "SKU-" + op.order(), op.at());
        return store.commit(CommitRequest.survey(survey, s));
      }
      case SKIP:
        return store.commit(
            CommitRequest.skip(op.orderId(), op.customerId(), op.accountId(), op.at()));
      case CHECKED_SKIP:
      case STALE_CHECKED_SKIP: {
        HistorySnapshot s = store.load(new HistoryQuery(
            op.customerId(), op.accountId(), op.orderId(), T0, op.at()));
        if (op.kind() == Kind.STALE_CHECKED_SKIP) {
          s = new HistorySnapshot(false, false, List.of(), List.of(), List.of(),
              s.customerVersion() + 1, 0L);
        }
        return store.commit(
            CommitRequest.skip(op.orderId(), op.customerId(), op.accountId(), op.at(), s));
      }
      case CANCEL:
        return store.cancel(op.orderId());
      case RESPONSE:
        store.recordResponse(op.customerId(), op.at());
        return null;
      case OPT_OUT:
      case OPT_IN:
        store.setOptedOut(op.customerId(), op.kind() == Kind.OPT_OUT);
        return null;
      case PURGE:
        store.purge(op.at());
        return null;
      case ERASE:
        store.eraseCustomer(op.customerId());
        return null;
      default:
        throw new AssertionError(op);
    }
  }

  private static void assertSameState(
      ContactHistory compact, ContactHistory reference, VersionMapping versions, Op op) {
    assertThat(((InMemoryContactHistory) compact).trackedCustomers())
        .as("customers after %s", op)
        .isEqualTo(((ReferenceContactHistory) reference).trackedCustomers());
    assertThat(((InMemoryContactHistory) compact).decidedOrders())
        .as("orders after %s", op)
        .isEqualTo(((ReferenceContactHistory) reference).decidedOrders());
    Instant from = T0.minus(Duration.ofDays(1));
    Instant to = T0.plus(Duration.ofDays(600));
    for (String customer : CUSTOMERS) {
      for (int a = 0; a <= ACCOUNTS.size(); a++) {
        String account = a < ACCOUNTS.size() ? ACCOUNTS.get(a) : null;
        for (String order : ORDERS) {
          HistoryQuery q = new HistoryQuery(customer, account, order, from, to, from);
          versions.assertSame(compact.load(q), reference.load(q), q + " after " + op);
        }
      }
      HistoryQuery narrow = new HistoryQuery(customer, null, "O1", op.at(), op.at().plusSeconds(
          86_400L * 90), op.at().plusSeconds(86_400L * 30));
      versions.assertSame(compact.load(narrow), reference.load(narrow), narrow + " after " + op);
      HistoryQuery noOrders = new HistoryQuery(customer, null, "O1", from, to);
      assertThat(compact.load(noOrders).customerOrders()).as("no orders asked for").isEmpty();
    }
  }

  /**
   * Pairs the stores' version tokens one to one: each store hands out a token for one state of
   * one customer or account, so a token of the compact store must always meet the same token of
   * the reference and the other way round, and {@code 0} (unknown, no account) only {@code 0}.
   */
  static final class VersionMapping {
    private final Map<Long, Long> toReference = new HashMap<>();
    private final Map<Long, Long> toCompact = new HashMap<>();

    /** Asserts the snapshots equal but for the version tokens, and their tokens paired. */
    void assertSame(HistorySnapshot compact, HistorySnapshot reference, Object what) {
      assertThat(withoutVersions(compact)).as("%s", what).isEqualTo(withoutVersions(reference));
      pair(compact.customerVersion(), reference.customerVersion(), "customer version of " + what);
      pair(compact.accountVersion(), reference.accountVersion(), "account version of " + what);
    }

    private void pair(long compact, long reference, String what) {
      if (compact == 0L || reference == 0L) {
        assertThat(compact).as(what).isEqualTo(reference);
        return;
      }
      assertThat(toReference.computeIfAbsent(compact, c -> reference)).as(what)
          .isEqualTo(reference);
      assertThat(toCompact.computeIfAbsent(reference, r -> compact)).as(what).isEqualTo(compact);
    }

    private static HistorySnapshot withoutVersions(HistorySnapshot s) {
      return new HistorySnapshot(s.orderDecided(), s.optedOut(), s.customerSurveys(),
          s.accountSurveys(), s.customerResponses(), 0L, 0L, null, s.customerOrders());
    }
  }
}
