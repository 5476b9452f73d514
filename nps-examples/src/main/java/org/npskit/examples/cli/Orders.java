package org.npskit.examples.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;

/**
 * The orders CSV: one row per order line, the rows of an order consecutive, order-level fields
 * agreeing across them; a later non-adjacent group with a known order id is a redelivery.
 * Validated strictly; every error names file, line, column and value (values as excerpts, see
 * {@link BadInputException#excerpt}).
 */
final class Orders {
  private static final Pattern PRICE = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern QUANTITY = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
  private static final String[] ORDER_LEVEL = {
    "customer_id", "account_id", "ordered_at", "delivered_at", "currency", "consent", "time_zone"
  };

  private Orders() {}

  /** A purchase and the row it starts on (for errors raised when deciding it). */
  record Order(Purchase purchase, Csv.Row firstRow) {}

  /** Reads and groups the orders, sorted by event time (stable); any non-blank id. */
  static List<Order> read(Csv.Table t) {
    return read(t, (id, name) -> { });
  }

  /**
   * Reads and groups the orders, sorted by event time (stable).
   *
   * @param t the table
   * @param idCheck what the store requires of ids and SKUs: given the value and the column
   *     name, throws {@link IllegalArgumentException} for one it cannot keep
   * @return the orders
   * @throws BadInputException at the first bad cell
   */
  static List<Order> read(Csv.Table t, BiConsumer<String, String> idCheck) {
    int orderId = t.required("order_id");
    int customer = t.required("customer_id");
    int orderedAt = t.required("ordered_at");
    int sku = t.required("sku");
    int category = t.required("category");
    int price = t.required("unit_price");
    int quantity = t.required("quantity");
    int currency = t.required("currency");
    int account = t.column("account_id");
    int deliveredAt = t.column("delivered_at");
    int services = t.column("services");
    int consent = t.column("consent");
    int zone = t.column("time_zone");
    List<Order> orders = new ArrayList<>();
    int i = 0;
    List<Csv.Row> rows = t.rows();
    while (i < rows.size()) {
      Csv.Row first = rows.get(i);
      String id = id(t, first, orderId, idCheck);
      int j = i;
      while (j < rows.size() && rows.get(j).values().get(orderId).strip().equals(id)) {
        j++;
      }
      Purchase.Builder b = Purchase.builder(id, id(t, first, customer, idCheck));
      Instant ordered = instant(t, first, orderedAt);
      try {
        b.orderedAt(ordered);
      } catch (IllegalArgumentException e) {
        throw t.error(first, orderedAt, e.getMessage());
      }
      if (account >= 0 && !cell(first, account).isEmpty()) {
        b.accountId(id(t, first, account, idCheck));
      }
      if (deliveredAt >= 0 && !cell(first, deliveredAt).isEmpty()) {
        Instant delivered = instant(t, first, deliveredAt);
        if (delivered.isBefore(ordered)) {
          throw t.error(first, deliveredAt, "delivered_at must not be before ordered_at "
              + ordered);
        }
        try {
          b.deliveredAt(delivered);
        } catch (IllegalArgumentException e) {
          throw t.error(first, deliveredAt, e.getMessage());
        }
      }
      if (consent >= 0) {
        String c = cell(first, consent);
        if (!c.isEmpty() && !c.equals("true") && !c.equals("false")) {
          throw t.error(first, consent, "consent must be true, false or blank");
        }
        b.consent(!c.equals("false"));
      }
      if (zone >= 0 && !cell(first, zone).isEmpty()) {
        b.zone(zone(t, first, zone));
      }
      for (int r = i; r < j; r++) {
        Csv.Row row = rows.get(r);
        for (String col : ORDER_LEVEL) {
          int c = t.column(col);
          if (c >= 0 && !cell(row, c).equals(cell(first, c))) {
            String shownId = BadInputException.excerpt(id);
            String problem = col.equals("currency")
                ? Text.f("mixed currencies in order %s: %s on line %d, %s here", shownId,
                    cell(first, c), first.line(), BadInputException.excerpt(cell(row, c)))
                : Text.f("%s of order %s must agree across its rows: \"%s\" on line %d", col,
                    shownId, BadInputException.excerpt(cell(first, c)), first.line());
            throw t.error(row, c, problem);
          }
        }
        b.line(line(t, row, new int[] {sku, category, price, quantity, currency, services},
            idCheck));
      }
      try {
        orders.add(new Order(b.build(), first));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw t.error(first, orderId, "invalid order: " + e.getMessage());
      }
      i = j;
    }
    List<Order> sorted = new ArrayList<>(orders);
    sorted.sort(Comparator.comparing(o -> o.purchase().eventTime()));
    return sorted;
  }

