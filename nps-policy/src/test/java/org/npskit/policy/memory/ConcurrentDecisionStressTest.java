package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Deciders and readers race on the same customers of one compact store, released together by a
 * start latch; the counts at the end are exact whatever the interleaving.
 *
 * <p>Every one of {@value #DECIDERS} deciders decides every order (in its own shuffled order), as
 * a redelivering queue would: load, survey when the customer has fewer than
 * {@value #CUSTOMER_CAP} surveys and the account fewer than {@value #ACCOUNT_CAP}, else skip;
 * commit; on a refused commit load again (the gate's loop). Every fifth customer also gets a
 * response from every decider for each of its orders, which moves that customer's state out of
 * its row and changes its version under the other deciders. The store starts small, so its
 * tables grow (and move their index) during the race. A churner meanwhile surveys, answers and
 * erases a few other customers over and over, so that rows are freed and reused by other
 * customers under the readers' feet, and two readers load snapshots of all of them.
 *
 * <p>Checked exactly at the end: each order was won by exactly one commit (never decided twice),
 * every order is decided, a customer without account has exactly {@value #CUSTOMER_CAP} surveys
 * and an account exactly {@value #ACCOUNT_CAP} (its customers could take {@value
 * #CUSTOMERS_PER_ACCOUNT} x {@value #CUSTOMER_CAP}, so the cap binds: an account below it would
 * mean a skip decided on a snapshot that showed it below), the stored surveys are exactly those
 * of the orders whose winning commit was a survey, and responses number exactly what was
 * recorded. Checked on every snapshot any thread loads (no snapshot is torn): caps hold, each
 * survey is its customer's and the account's, lists are in time order, one thread never sees a
 * version go back, and every snapshot of one customer (account) version shows the same surveys
 * and responses, whichever thread loaded it. A read that raced a write and was not discarded
 * would show another customer's row or a half-written one: with the validation of the
 * optimistic read removed, this test failed in two of three runs on a loaded 2-core machine
 * (whether a race hits is up to the scheduler; {@code OptimisticReadTest}, ten times longer,
 * failed in every run).
 */
class ConcurrentDecisionStressTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant END = T0.plus(Duration.ofDays(1));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static final int DECIDERS = 4;
  private static final int READERS = 2;
  private static final int ACCOUNTS = 12;
  private static final int CUSTOMERS_PER_ACCOUNT = 8;
  /** Customers without account, after the account customers. */
  private static final int LONE_CUSTOMERS = 32;
  private static final int CUSTOMERS = ACCOUNTS * CUSTOMERS_PER_ACCOUNT + LONE_CUSTOMERS;
  private static final int ORDERS_PER_CUSTOMER = 8;
  private static final int ORDERS = CUSTOMERS * ORDERS_PER_CUSTOMER;
  private static final int CUSTOMER_CAP = 3;
  private static final int ACCOUNT_CAP = 20;
  /** Customers the churner erases and re-creates (after the decided customers). */
  private static final int CHURNED = 8;
  private static final int CHURN_STEPS = 30_000;

  private final InMemoryContactHistory store =
      InMemoryContactHistory.withRetention(Duration.ofDays(3650), CLOCK);
  /** Commits that returned true, per order. */
  private final AtomicIntegerArray wins = new AtomicIntegerArray(ORDERS);
  /** Whether the winning commit of an order was a survey. */
  private final AtomicIntegerArray surveyed = new AtomicIntegerArray(ORDERS);
  /** The surveys and responses seen with each version of a customer or account. */
  private final Map<String, List<String>> seenByVersion = new ConcurrentHashMap<>();
  private final AtomicBoolean decidersDone = new AtomicBoolean();

  @Test
  void racingDecidersSurveyExactlyUpToTheCapsAndNoSnapshotIsTorn() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(DECIDERS + 1 + READERS);
    CountDownLatch ready = new CountDownLatch(DECIDERS + 1 + READERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> deciders = new ArrayList<>();
      for (int d = 0; d < DECIDERS; d++) {
        int seed = d;
        deciders.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return decideAll(seed);
        }));
      }
      Future<Integer> churner = pool.submit(() -> {
        ready.countDown();
        start.await();
        return churn();
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int seed = 100 + r;
        readers.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return readUntilDecidersAreDone(seed);
        }));
      }
      assertThat(ready.await(1, TimeUnit.MINUTES)).as("all threads ready").isTrue();
      start.countDown();
      try {
        for (Future<Integer> decider : deciders) {
          assertThat(decider.get(2, TimeUnit.MINUTES)).isEqualTo(ORDERS);
        }
        assertThat(churner.get(2, TimeUnit.MINUTES)).isEqualTo(CHURN_STEPS);
      } finally {
        decidersDone.set(true);
      }
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(1, TimeUnit.MINUTES)).as("snapshots a reader checked").isPositive();
      }
    } finally {
      pool.shutdownNow();
    }

    int surveys = 0;
    for (int o = 0; o < ORDERS; o++) {
      assertThat(wins.get(o)).as("commits that won order %s", orderId(o)).isEqualTo(1);
      surveys += surveyed.get(o);
    }
    for (int c = CUSTOMERS; c < CUSTOMERS + CHURNED; c++) {
      store.eraseCustomer(customerId(c));
    }
    assertThat(store.decidedOrders()).isEqualTo(ORDERS);
    assertThat(surveys)
        .isEqualTo(ACCOUNTS * ACCOUNT_CAP + LONE_CUSTOMERS * CUSTOMER_CAP);
    for (int a = 0; a < ACCOUNTS; a++) {
      int ofCustomers = 0;
      List<String> accountOrders = null;
      for (int k = 0; k < CUSTOMERS_PER_ACCOUNT; k++) {
        int c = a * CUSTOMERS_PER_ACCOUNT + k;
        HistorySnapshot s = finalSnapshot(c);
        accountOrders = orderIds(s.accountSurveys());
        ofCustomers += s.customerSurveys().size();
        assertThat(s.customerSurveys().size()).isLessThanOrEqualTo(CUSTOMER_CAP);
      }
      assertThat(accountOrders).as("surveys of account %s", accountId(a)).hasSize(ACCOUNT_CAP);
      assertThat(ofCustomers).as("its customers' surveys").isEqualTo(ACCOUNT_CAP);
    }
    List<String> stored = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      HistorySnapshot s = finalSnapshot(c);
      if (account(c) < 0) {
        assertThat(s.customerSurveys()).as("surveys of %s", customerId(c)).hasSize(CUSTOMER_CAP);
      }
      assertThat(s.customerResponses()).as("responses of %s", customerId(c))
          .hasSize(getsResponses(c) ? DECIDERS * ORDERS_PER_CUSTOMER : 0);
      stored.addAll(orderIds(s.customerSurveys()));
    }
    List<String> won = new ArrayList<>();
    for (int o = 0; o < ORDERS; o++) {
      if (surveyed.get(o) == 1) {
        won.add(orderId(o));
      }
    }
    assertThat(stored).containsExactlyInAnyOrderElementsOf(won);
  }

  /** Decides every order once, in a shuffled order; returns how many it handled. */
  private int decideAll(int seed) {
    List<Integer> order = new ArrayList<>();
    for (int o = 0; o < ORDERS; o++) {
      order.add(o);
    }
    Collections.shuffle(order, new Random(seed));
    Map<Integer, Long> versions = new HashMap<>();
    int handled = 0;
    for (int o : order) {
      decide(o, versions);
      int c = o / ORDERS_PER_CUSTOMER;
      if (getsResponses(c)) {
        store.recordResponse(customerId(c), T0.plusSeconds(o).plusMillis(seed));
      }
      handled++;
    }
    return handled;
  }

  /** The gate's loop: load, decide, commit; a refused commit means the history moved. */
  private void decide(int o, Map<Integer, Long> versions) {
    int c = o / ORDERS_PER_CUSTOMER;
    Instant at = T0.plusSeconds(o);
    while (true) {
      HistorySnapshot s = load(c, orderId(o));
      check(c, s, versions);
      if (s.orderDecided()) {
        return;
      }
      boolean survey = s.customerSurveys().size() < CUSTOMER_CAP
          && (account(c) < 0 || s.accountSurveys().size() < ACCOUNT_CAP);
      CommitRequest request = survey
          ? CommitRequest.survey(
              new SurveyRecord(orderId(o), customerId(c), accountIdOf(c), sku(c), at), s)
          : CommitRequest.skip(orderId(o), customerId(c), accountIdOf(c), at);
      if (store.commit(request)) {
        wins.incrementAndGet(o);
        if (survey) {
          surveyed.set(o, 1);
        }
        return;
      }
    }
  }

  /**
   * Surveys, answers and erases the churned customers at random; an erased customer starts again
   * at version 0, so these are checked without the version history of the others.
   */
  private int churn() {
    Random random = new Random(42);
    for (int n = 0; n < CHURN_STEPS; n++) {
      int c = CUSTOMERS + random.nextInt(CHURNED);
      int what = random.nextInt(10);
      if (what < 6) {
        String orderId = customerId(c) + "/churn-" + n;
        HistorySnapshot s = load(c, orderId);
        check(c, s, null);
        store.commit(CommitRequest.survey(
            new SurveyRecord(orderId, customerId(c), null, sku(c), T0.plusMillis(n)), s));
      } else if (what < 8) {
        store.eraseCustomer(customerId(c));
      } else {
        store.recordResponse(customerId(c), T0.plusMillis(n));
      }
    }
    return CHURN_STEPS;
  }

  private int readUntilDecidersAreDone(int seed) {
    Random random = new Random(seed);
    Map<Integer, Long> versions = new HashMap<>();
    int checked = 0;
    do {
      // Half the reads go to the churned customers, whose rows change hands all the time.
      int c = random.nextBoolean() ? random.nextInt(CUSTOMERS) : CUSTOMERS + random.nextInt(CHURNED);
      check(c, load(c, "none"), c < CUSTOMERS ? versions : null);
      checked++;
    } while (!decidersDone.get());
    return checked;
  }

  private HistorySnapshot load(int c, String orderId) {
    return store.load(new HistoryQuery(customerId(c), accountIdOf(c), orderId, T0, END));
  }

  private HistorySnapshot finalSnapshot(int c) {
    return load(c, "none");
  }

  /**
   * What every snapshot must show, whoever loaded it and whenever; {@code versionsSeen} is the
   * thread's own record of versions, null for a churned customer.
   */
  private void check(int c, HistorySnapshot s, Map<Integer, Long> versionsSeen) {
    String customer = customerId(c);
    if (c >= CUSTOMERS) {
      checkChurned(c, s);
      return;
    }
    assertThat(s.customerSurveys().size()).isLessThanOrEqualTo(CUSTOMER_CAP);
    assertThat(s.accountSurveys().size()).isLessThanOrEqualTo(account(c) < 0 ? 0 : ACCOUNT_CAP);
    assertThat(s.optedOut()).isFalse();
    Instant previous = Instant.MIN;
    for (SurveyRecord survey : s.customerSurveys()) {
      assertThat(survey.orderId()).startsWith(customer + "/");
      assertThat(survey.customerId()).isEqualTo(customer);
      assertThat(survey.accountId()).isEqualTo(accountIdOf(c));
      assertThat(survey.sku()).isEqualTo(sku(c));
      assertThat(survey.at()).isAfterOrEqualTo(previous);
      previous = survey.at();
    }
    previous = Instant.MIN;
    for (SurveyRecord survey : s.accountSurveys()) {
      int owner = customerIndex(survey.customerId());
      assertThat(account(owner)).as("account of %s", survey).isEqualTo(account(c));
      assertThat(survey.orderId()).startsWith(survey.customerId() + "/");
      assertThat(survey.sku()).isEqualTo(sku(owner));
      assertThat(survey.at()).isAfterOrEqualTo(previous);
      previous = survey.at();
    }
    assertThat(s.customerResponses()).isSorted()
        .hasSizeLessThanOrEqualTo(getsResponses(c) ? DECIDERS * ORDERS_PER_CUSTOMER : 0);
    Long before = versionsSeen.put(c, s.customerVersion());
    if (before != null) {
      assertThat(s.customerVersion()).as("version of %s", customer).isGreaterThanOrEqualTo(before);
    }
    List<String> content = new ArrayList<>(orderIds(s.customerSurveys()));
    s.customerResponses().forEach(r -> content.add(r.toString()));
    assertSameAsBefore(customer + "@" + s.customerVersion(), content);
    if (account(c) >= 0) {
      assertSameAsBefore(accountIdOf(c) + "@" + s.accountVersion(), orderIds(s.accountSurveys()));
    }
  }

  /** A churned customer's snapshot shows only its own surveys, in time order. */
  private void checkChurned(int c, HistorySnapshot s) {
    String customer = customerId(c);
    Instant previous = Instant.MIN;
    for (SurveyRecord survey : s.customerSurveys()) {
      assertThat(survey.orderId()).startsWith(customer + "/churn-");
      assertThat(survey.customerId()).isEqualTo(customer);
      assertThat(survey.accountId()).isNull();
      assertThat(survey.sku()).isEqualTo(sku(c));
      assertThat(survey.at()).isAfterOrEqualTo(previous);
      previous = survey.at();
    }
    assertThat(s.accountSurveys()).isEmpty();
    assertThat(s.customerResponses()).isSorted();
    List<String> content = new ArrayList<>(orderIds(s.customerSurveys()));
    s.customerResponses().forEach(r -> content.add(r.toString()));
    if (s.customerVersion() != 0L) {
      assertSameAsBefore(customer + "@" + s.customerVersion(), content);
    } else {
      assertThat(content).as("%s at version 0", customer).isEmpty();
    }
  }

  private void assertSameAsBefore(String keyAtVersion, List<String> content) {
    List<String> first = seenByVersion.putIfAbsent(keyAtVersion, content);
    if (first != null) {
      assertThat(content).as("content of %s", keyAtVersion).isEqualTo(first);
    }
  }

  private static List<String> orderIds(List<SurveyRecord> surveys) {
    List<String> ids = new ArrayList<>();
    surveys.forEach(s -> ids.add(s.orderId()));
    return ids;
  }

  /** Customer ids pack, except every seventh (a long id kept as a string). */
  private static String customerId(int c) {
    return c % 7 == 0 ? "C" + c + "-with-an-id-too-long-to-pack" : "C" + c;
  }

  /** The inverse of {@link #customerId}. */
  private static int customerIndex(String customerId) {
    int end = 1;
    while (end < customerId.length() && Character.isDigit(customerId.charAt(end))) {
      end++;
    }
    return Integer.parseInt(customerId.substring(1, end));
  }

  private static String orderId(int o) {
    return customerId(o / ORDERS_PER_CUSTOMER) + "/" + o;
  }

  private static String sku(int c) {
    return "SKU-" + c;
  }

  /** The account of customer {@code c}, or -1 (lone and churned customers). */
  private static int account(int c) {
    return c < ACCOUNTS * CUSTOMERS_PER_ACCOUNT ? c / CUSTOMERS_PER_ACCOUNT : -1;
  }

  private static String accountId(int a) {
    return "A" + a;
  }

  private static String accountIdOf(int c) {
    return account(c) < 0 ? null : accountId(account(c));
  }

  private static boolean getsResponses(int c) {
    return c % 5 == 0;
  }
}
