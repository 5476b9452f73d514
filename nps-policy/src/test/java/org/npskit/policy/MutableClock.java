package org.npskit.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A test clock that only moves when told to. Thread-safe. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  private MutableClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * A clock standing at the given instant.
   *
   * @param start the initial instant
   * @return the clock
   */
  public static MutableClock at(Instant start) {
    return new MutableClock(start);
  }

  /**
   * Moves the clock forward (or back, for a negative duration).
   *
   * @param by how far
   */
  public void advance(Duration by) {
    now.updateAndGet(i -> i.plus(by));
  }

  /**
   * Sets the clock.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is always UTC");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
