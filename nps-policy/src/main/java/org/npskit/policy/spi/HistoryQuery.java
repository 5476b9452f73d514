package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules need to know to decide one order: the customer, the optional account, the order
 * id and the time range {@code [from, to]} (both ends inclusive) of surveys and responses to load,
 * and, when the policy counts a customer's orders (a relationship trigger), from when on the
 * customer's decided orders are needed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer; not blank
 * @param accountId the account of the purchase, or null when it has none
 * @param orderId the order being decided; not blank
 * @param from the earliest instant to load, inclusive; not null
 * @param to the latest instant to load, inclusive; not null and not before {@code from}
 * @param ordersFrom the earliest decision time of the customer's decided orders to load
 *     ({@link HistorySnapshot#customerOrders()}, up to {@code to}, inclusive), inside {@code
 *     [from, to]}; null when no decided orders are needed (then none are loaded)
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (blank id, bad order).
 */
public record HistoryQuery(
    String customerId, String accountId, String orderId, Instant from, Instant to,
    Instant ordersFrom) {

  /**
   * Validates the components.
   *
   * @param customerId the {@code customerId} component, see the class comment
   * @param accountId the {@code accountId} component, see the class comment
   * @param orderId the {@code orderId} component, see the class comment
   * @param from the {@code from} component, see the class comment
   * @param to the {@code to} component, see the class comment
   * @param ordersFrom the {@code ordersFrom} component, see the class comment
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
    if (ordersFrom != null && (ordersFrom.isBefore(from) || ordersFrom.isAfter(to))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ordersFrom must lie in [from=%s, to=%s], was %s", from, to, ordersFrom));
    }
  }

  /**
   * A query that needs no decided orders ({@code ordersFrom} null), as in version 1 of the SPI.
   *
   * @param customerId the {@code customerId} component, see the class comment
   * @param accountId the {@code accountId} component, see the class comment
   * @param orderId the {@code orderId} component, see the class comment
   * @param from the {@code from} component, see the class comment
   * @param to the {@code to} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public HistoryQuery(
      String customerId, String accountId, String orderId, Instant from, Instant to) {
    this(customerId, accountId, orderId, from, to, null);
  }

  /**
   * From when on the customer's decided orders are to be loaded.
   *
   * @return {@code ordersFrom}, or empty when the query needs no decided orders
   */
  public Optional<Instant> decidedOrdersFrom() {
    return Optional.ofNullable(ordersFrom);
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
