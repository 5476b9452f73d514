package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded survey: which order triggered it, to whom, about which SKU (a transactional
 * survey) or about the shop (a relationship survey, without SKU), and when (the decision time,
 * not the send time).
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId the order that triggered the survey; not blank
 * @param customerId the surveyed customer; not blank
 * @param accountId the account the purchase carried, or null when it carried none (then the
 *     survey counts for no account)
 * @param sku the subject SKU: not blank for a {@link SurveyKind#TRANSACTIONAL} survey, null for
 *     a {@link SurveyKind#RELATIONSHIP} one
 * @param at the decision time; not null
 * @param kind what the survey asks about; not null
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (blank id, a SKU that does
 * not fit the kind).
 */
public record SurveyRecord(
    String orderId, String customerId, String accountId, String sku, Instant at,
    SurveyKind kind) {

  /**
   * Validates the components.
   *
   * @param orderId the {@code orderId} component, see the class comment
   * @param customerId the {@code customerId} component, see the class comment
   * @param accountId the {@code accountId} component, see the class comment
   * @param sku the {@code sku} component, see the class comment
   * @param at the {@code at} component, see the class comment
   * @param kind the {@code kind} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public SurveyRecord {
    Ids.require(orderId, "orderId");
    Ids.require(customerId, "customerId");
    Ids.optional(accountId, "accountId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    if (kind == SurveyKind.TRANSACTIONAL) {
      Ids.require(sku, "sku");
    } else if (sku != null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "sku must be null for a %s survey, was '%s'", kind, sku));
    }
  }

  /**
   * A transactional survey about the SKU (the record of version 1 of the policy).
   *
   * @param orderId the {@code orderId} component, see the class comment
   * @param customerId the {@code customerId} component, see the class comment
   * @param accountId the {@code accountId} component, see the class comment
   * @param sku the subject SKU; not blank
   * @param at the {@code at} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public SurveyRecord(String orderId, String customerId, String accountId, String sku,
      Instant at) {
    this(orderId, customerId, accountId, sku, at, SurveyKind.TRANSACTIONAL);
  }

  /**
   * A relationship survey: about the shop, without SKU.
   *
   * @param orderId the order that triggered the survey; not blank
   * @param customerId the surveyed customer; not blank
   * @param accountId the account the purchase carried, or null
   * @param at the decision time; not null
   * @return the record
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static SurveyRecord relationship(
      String orderId, String customerId, String accountId, Instant at) {
    return new SurveyRecord(orderId, customerId, accountId, null, at, SurveyKind.RELATIONSHIP);
  }

  /**
   * The subject SKU.
   *
   * @return the SKU of a transactional survey, empty for a relationship survey
   */
  public Optional<String> subjectSku() {
    return Optional.ofNullable(sku);
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
