package org.npskit.examples.boot;

import java.util.List;

/**
 * The JSON body of {@code POST /deliveries}: a delivered (or redelivered) order as the shop's
 * order system sends it. Every component is as Jackson read it, unchecked: {@link Deliveries}
 * checks and maps it, with the library's messages. Times and amounts are JSON strings (an amount
 * may also be a JSON number), so the library parses them.
 *
 * @param orderId the order id; required
 * @param customerId the customer id; required
 * @param accountId the business account, or null for a consumer
 * @param orderedAt when the order was placed, an ISO-8601 instant such as
 *     {@code 2026-02-20T09:00:00Z}; required
 * @param deliveredAt when it was delivered (or installed), or null while it is on its way
 * @param consent whether the customer agreed to surveys; null means true
 * @param lines the order lines; at least one
 */
public record Delivery(
    String orderId,
    String customerId,
    String accountId,
    String orderedAt,
    String deliveredAt,
    Boolean consent,
    List<Line> lines) {

  /**
   * One order line.
   *
   * @param sku the article number; required
   * @param category the category path, e.g. {@code tv/oled}; required
   * @param unitPrice the price of one unit, a plain decimal such as {@code "1899.00"}; required
   * @param quantity the number of units, at least 1; required
   * @param currency the ISO 4217 code of the price, e.g. {@code EUR}; required
   * @param services services sold with the line, e.g. {@code INSTALLATION}; null for none
   */
  public record Line(
      String sku,
      String category,
      String unitPrice,
      Integer quantity,
      String currency,
      List<String> services) {}
}
