package org.npskit.policy;

import java.util.Objects;

/**
 * One reason of a decision: a stable code and a human message (ids, SKUs and categories only,
 * no personal data). Immutable.
 *
 * @param code the reason code; not null
 * @param message the explanation; not null
 */
public record Reason(ReasonCode code, String message) {

  /**
   * Validates the components.
   *
   * @param code the reason code; not null
   * @param message the explanation; not null
   * @throws NullPointerException if a component is null
   */
  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
