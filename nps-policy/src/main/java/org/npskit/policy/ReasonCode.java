package org.npskit.policy;

/**
 * Why a purchase does not trigger a survey. The names are a public contract: they appear in
 * decisions, logs and the command-line tool's JSON output, and never change meaning.
 *
 * <p>Immutable (an enum) and thread-safe.
 */
public enum ReasonCode {
  /** The order id was decided before; an order never yields a second survey. */
  DUPLICATE_ORDER,
  /** The purchase carries no consent, or the customer opted out. */
  NO_CONSENT,
  /** The customer is in the sticky holdout (control) group. */
  HOLDOUT,
  /** A line's category is excluded from surveys. */
  EXCLUDED_CATEGORY,
  /** A line's value is below the minimum line value and the line is not an "always" line. */
  BELOW_MIN_LINE_VALUE,
  /** A line's SKU was the subject of a survey to this customer within the repeat window. */
  REPEAT_SUBJECT,
  /** The order total is below the minimum order value. */
  BELOW_MIN_ORDER_VALUE,
  /** The customer had a survey within the cooldown. */
  CUSTOMER_COOLDOWN,
  /**
   * A relationship decision: the customer had a relationship survey within the relationship
   * interval (on either side of the decision time).
   */
  RELATIONSHIP_INTERVAL,
  /** The customer reached the maximum number of surveys in the rolling window. */
  CUSTOMER_CAP,
  /** A customer of the same account had a survey within the account cooldown. */
  ACCOUNT_COOLDOWN,
  /** The account reached the maximum number of surveys in the rolling window. */
  ACCOUNT_CAP,
  /** The customer responded to a survey within the response cooldown. */
  RESPONSE_COOLDOWN,
  /** The customer is not in the sticky sample. */
  NOT_SAMPLED,
  /** The contact history could not be read or written and the policy fails closed. */
  HISTORY_UNAVAILABLE,
  /**
   * The decision time lies so far back that the contact history may have forgotten surveys its
   * frequency windows need (an event older than the store's retention allows to check); never a
   * survey, and nothing is recorded.
   */
  HISTORY_EXPIRED
}
