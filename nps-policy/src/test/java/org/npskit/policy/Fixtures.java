package org.npskit.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Short ways to build purchases and policies in tests. */
public final class Fixtures {
  /** A fixed instant tests start from. */
  public static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  private Fixtures() {}

  /**
   * A line priced in EUR.
   *
   * @param sku the SKU
   * @param category the category path
   * @param unitPrice the unit price as decimal text
   * @param quantity the quantity
   * @param services services
   * @return the line
   */
  public static OrderLine line(
      String sku, String category, String unitPrice, int quantity, String... services) {
    return OrderLine.of(sku, category, Money.of(unitPrice, "EUR"), quantity, services);
  }

  /**
   * A consenting consumer purchase ordered at {@code at}.
   *
   * @param orderId the order
   * @param customerId the customer
   * @param at the order (= event) time
   * @param lines the lines
   * @return the purchase
   */
  public static Purchase purchase(String orderId, String customerId, Instant at,
      OrderLine... lines) {
    return builder(orderId, customerId, at, lines).build();
  }

  /**
   * A builder pre-filled like {@link #purchase}.
   *
   * @param orderId the order
   * @param customerId the customer
   * @param at the order time
   * @param lines the lines
   * @return the builder
   */
  public static Purchase.Builder builder(String orderId, String customerId, Instant at,
      OrderLine... lines) {
    Purchase.Builder b = Purchase.builder(orderId, customerId).orderedAt(at);
    Arrays.stream(lines).forEach(b::line);
    return b;
  }

  /**
   * A purchase with one line TV-1 (tv/lcd, 500 EUR).
   *
   * @param orderId the order
   * @param customerId the customer
   * @param at the time
   * @return the purchase
   */
  public static Purchase tv(String orderId, String customerId, Instant at) {
    return purchase(orderId, customerId, at, line("TV-1", "tv/lcd", "500.00", 1));
  }

  /**
   * Properties from {@code key=value} lines.
   *
   * @param lines the lines
   * @return the properties
   */
  public static Properties props(String... lines) {
    Properties p = new Properties();
    for (String l : List.of(lines)) {
      int eq = l.indexOf('=');
      p.setProperty(l.substring(0, eq), l.substring(eq + 1));
    }
    return p;
  }
}
