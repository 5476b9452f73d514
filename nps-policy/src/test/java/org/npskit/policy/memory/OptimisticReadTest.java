package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Lock-free reads of the compact store while a writer keeps moving rows: customers are erased
 * (their rows freed and reused by other customers), re-created, given responses (which moves the
 * state out of the row into an object and back) and the tables grow. Without the validation of
 * the optimistic read this test failed within seconds (checked by removing it). Every snapshot a reader
 * gets must be one customer's own: survey order ids and SKUs name the customer queried. A read
 * that raced a write and was not repeated would return another customer's row.
 */
class OptimisticReadTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** Few customers get most writes, so rows are freed and reused under the readers all the time. */
  private static final int HOT = 6;
  /** Many more get the rest, so the index and the pages grow during the run. */
  private static final int COLD = 5_000;
  private static final int WRITES = 200_000;

  @Test
  void readersNeverSeeAnotherCustomersRowWhileRowsAreReused() throws Exception {
    InMemoryContactHistory store = InMemoryContactHistory.withRetention(Duration.ofDays(3650));
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        long seed = r;
        readers.add(pool.submit(() -> read(store, done, seed)));
      }
      Future<?> writer = pool.submit(() -> write(store, done));
      writer.get(2, TimeUnit.MINUTES);
      long checked = 0;
      for (Future<Long> reader : readers) {
        checked += reader.get(1, TimeUnit.MINUTES);
      }
      assertThat(checked).as("surveys checked by the readers").isGreaterThan(1000);
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
  }

  private static String customer(SplittableRandom random) {
    return customer(random.nextInt(10) < 9 ? random.nextInt(HOT) : HOT + random.nextInt(COLD));
  }

  private static String customer(int i) {
    return i % 5 == 0 ? "customer-with-a-long-id-" + i : "C" + i;
  }

  private static void write(InMemoryContactHistory store, AtomicBoolean done) {
    SplittableRandom random = new SplittableRandom(42);
    try {
      for (int n = 0; n < WRITES; n++) {
        String customer = customer(random);
        Instant at = T0.plusSeconds(n);
        int what = random.nextInt(10);
        if (what < 6) {
          String order = customer + "/" + n;
          HistorySnapshot s = store.load(new HistoryQuery(customer, null, order, T0, at));
          store.commit(CommitRequest.survey(
              new SurveyRecord(order, customer, null, customer, at), s));
        } else if (what < 8) {
          store.eraseCustomer(customer);
        } else if (what < 9) {
          store.recordResponse(customer, at);
        } else {
          store.setOptedOut(customer, random.nextBoolean());
        }
      }
    } finally {
      done.set(true);
    }
  }

  private static long read(InMemoryContactHistory store, AtomicBoolean done, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long checked = 0;
    while (!done.get()) {
      String customer = customer(random);
      HistorySnapshot s = store.load(
          new HistoryQuery(customer, null, "none", T0, T0.plusSeconds(WRITES)));
      for (SurveyRecord survey : s.customerSurveys()) {
        assertThat(survey.orderId()).startsWith(customer + "/");
        assertThat(survey.customerId()).isEqualTo(customer);
        assertThat(survey.sku()).isEqualTo(customer);
        checked++;
      }
      assertThat(s.orderDecided()).isFalse();
    }
    return checked;
  }
}
