package org.npskit.core;

import java.time.Instant;

/**
 * Values the module's tests share. nps-core reads no clock (every time is an argument), so there
 * is no test clock; tests whose assertions are about particular dates (day, week and month
 * boundaries, the README's example responses) spell those dates out instead of using {@link #T0}.
 */
final class Fixtures {
  /** The instant a test starts from when the date itself does not matter. */
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}
}
