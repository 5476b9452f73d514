package org.npskit.examples.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A shop's own order, as its database holds it: nullable business account and delivery time,
 * prices as {@code BigDecimal}. Part of the sample host application that shows how a shop wires
 * npskit (see {@link OrderService}).
 *
 * <p>Immutable and thread-safe; the components are the shop's, unchecked here.
 *
 * @param id the order number
 * @param customerId the customer
 * @param businessAccount the business account, or null for a consumer
 * @param orderedAt when the order was placed
 * @param deliveredAt when it was delivered (or installed), or null while it is on its way
 * @param lines the lines
 */
public record ShopOrder(
    String id,
    String customerId,
    String businessAccount,
    Instant orderedAt,
    Instant deliveredAt,
    List<Line> lines) {

  /**
   * One line of a shop order.
   *
   * @param sku the article number
   * @param category the category path, e.g. {@code tv/oled}
   * @param unitPrice the unit price in euros
   * @param quantity the quantity
   * @param installed whether the shop installs it (a service that makes it worth a survey)
   */
  public record Line(
      String sku, String category, BigDecimal unitPrice, int quantity, boolean installed) {}
}
