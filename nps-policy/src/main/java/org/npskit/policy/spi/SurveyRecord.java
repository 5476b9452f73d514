package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded survey: which order triggered it, to whom, about which SKU, and when (the decision
 * time, not the send time).
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId the order that triggered the survey; not blank
 * @param customerId the surveyed customer; not blank
 * @param accountId the account the purchase carried, or null when it carried none (then the
 *     survey counts for no account)
 * @param sku the subject SKU; not blank
 * @param at the decision time; not null
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (blank id, bad order).
 */
public record SurveyRecord(
    String orderId, String customerId, String accountId, String sku, Instant at) {

  /**
   * Validates the components.
   *
   * @param orderId the {@code orderId} component, see the class comment
   * @param customerId the {@code customerId} component, see the class comment
   * @param accountId the {@code accountId} component, see the class comment
   * @param sku the {@code sku} component, see the class comment
   * @param at the {@code at} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public SurveyRecord {
    Ids.require(orderId, "orderId");
    Ids.require(customerId, "customerId");
    Ids.optional(accountId, "accountId");
    Ids.require(sku, "sku");
    Objects.requireNonNull(at, "at");
  }

  /**
   * The account id, if the purchase carried one.
   *
   * @return the account id, or empty
   */
  public Optional<String> account() {
    return Optional.ofNullable(accountId);
  }
}
