package org.npskit.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.npskit.policy.internal.Checks;

/**
 * A purchase (order) to decide on: ids, times, lines, consent and optionally the customer's time
 * zone. Immutable and thread-safe;
 * build one with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * Purchase p = Purchase.builder("A-102", "K-1")
 *     .accountId("B-77")
 *     .orderedAt(Instant.parse("2026-02-20T09:00:00Z"))
 *     .deliveredAt(Instant.parse("2026-02-24T12:00:00Z"))
 *     .line(OrderLine.of("OLED55-B4", "tv/oled", Money.of("1899.00", "EUR"), 1, "INSTALLATION"))
 *     .build();
 * }</pre>
 */
public final class Purchase {
  private final String orderId;
  private final String customerId;
  private final String accountId;
  private final Instant orderedAt;
  private final Instant deliveredAt;
  private final List<OrderLine> lines;
  private final boolean consent;
  private final ZoneId zone;

  private Purchase(Builder b) {
    this.orderId = b.orderId;
    this.customerId = b.customerId;
    this.accountId = b.accountId;
    this.orderedAt = Objects.requireNonNull(b.orderedAt, "orderedAt");
    this.deliveredAt = b.deliveredAt;
    this.lines = List.copyOf(b.lines);
    this.consent = b.consent;
    this.zone = b.zone;
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(
          Checks.format("lines must not be empty (order %s)", orderId));
    }
    if (deliveredAt != null && deliveredAt.isBefore(orderedAt)) {
      throw new IllegalArgumentException(
          Checks.format("deliveredAt must not be before orderedAt %s, was %s (order %s)",
              orderedAt, deliveredAt, orderId));
    }
    Currency currency = lines.get(0).unitPrice().currency();
    for (int i = 1; i < lines.size(); i++) {
      Currency other = lines.get(i).unitPrice().currency();
      if (!other.equals(currency)) {
        throw new IllegalArgumentException(
            Checks.format(
                "lines[%d].unitPrice.currency must be %s like lines[0], was %s (order %s)",
                i, currency, other, orderId));
      }
    }
  }

  /**
   * Starts a purchase.
   *
   * @param orderId the order id; not blank
   * @param customerId the customer id; not blank
   * @return a new builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is blank
   */
  public static Builder builder(String orderId, String customerId) {
    return new Builder(orderId, customerId);
  }

  /**
   * The order id.
   *
   * @return the order id, never null
   */
  public String orderId() {
    return orderId;
  }

  /**
   * The customer id.
   *
   * @return the customer id, never null
   */
  public String customerId() {
    return customerId;
  }

  /**
   * The business account (B2B) the purchase was made for.
   *
   * @return the account id, or empty for consumers
   */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * When the order was placed.
   *
   * @return the order time, never null
   */
  public Instant orderedAt() {
    return orderedAt;
  }

  /**
   * When the order was delivered.
   *
   * @return the delivery time, or empty if not (yet) delivered
   */
  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }

  /**
   * The event time used as decision time: delivered-at if present, else ordered-at.
   *
   * @return the event time, never null
   */
  public Instant eventTime() {
    return deliveredAt != null ? deliveredAt : orderedAt;
  }

  /**
   * The lines, in order.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<OrderLine> lines() {
    return lines;
  }

  /**
   * Whether the customer consented to surveys with this purchase.
   *
   * @return the consent flag
   */
  public boolean consent() {
    return consent;
  }

  /**
   * The customer's time zone, in which the policy's send window and send days are read.
   *
   * @return the zone, or empty when the purchase carries none (the policy's default zone
   *     applies)
   */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /**
   * The order's currency (all lines share it).
   *
   * @return the currency
   */
  public Currency currency() {
    return lines.get(0).unitPrice().currency();
  }

  /**
   * The order value: the sum of the line values.
   *
   * @return the order value
   */
  public Money orderValue() {
    Money total = new Money(java.math.BigDecimal.ZERO, currency());
    for (OrderLine line : lines) {
      total = total.plus(line.value());
    }
    return total;
  }

  @Override
  public String toString() {
    return "Purchase[orderId=" + orderId + ", customerId=" + customerId + ", accountId="
        + accountId + ", orderedAt=" + orderedAt + ", deliveredAt=" + deliveredAt + ", lines="
        + lines + ", consent=" + consent + (zone == null ? "" : ", zone=" + zone) + "]";
  }

  /** Builds a {@link Purchase}. Not thread-safe; use one builder per purchase. */
  public static final class Builder {
    private final String orderId;
    private final String customerId;
    private String accountId;
    private Instant orderedAt;
    private Instant deliveredAt;
    private final List<OrderLine> lines = new ArrayList<>();
    private boolean consent = true;
    private ZoneId zone;

    private Builder(String orderId, String customerId) {
      this.orderId = Checks.notBlank(orderId, "orderId");
      this.customerId = Checks.notBlank(customerId, "customerId");
    }

    /**
     * Sets the business account, or none: mapping code can pass a nullable column as it is.
     *
     * @param accountId the account id, not blank; or null for a purchase without account (the
     *     default)
     * @return this builder
     * @throws IllegalArgumentException if {@code accountId} is blank
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId == null ? null : Checks.notBlank(accountId, "accountId");
      return this;
    }

    /**
     * Sets the order time (required).
     *
     * @param orderedAt the order time; not null, in years 1 to 9999 (UTC)
     * @return this builder
     * @throws NullPointerException if {@code orderedAt} is null
     * @throws IllegalArgumentException if {@code orderedAt} is before year 1 or after year 9999
     *     (UTC)
     */
    public Builder orderedAt(Instant orderedAt) {
      this.orderedAt = Checks.inTimeRange(orderedAt, "orderedAt");
      return this;
    }

    /**
     * Sets the delivery time, or none (not delivered yet: the order time is the event time).
     *
     * @param deliveredAt the delivery time in years 1 to 9999 (UTC); or null for none (the
     *     default)
     * @return this builder
     * @throws IllegalArgumentException if {@code deliveredAt} is before year 1 or after year 9999
     *     (UTC)
     */
    public Builder deliveredAt(Instant deliveredAt) {
      this.deliveredAt =
          deliveredAt == null ? null : Checks.inTimeRange(deliveredAt, "deliveredAt");
      return this;
    }

    /**
     * Adds a line.
     *
     * @param line the line; not null
     * @return this builder
     * @throws NullPointerException if {@code line} is null
     */
    public Builder line(OrderLine line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /**
     * Adds lines, in the collection's iteration order.
     *
     * @param lines the lines; not null, no null element
     * @return this builder
     * @throws NullPointerException if {@code lines} or an element is null (the message names
     *     {@code lines[i]})
     */
    public Builder lines(Collection<OrderLine> lines) {
      Objects.requireNonNull(lines, "lines");
      int i = 0;
      for (OrderLine line : lines) {
        this.lines.add(Objects.requireNonNull(line, "lines[" + i + "]"));
        i++;
      }
      return this;
    }

    /**
     * Sets the consent flag (default true).
     *
     * @param consent whether the customer consented to surveys
     * @return this builder
     */
    public Builder consent(boolean consent) {
      this.consent = consent;
      return this;
    }

    /**
     * Sets the customer's time zone, or none: mapping code can pass a nullable column as it is.
     * The send window and send days of the policy are read in it.
     *
     * @param zone the zone (a region such as {@code Europe/Amsterdam}, or a fixed offset); or
     *     null for none (the default: the policy's default zone applies)
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * Builds the purchase.
     *
     * @return the purchase
     * @throws NullPointerException if the order time is missing
     * @throws IllegalArgumentException if there is no line, the lines mix currencies, or the
     *     delivery time is before the order time
     */
    public Purchase build() {
      return new Purchase(this);
    }
  }
}
