package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentNpsAccumulatorTest {
  @Test
  void concurrentAddsAreAllCounted() throws Exception {
    int threads = 8;
    int perThread = 20_000;
    ConcurrentNpsAccumulator acc = ConcurrentNpsAccumulator.create();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    acc.add((i + id) % 11);
                  }
                  acc.addAll(new byte[] {10, 10, 0});
                  acc.addAll(new int[] {8});
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long[] expected = new long[11];
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        expected[(i + t) % 11]++;
      }
      expected[10] += 2;
      expected[0]++;
      expected[8]++;
    }
    assertThat(acc.tally()).isEqualTo(NpsTally.of(expected));
    assertThat(acc.n()).isEqualTo(threads * (perThread + 4L));
  }

  @Test
  void invalidBulkAddAddsNothing() {
    ConcurrentNpsAccumulator acc = ConcurrentNpsAccumulator.create(Scale.ONE_TO_TEN);
    assertThatThrownBy(() -> acc.addAll(new byte[] {3, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores[1]");
    assertThat(acc.n()).isZero();
    acc.merge(NpsTally.ofCategories(0, 2, 1));
    assertThat(acc.tally().toResult()).isEqualTo(new NpsResult(0, 2, 1));
  }
}
