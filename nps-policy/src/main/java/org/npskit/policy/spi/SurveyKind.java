package org.npskit.policy.spi;

/**
 * What a recorded survey asks about: one purchase, or the customer's relationship with the shop.
 *
 * <p>Immutable (an enum) and thread-safe.
 */
public enum SurveyKind {
  /** About one purchase: the survey has a subject SKU. */
  TRANSACTIONAL,
  /**
   * About the shop, not a product (a frequent buyer's survey): the survey has no SKU, counts for
   * cooldowns, caps and account rules like any survey and never for the repeat-subject window.
   */
  RELATIONSHIP
}
