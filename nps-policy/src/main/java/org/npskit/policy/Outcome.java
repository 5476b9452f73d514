package org.npskit.policy;

/**
 * The answer of a decision: send a survey about the purchase, or not.
 *
 * <p>Immutable (an enum) and thread-safe.
 */
public enum Outcome {
  /** Send a survey; the decision was recorded as a survey in the contact history. */
  SURVEY,
  /** Do not send a survey; the decision lists the reasons. */
  SKIP
}
