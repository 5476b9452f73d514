package org.npskit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh store per test and the helpers the store-specific tests share (queries over {@link
 * #FROM} to {@link #TO}, surveys, concurrent runs behind a start latch). The store contract itself
 * is {@code org.npskit.test.ContactHistoryCompatibilityKit} of nps-test, which runs npskit's own
 * stores; this module's tests check what only one store can get wrong.
 */
public abstract class StoreFixture {
  protected static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  protected static final Instant FROM = T0.minus(Duration.ofDays(150));
  protected static final Instant TO = T0.plus(Duration.ofDays(150));
  protected static final int THREADS = 16;
  protected static final int ROUNDS = 50;

  protected ContactHistory store;
  private ExecutorService pool;

  /** For subclasses. */
  protected StoreFixture() {}

  /**
   * A fresh, empty store; called before every test.
   *
   * @return the store under test
   */
  protected abstract ContactHistory newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  protected static HistoryQuery query(String customer, String account, String order) {
    return new HistoryQuery(customer, account, order, FROM, TO);
  }

  protected static SurveyRecord survey(String order, String customer, String account, Instant at) {
    return new SurveyRecord(order, customer, account, "SKU-" + order, at);
  }

  /** Loads, then commits a survey on that snapshot. */
  protected boolean commitSurvey(String order, String customer, String account, Instant at) {
    HistorySnapshot snapshot = store.load(query(customer, account, order));
    return store.commit(CommitRequest.survey(survey(order, customer, account, at), snapshot));
  }

  /** A task run by thread {@code i} of {@link #THREADS}. */
  protected interface Task<T> {
    /**
     * Runs the task.
     *
     * @param i the thread index
     * @return the result
     * @throws Exception on failure
     */
    T run(int i) throws Exception;
  }

  /**
   * Runs the task on {@link #THREADS} threads released together by a start latch.
   *
   * @param task the task
   * @param <T> the result type
   * @return the results, by thread index
   * @throws Exception if a task failed
   */
  protected <T> List<T> runConcurrently(Task<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                start.await();
                return task.run(index);
              }));
    }
    assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
