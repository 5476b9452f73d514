package org.npskit.test;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until the test moves it: give it to {@code
 * SurveyGate.builder(policy).clock(clock)}, to {@code InMemoryContactHistory.withRetention(retention,
 * clock)} and to the application's own code, then {@link #advance} or {@link #set} it.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
 * SurveyGate gate = SurveyGate.builder(policy).clock(clock).build();
 * gate.decideNow(tv);                      // decided at 2026-03-01T10:00:00Z
 * clock.advance(Duration.ofDays(91));
 * gate.decideNow(nextOrder);               // after the 90-day cooldown
 * }</pre>
 *
 * <p>{@link #withZone(ZoneId)} returns a view in another zone on the same instant: advancing
 * either moves both. The default zone is UTC.
 *
 * <p><b>Thread safety:</b> safe for concurrent use; the instant is held in an atomic reference, so
 * a reader sees the instant before or after a concurrent move, never a torn one.
 *
 * <p><b>Nulls:</b> no argument may be null ({@link NullPointerException}).
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A UTC clock standing at the given instant.
   *
   * @param start the initial instant; not null
   * @return the clock
   * @throws NullPointerException if {@code start} is null
   */
  public static MutableClock at(Instant start) {
    return new MutableClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * A UTC clock standing at the given ISO-8601 instant, e.g. {@code "2026-03-01T10:00:00Z"}.
   *
   * @param start the initial instant, as {@link Instant#parse} reads it; not null
   * @return the clock
   * @throws NullPointerException if {@code start} is null
   * @throws IllegalArgumentException if {@code start} is not an ISO-8601 instant; the message
   *     quotes it
   */
  public static MutableClock at(String start) {
    Objects.requireNonNull(start, "start");
    try {
      return at(Instant.parse(start));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "start must be an ISO-8601 instant such as 2026-03-01T10:00:00Z, was '" + start + "'",
          e);
    }
  }

  /**
   * Moves the clock by the given duration (back for a negative one).
   *
   * @param by how far; not null
   * @return the new instant
   * @throws NullPointerException if {@code by} is null
   * @throws DateTimeException if the result is outside {@link Instant}'s range (the clock then
   *     stays where it was)
   */
  public Instant advance(Duration by) {
    Objects.requireNonNull(by, "by");
    return now.updateAndGet(i -> i.plus(by));
  }

  /**
   * Sets the clock to the given instant.
   *
   * @param instant the new instant; not null
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * The zone of this view (UTC unless made by {@link #withZone}).
   *
   * @return the zone
   */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * A view of this clock in another zone, on the same mutable instant: moving either moves both.
   *
   * @param zone the zone; not null
   * @return the view (this clock when the zone is the same)
   * @throws NullPointerException if {@code zone} is null
   */
  @Override
  public MutableClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new MutableClock(now, zone);
  }

  /**
   * The current instant of the clock.
   *
   * @return the instant
   */
  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * The current instant in milliseconds since the epoch.
   *
   * @return the milliseconds
   */
  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  /**
   * The instant and zone, e.g. {@code MutableClock[2026-03-01T10:00:00Z,Z]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "MutableClock[" + now.get() + "," + zone + "]";
  }
}
