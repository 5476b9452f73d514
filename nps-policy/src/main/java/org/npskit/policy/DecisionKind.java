package org.npskit.policy;

/**
 * What a decision is about: one purchase, or the customer's relationship with the shop. A
 * frequent buyer's purchase (see {@link SurveyPolicy#relationshipTrigger()}) is decided as a
 * relationship decision unless its subject is an "always" line; every other purchase is
 * transactional.
 *
 * <p>Immutable (an enum) and thread-safe.
 */
public enum DecisionKind {
  /** About the purchase: the survey, or the would-be survey, has a subject line. */
  TRANSACTIONAL,
  /**
   * About the shop, not a product ("would you recommend us?"): a frequent buyer's decision, with
   * no subject, no line reasons and no {@code BELOW_MIN_ORDER_VALUE}, at most one survey per
   * relationship interval.
   */
  RELATIONSHIP
}