  private static OrderLine line(Csv.Table t, Csv.Row row, int[] columns,
      BiConsumer<String, String> idCheck) {
    int sku = columns[0];
    int category = columns[1];
    int price = columns[2];
    int quantity = columns[3];
    int currency = columns[4];
    int services = columns[5];
    String p = cell(row, price);
    if (!PRICE.matcher(p).matches()) {
      throw t.error(row, price, "unit_price must be a plain decimal with '.', not negative");
    }
    String q = cell(row, quantity);
    if (!QUANTITY.matcher(q).matches()) {
      throw t.error(row, quantity, "quantity must be an integer >= 1");
    }
    String cur = cell(row, currency);
    if (!CURRENCY.matcher(cur).matches() || !isCurrency(cur)) {
      throw t.error(row, currency, "currency must be an ISO 4217 code of three capital letters");
    }
    String s = id(t, row, sku, idCheck);
    String[] svc = services < 0 || cell(row, services).isEmpty()
        ? new String[0]
        : cell(row, services).split(";", -1);
    for (int k = 0; k < svc.length; k++) {
      svc[k] = svc[k].strip();
      if (svc[k].isEmpty()) {
        throw t.error(row, services, "services are ';'-separated names, one is empty");
      }
    }
    try {
      return OrderLine.of(s, cell(row, category), Money.of(p, cur), Integer.parseInt(q), svc);
    } catch (IllegalArgumentException e) {
      throw t.error(row, category, e.getMessage());
    }
  }

  private static boolean isCurrency(String code) {
    try {
      return Objects.equals(Currency.getInstance(code).getCurrencyCode(), code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String cell(Csv.Row row, int column) {
    return row.values().get(column).strip();
  }

  private static String nonBlank(Csv.Table t, Csv.Row row, int column) {
    String v = cell(row, column);
    if (v.isEmpty()) {
      throw t.error(row, column, "must not be blank");
    }
    return v;
  }

  private static String id(Csv.Table t, Csv.Row row, int column,
      BiConsumer<String, String> check) {
    String v = nonBlank(t, row, column);
    try {
      check.accept(v, t.header().values().get(column).strip());
    } catch (IllegalArgumentException e) {
      throw t.error(row, column, "cannot be kept in the --store: " + e.getMessage());
    }
    return v;
  }

  /** A zone as the policy's {@code default-zone} takes it: an IANA region id or UTC. */
  private static ZoneId zone(Csv.Table t, Csv.Row row, int column) {
    String v = cell(row, column);
    if (!ZONES.contains(v)) {
      throw t.error(row, column,
          "unknown time zone: time_zone must be an IANA region id such as Europe/Amsterdam, or"
              + " UTC (blank: the policy's default-zone)");
    }
    return ZoneId.of(v);
  }

  private static Instant instant(Csv.Table t, Csv.Row row, int column) {
    String v = cell(row, column);
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw t.error(row, column, String.format(Locale.ROOT,
          "not an ISO-8601 instant with Z or an offset (e.g. 2026-02-24T12:00:00Z)"));
    }
  }
}
