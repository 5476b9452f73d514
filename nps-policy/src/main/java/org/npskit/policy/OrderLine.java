package org.npskit.policy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.npskit.policy.internal.Checks;

/**
 * One line of a purchase. Immutable and thread-safe.
 *
 * @param sku the article number; not blank
 * @param category the category path; not null
 * @param unitPrice the price of one unit; not null, not negative
 * @param quantity the number of units, at least 1
 * @param services services sold with the line (e.g. {@code INSTALLATION}), normalized to upper
 *     case; not null, no blank element
 */
public record OrderLine(
    String sku, CategoryPath category, Money unitPrice, int quantity, Set<String> services) {

  /**
   * Validates the line.
   *
   * @param sku the article number; not blank
   * @param category the category path; not null
   * @param unitPrice the unit price; not null
   * @param quantity at least 1
   * @param services the services; not null
   * @throws NullPointerException if a component or a service is null
   * @throws IllegalArgumentException if the SKU or a service is blank or the quantity below 1
   */
  public OrderLine {
    Checks.notBlank(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity < 1) {
      throw new IllegalArgumentException(
          Checks.format("quantity must be at least 1, was %d (sku %s)", quantity, sku));
    }
    Objects.requireNonNull(services, "services");
    Set<String> normalized = new LinkedHashSet<>();
    for (String service : services) {
      normalized.add(Checks.notBlank(service, "service").trim().toUpperCase(Locale.ROOT));
    }
    services = Set.copyOf(normalized);
  }

  /**
   * A line from texts, e.g. {@code OrderLine.of("OLED55-B4", "tv/oled", Money.of("1899.00",
   * "EUR"), 1, "INSTALLATION")}.
   *
   * @param sku the article number; not blank
   * @param category the category path text; see {@link CategoryPath#parse}
   * @param unitPrice the unit price; not null
   * @param quantity at least 1
   * @param services services sold with the line; not null, no null element
   * @return the line
   * @throws NullPointerException if an argument or a service is null; the message names it
   *     ({@code category}, {@code services}, {@code services[i]})
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static OrderLine of(
      String sku, String category, Money unitPrice, int quantity, String... services) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(services, "services");
    Set<String> set = new LinkedHashSet<>();
    for (int i = 0; i < services.length; i++) {
      set.add(Objects.requireNonNull(services[i], "services[" + i + "]"));
    }
    return new OrderLine(sku, CategoryPath.parse(category), unitPrice, quantity, set);
  }

  /**
   * The line value: unit price times quantity.
   *
   * @return the value, in the unit price's currency
   */
  public Money value() {
    return unitPrice.times(quantity);
  }
}
