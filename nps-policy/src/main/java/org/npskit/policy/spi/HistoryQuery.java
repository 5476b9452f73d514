package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules need to know to decide one order: the customer, the optional account, the order
 * id and the time range {@code [from, to]} (both ends inclusive) of surveys and responses to load.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer; not blank
 * @param accountId the account of the purchase, or null when it has none
 * @param orderId the order being decided; not blank
 * @param from the earliest instant to load, inclusive; not null
 * @param to the latest instant to load, inclusive; not null and not before {@code from}
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (blank id, bad order).
 */
public record HistoryQuery(
    String customerId, String accountId, String orderId, Instant from, Instant to) {

  /**
   * Validates the components.
   *
   * @param customerId the {@code customerId} component, see the class comment
   * @param accountId the {@code accountId} component, see the class comment
   * @param orderId the {@code orderId} component, see the class comment
   * @param from the {@code from} component, see the class comment
   * @param to the {@code to} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public HistoryQuery {
    Ids.require(customerId, "customerId");
    Ids.optional(accountId, "accountId");
    Ids.require(orderId, "orderId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "to must not be before from=%s, was %s", from, to));
    }
  }

  /**
   * The account id, if the purchase carries one.
   *
   * @return the account id, or empty
   */
  public Optional<String> account() {
    return Optional.ofNullable(accountId);
  }

  /**
   * Whether an instant lies in the query range {@code [from, to]}.
   *
   * @param instant the instant to test; not null
   * @return true if {@code from <= instant <= to}
   */
  public boolean covers(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return !instant.isBefore(from) && !instant.isAfter(to);
  }
}
