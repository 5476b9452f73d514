package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store holds for a decided order id, as {@link HistorySnapshot#decidedOrder()} reports it
 * for the queried order: whether a survey is recorded for it, and the decision time.
 *
 * <p>It lets a caller whose earlier reply was lost (a crash, a broken connection) learn what was
 * recorded: a redelivery of the order is {@code DUPLICATE_ORDER}, and the decision tells whether
 * that order's survey was recorded and when it is due.
 *
 * <p>Immutable and thread-safe.
 *
 * @param survey true when a survey is recorded for the order and not cancelled; false for a
 *     SKIP, and for a survey released by {@link ContactHistory#cancel}
 * @param decidedAt the decision time recorded for the order; not null
 */
public record DecidedOrder(boolean survey, Instant decidedAt) {
  /**
   * Validates.
   *
   * @param survey the {@code survey} component
   * @param decidedAt the {@code decidedAt} component
   * @throws NullPointerException if {@code decidedAt} is null
   */
  public DecidedOrder {
    Objects.requireNonNull(decidedAt, "decidedAt");
  }
}
