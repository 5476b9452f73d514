package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Contact history store: decided orders, recorded surveys, responses and opt-outs.
 *
 * <p>Implementations must be thread-safe; stores shared by several processes (JDBC) must make
 * {@link #commit} atomic across processes. Every method throws {@link NullPointerException} for a
 * null argument and {@link HistoryUnavailableException} when the store cannot be reached; no other
 * exception type may escape. Instants must be kept at least to the microsecond (the gate truncates
 * decision times to microseconds).
 *
 * <p>Rules every store follows (checked by the contract suite {@code
 * org.npskit.test.ContactHistoryCompatibilityKit} of nps-test):
 *
 * <ul>
 *   <li>{@link #load} returns the customer's surveys, responses and the account's surveys whose
 *       time lies in {@code [from, to]}, ordered by time; cancelled surveys are never returned.
 *       Surveys keep their {@link SurveyKind} (a relationship survey has no SKU).
 *   <li>When the query sets {@link HistoryQuery#ordersFrom()}, {@link #load} also returns the
 *       decision times of the customer's decided orders in {@code [ordersFrom, to]}, ascending
 *       ({@link HistorySnapshot#customerOrders()}): SURVEY and SKIP, of any kind, cancelled
 *       surveys too, one per order id. The rules count them for the frequent-buyer rule.
 *   <li>{@link #commit} of a SURVEY succeeds only if the order id was never decided and the
 *       customer's (and, with an account, the account's) version still equals the expected one;
 *       it then stores the decided order and the survey and changes both versions. A SKIP commit
 *       succeeds iff the order id was never decided; it changes no version. A version-checked
 *       SKIP ({@link CommitRequest#versionChecked()}) also needs the customer's version to equal
 *       the expected one, and changes the customer's version (not the account's).
 *   <li>Responses and opt-out changes change the customer's version; cancellation changes the
 *       versions of the customer and the account.
 *   <li>{@link #load} reports in {@link HistorySnapshot#decidedOrder()} what is recorded for the
 *       queried order id when it was decided (or, for a store that cannot say, nothing).
 *   <li>A store that forgets by itself (not only on {@link #purge}) says from when on it still
 *       holds everything, through {@link #forgottenBefore()}.
 * </ul>
 */
public interface ContactHistory {

  /**
   * Reads the state the rules need for one order.
   *
   * @param query what to read; not null
   * @return the snapshot, never null
   * @throws HistoryUnavailableException if the store cannot be read
   */
  HistorySnapshot load(HistoryQuery query);

  /**
   * Atomically stores a decision if nothing relevant changed since the snapshot.
   *
   * @param commit the decision; not null
   * @return true if stored; false on a conflict (order id already decided, or a stale version for
   *     a SURVEY), in which case nothing was stored
   * @throws HistoryUnavailableException if the store cannot be written; the commit then may or may
   *     not have happened
   */
  boolean commit(CommitRequest commit);

  /**
   * Releases the survey of a cancelled or returned order: it no longer counts for cooldowns, caps
   * or repeat subjects. The order id stays decided.
   *
   * @param orderId the order; not null
   * @return true if a survey was released; false if the order is unknown, was a SKIP, or was
   *     already cancelled
   * @throws HistoryUnavailableException if the store cannot be written
   */
  boolean cancel(String orderId);

  /**
   * Records that the customer answered a survey at the given time.
   *
   * @param customerId the customer; not null
   * @param at when the response was given; not null
   * @throws HistoryUnavailableException if the store cannot be written
   */
  void recordResponse(String customerId, Instant at);

  /**
   * Sets or clears the customer's opt-out. Opt-outs are never purged by {@link #purge}.
   *
   * @param customerId the customer; not null
   * @param optedOut true to opt out, false to opt in again
   * @throws HistoryUnavailableException if the store cannot be written
   */
  void setOptedOut(String customerId, boolean optedOut);

  /**
   * Retention: deletes decided orders, surveys and responses whose time is strictly before the
   * given instant. Entries exactly at {@code olderThan} are kept.
   *
   * @param olderThan the cut-off; not null
   * @throws HistoryUnavailableException if the store cannot be written
   */
  void purge(Instant olderThan);

  /**
   * Erasure (GDPR): deletes everything about the customer: decided orders, surveys (also from the
   * account's history), responses and the opt-out flag.
   *
   * @param customerId the customer; not null
   * @throws HistoryUnavailableException if the store cannot be written
   */
  void eraseCustomer(String customerId);

  /**
   * Where this store's memory ends: entries older than the returned instant may have been
   * forgotten without a {@link #purge} call (a bounded in-memory store trims by its retention).
   * The gate never decides a SURVEY whose frequency windows reach before it: such a decision is
   * {@code HISTORY_EXPIRED}, because the surveys it would have to see may be gone.
   *
   * <p>The default, for stores that forget only when {@link #purge} is called: empty.
   *
   * @return the instant before which entries may be missing, or empty when nothing was forgotten
   *     by the store itself
   * @throws HistoryUnavailableException if the store cannot say
   */
  default Optional<Instant> forgottenBefore() {
    return Optional.empty();
  }
}
