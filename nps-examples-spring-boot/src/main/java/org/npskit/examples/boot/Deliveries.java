package org.npskit.examples.boot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;

/**
 * Maps a {@link Delivery} to npskit's {@link Purchase}. A missing required field is reported by
 * its JSON path; every other check is the library's own, and its message (which names the value)
 * is prefixed with the JSON path of what it checked: {@code lines[0].unitPrice: amount must be a
 * plain decimal such as 59.95, was '12,50'}. Order-level messages need no prefix, the library's
 * names are the JSON fields' ({@code orderId}, {@code deliveredAt}, {@code lines}). Stateless.
 */
final class Deliveries {

  private Deliveries() {}

  /**
   * The purchase of a delivery.
   *
   * @param delivery the delivery; not null
   * @return the purchase
   * @throws BadDeliveryException naming the field and the value, for a missing or invalid field
   */
  static Purchase purchase(Delivery delivery) {
    Purchase.Builder purchase = checked("", () -> Purchase.builder(
        required(delivery.orderId(), "orderId"), required(delivery.customerId(), "customerId")));
    checked("", () -> purchase
        .accountId(delivery.accountId())
        .orderedAt(instant(required(delivery.orderedAt(), "orderedAt"), "orderedAt"))
        .deliveredAt(delivery.deliveredAt() == null ? null
            : instant(delivery.deliveredAt(), "deliveredAt"))
        .consent(delivery.consent() == null || delivery.consent()));
    List<Delivery.Line> lines = delivery.lines() == null ? List.of() : delivery.lines();
    for (int i = 0; i < lines.size(); i++) {
      purchase.line(line(lines.get(i), "lines[" + i + "]"));
    }
    return checked("", purchase::build);
  }

  private static OrderLine line(Delivery.Line line, String path) {
    required(line, path);
    String currency = required(line.currency(), path + ".currency");
    // The code on its own first, so that its error names the currency field, not the price.
    checked(path + ".currency", () -> Money.of(BigDecimal.ZERO, currency));
    Money unitPrice = checked(path + ".unitPrice",
        () -> Money.of(required(line.unitPrice(), path + ".unitPrice"), currency));
    List<String> services = line.services() == null ? List.of() : line.services();
    for (int i = 0; i < services.size(); i++) {
      required(services.get(i), path + ".services[" + i + "]");
    }
    return checked(path, () -> OrderLine.of(required(line.sku(), path + ".sku"),
        required(line.category(), path + ".category"), unitPrice,
        required(line.quantity(), path + ".quantity"), services.toArray(String[]::new)));
  }

  private static Instant instant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadDeliveryException(field + " must be an ISO-8601 instant such as"
          + " 2026-02-24T12:00:00Z, was '" + text + "'");
    }
  }

  private static <T> T required(T value, String path) {
    if (value == null) {
      throw new BadDeliveryException(path + " is missing");
    }
    return value;
  }

  /** Runs a library call; its {@link IllegalArgumentException} becomes a bad delivery. */
  private static <T> T checked(String path, Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new BadDeliveryException(path.isEmpty() ? e.getMessage() : path + ": " + e.getMessage());
    }
  }
}
