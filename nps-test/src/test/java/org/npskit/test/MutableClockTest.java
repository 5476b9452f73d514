package org.npskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void standsStillUntilMoved() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.advance(Duration.ofDays(91))).isEqualTo(T0.plus(Duration.ofDays(91)));
    assertThat(clock.advance(Duration.ofDays(-1))).isEqualTo(T0.plus(Duration.ofDays(90)));
    clock.set(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock).hasToString("MutableClock[2026-03-01T10:00:00Z,Z]");
  }

  @Test
  void aZoneViewSharesTheInstant() {
    MutableClock utc = MutableClock.at(T0);
    MutableClock amsterdam = utc.withZone(ZoneId.of("Europe/Amsterdam"));
    assertThat(amsterdam.getZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
    amsterdam.advance(Duration.ofHours(1));
    assertThat(utc.instant()).isEqualTo(T0.plusSeconds(3600));
    utc.set(T0);
    assertThat(amsterdam.instant()).isEqualTo(T0);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> MutableClock.at("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start must be an ISO-8601 instant")
        .hasMessageContaining("'yesterday'");
    assertThatThrownBy(() -> MutableClock.at((Instant) null))
        .isInstanceOf(NullPointerException.class).hasMessage("start");
    assertThatThrownBy(() -> MutableClock.at(T0).set(null))
        .isInstanceOf(NullPointerException.class).hasMessage("instant");
    assertThatThrownBy(() -> MutableClock.at(T0).advance(null))
        .isInstanceOf(NullPointerException.class).hasMessage("by");
    assertThatThrownBy(() -> MutableClock.at(T0).withZone(null))
        .isInstanceOf(NullPointerException.class).hasMessage("zone");
  }

  @Test
  void anAdvanceOutOfRangeLeavesTheClockWhereItWas() {
    MutableClock clock = MutableClock.at(Instant.MAX.minusSeconds(1));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(2)))
        .isInstanceOf(DateTimeException.class);
    assertThat(clock.instant()).isEqualTo(Instant.MAX.minusSeconds(1));
  }

  @Test
  void concurrentAdvancesAreNeverLost() throws Exception {
    MutableClock clock = MutableClock.at(T0);
    int threads = 8;
    int steps = 10_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < steps; i++) {
            clock.advance(Duration.ofMillis(1));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(clock.instant()).isEqualTo(T0.plusMillis((long) threads * steps));
  }

  @Property(tries = 200)
  void advancesAdd(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long b) {
    MutableClock twice = MutableClock.at(T0);
    twice.advance(Duration.ofSeconds(a));
    twice.advance(Duration.ofSeconds(b));
    MutableClock once = MutableClock.at(T0);
    once.advance(Duration.ofSeconds(a + b));
    assertThat(twice.instant()).isEqualTo(once.instant());
  }
}
