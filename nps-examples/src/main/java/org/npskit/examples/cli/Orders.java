package org.npskit.examples.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;

/**
 * The orders CSV: one row per order line, the rows of an order consecutive, order-level fields
 * agreeing across them; a later non-adjacent group with a known order id is a redelivery.
 * Validated strictly; every error names file, line, column and value (values as excerpts, see
 * {@link BadInputException#excerpt}).
 *
 * <p>{@code decide} must sort the orders by event time before it decides the first, so it holds
 * them all; it holds them compactly ({@link Batch}: each order's cells packed into one byte
 * array, about 45 bytes plus the characters of its cells), not as objects, and rebuilds each
 * {@link Purchase} when it is decided.
 */
final class Orders {
  /** The most digits of a price before, and after, its point. */
  static final int MAX_PRICE_DIGITS = 18;

  private static final Pattern PRICE = Pattern.compile(
      "[0-9]{1," + MAX_PRICE_DIGITS + "}(\\.[0-9]{1," + MAX_PRICE_DIGITS + "})?");
  private static final Pattern PRICE_SHAPE = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern QUANTITY = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
  private static final String[] ORDER_LEVEL = {
    "customer_id", "account_id", "ordered_at", "delivered_at", "currency", "consent", "time_zone"
  };
  /** What one held order costs besides its packed bytes: array header, references, keys. */
  static final int OVERHEAD_BYTES = 48;

  private Orders() {}

  /** A purchase and the line its first row starts on (for messages). */
  record Order(Purchase purchase, int firstLine) {}

  /**
   * Reads and groups the orders of a small file, sorted by event time (stable); any non-blank
   * id. For the demo and tests: every purchase is built at once.
   */
  static List<Order> read(Csv.Table t) {
    Batch b = read(t, (id, name) -> { }, p -> { }, Long.MAX_VALUE);
    List<Order> out = new ArrayList<>(b.size());
    for (int i = 0; i < b.size(); i++) {
      out.add(b.order(i));
    }
    return out;
  }

  /**
   * Reads, checks and groups the orders, and sorts them by event time (stable).
   *
   * @param t the table, positioned before its first data row
   * @param idCheck what the store requires of ids and SKUs: given the value and the column
   *     name, throws {@link IllegalArgumentException} for one it cannot keep
   * @param purchaseCheck what the policy requires of a purchase: throws {@link
   *     IllegalArgumentException} for one it cannot decide, reported at the order's currency
   * @param maxBytes the most bytes the held orders may take (an estimate, see {@link
   *     Batch#heldBytes()})
   * @return the orders, compact
   * @throws BadInputException at the first bad cell
   * @throws TooLargeException when the orders need more than {@code maxBytes}
   */
  static Batch read(Csv.Table t, BiConsumer<String, String> idCheck,
      Consumer<Purchase> purchaseCheck, long maxBytes) {
    Reader r = new Reader(t, idCheck, purchaseCheck, maxBytes);
    r.readAll();
    r.batch.sort();
    return r.batch;
  }

  /** The file's reader: one order group at a time. Not thread-safe. */
  private static final class Reader {
    private final Csv.Table t;
    private final BiConsumer<String, String> idCheck;
    private final Consumer<Purchase> purchaseCheck;
    private final long maxBytes;
    private final int orderId;
    private final int customer;
    private final int orderedAt;
    private final int sku;
    private final int category;
    private final int price;
    private final int quantity;
    private final int currency;
    private final int account;
    private final int deliveredAt;
    private final int services;
    private final int consent;
    private final int zone;
    private final int[] orderLevel;
    private final Batch batch = new Batch();
    private final Packer packer = new Packer();

    Reader(Csv.Table t, BiConsumer<String, String> idCheck, Consumer<Purchase> purchaseCheck,
        long maxBytes) {
      this.t = t;
      this.idCheck = idCheck;
      this.purchaseCheck = purchaseCheck;
      this.maxBytes = maxBytes;
      orderId = t.required("order_id");
      customer = t.required("customer_id");
      orderedAt = t.required("ordered_at");
      sku = t.required("sku");
      category = t.required("category");
      price = t.required("unit_price");
      quantity = t.required("quantity");
      currency = t.required("currency");
      account = t.column("account_id");
      deliveredAt = t.column("delivered_at");
      services = t.column("services");
      consent = t.column("consent");
      zone = t.column("time_zone");
      orderLevel = Arrays.stream(ORDER_LEVEL).mapToInt(t::column).toArray();
    }

    void readAll() {
      Csv.Row row = t.next();
      List<Csv.Row> group = new ArrayList<>();
      while (row != null) {
        group.clear();
        Csv.Row first = row;
        String id = id(first, orderId);
        while (row != null && cell(row, orderId).equals(id)) {
          group.add(row);
          row = t.next();
        }
        add(id, group);
      }
    }

    private void add(String id, List<Csv.Row> rows) {
      Csv.Row first = rows.get(0);
      String customerId = id(first, customer);
      Purchase.Builder b = Purchase.builder(id, customerId);
      packer.reset();
      packer.string(id);
      packer.string(customerId);
      packer.varint(first.line());
      Instant ordered = instant(first, orderedAt);
      try {
        b.orderedAt(ordered);
      } catch (IllegalArgumentException e) {
        throw t.error(first, orderedAt, e.getMessage());
      }
      packer.instant(ordered);
      String accountId = null;
      if (account >= 0 && !cell(first, account).isEmpty()) {
        accountId = id(first, account);
        b.accountId(accountId);
      }
      packer.nullableString(accountId);
      Instant delivered = null;
      if (deliveredAt >= 0 && !cell(first, deliveredAt).isEmpty()) {
        delivered = instant(first, deliveredAt);
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
      packer.varint(delivered == null ? 0 : 1);
      if (delivered != null) {
        packer.instant(delivered);
      }
      boolean consents = true;
      if (consent >= 0) {
        String c = cell(first, consent);
        if (!c.isEmpty() && !c.equals("true") && !c.equals("false")) {
          throw t.error(first, consent, "consent must be true, false or blank");
        }
        consents = !c.equals("false");
        b.consent(consents);
      }
      packer.varint(consents ? 1 : 0);
      String zoneId = null;
      if (zone >= 0 && !cell(first, zone).isEmpty()) {
        ZoneId z = zone(first);
        zoneId = z.getId();
        b.zone(z);
      }
      packer.nullableString(zoneId);
      packer.varint(rows.size());
      for (Csv.Row row : rows) {
        requireAgreement(id, first, row);
        b.line(line(row));
      }
      Purchase p;
      try {
        p = b.build();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw t.error(first, orderId, "invalid order: " + e.getMessage());
      }
      try {
        purchaseCheck.accept(p);
      } catch (IllegalArgumentException e) {
        throw t.error(first, currency, e.getMessage());
      }
      batch.add(packer.bytes(), p.eventTime(), id.length(), customerId.length(),
          first.line(), maxBytes, t.file());
    }

    private void requireAgreement(String id, Csv.Row first, Csv.Row row) {
      for (int k = 0; k < ORDER_LEVEL.length; k++) {
        int c = orderLevel[k];
        if (c >= 0 && !cell(row, c).equals(cell(first, c))) {
          String col = ORDER_LEVEL[k];
          String shownId = BadInputException.excerpt(id);
          String problem = col.equals("currency")
              ? Text.f("mixed currencies in order %s: %s on line %d, %s here", shownId,
                  BadInputException.excerpt(cell(first, c)), first.line(),
                  BadInputException.excerpt(cell(row, c)))
              : Text.f("%s of order %s must agree across its rows: %s on line %d", col,
                  shownId, BadInputException.quote(cell(first, c)), first.line());
          throw t.error(row, c, problem);
        }
      }
    }

    private OrderLine line(Csv.Row row) {
      String p = cell(row, price);
      if (!PRICE.matcher(p).matches()) {
        throw t.error(row, price, PRICE_SHAPE.matcher(p).matches()
            ? Text.f("unit_price has too many digits: at most %d before the point and %d after",
                MAX_PRICE_DIGITS, MAX_PRICE_DIGITS)
            : "unit_price must be a plain decimal with '.', not negative");
      }
      String q = cell(row, quantity);
      if (!QUANTITY.matcher(q).matches()) {
        throw t.error(row, quantity, "quantity must be an integer >= 1");
      }
      String cur = cell(row, currency);
      if (!CURRENCY.matcher(cur).matches() || !isCurrency(cur)) {
        throw t.error(row, currency,
            "currency must be an ISO 4217 code of three capital letters");
      }
      String s = id(row, sku);
      String[] svc = services < 0 || cell(row, services).isEmpty()
          ? new String[0]
          : cell(row, services).split(";", -1);
      for (int k = 0; k < svc.length; k++) {
        svc[k] = svc[k].strip();
        if (svc[k].isEmpty()) {
          throw t.error(row, services, "services are ';'-separated names, one is empty");
        }
      }
      Money unitPrice;
      try {
        unitPrice = Money.of(p, cur);
      } catch (IllegalArgumentException e) {
        throw t.error(row, price, e.getMessage());
      }
      OrderLine line;
      try {
        line = OrderLine.of(s, cell(row, category), unitPrice, Integer.parseInt(q), svc);
      } catch (IllegalArgumentException e) {
        throw t.error(row, category, e.getMessage());
      }
      packer.string(s);
      packer.string(cell(row, category));
      packer.string(p);
      packer.string(cur);
      packer.varint(line.quantity());
      packer.varint(svc.length);
      for (String v : svc) {
        packer.string(v);
      }
      batch.noteSku(s.length());
      return line;
    }

    private String nonBlank(Csv.Row row, int column) {
      String v = cell(row, column);
      if (v.isEmpty()) {
        throw t.error(row, column, "must not be blank");
      }
      return v;
    }

    private String id(Csv.Row row, int column) {
      String v = nonBlank(row, column);
      try {
        idCheck.accept(v, t.header().values().get(column).strip());
      } catch (IllegalArgumentException e) {
        throw t.error(row, column, "cannot be kept in the --store: "
            + BadInputException.escape(e.getMessage()));
      }
      return v;
    }

    /** A zone as the policy's {@code default-zone} takes it: an IANA region id or UTC. */
    private ZoneId zone(Csv.Row row) {
      String v = cell(row, zone);
      if (!ZONES.contains(v)) {
        throw t.error(row, zone,
            "unknown time zone: time_zone must be an IANA region id such as Europe/Amsterdam, or"
                + " UTC (blank: the policy's default-zone)");
      }
      return ZoneId.of(v);
    }

    private Instant instant(Csv.Row row, int column) {
      String v = cell(row, column);
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        throw t.error(row, column,
            "not an ISO-8601 instant with Z or an offset (e.g. 2026-02-24T12:00:00Z)");
      }
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

  /**
   * Validated orders held compactly: each order's cells packed into one byte array, its event
   * time in two primitive arrays; sorted by event time (stable). Not thread-safe.
   */
  static final class Batch {
    private byte[][] packed = new byte[1024][];
    private long[] seconds = new long[1024];
    private int[] nanos = new int[1024];
    private int size;
    private int[] order;
    private long heldBytes;
    private int longestOrderId;
    private int longestCustomerId;
    private int longestSku;

    /** The number of orders. */
    int size() {
      return size;
    }

    /** An estimate of the heap the orders take, in bytes. */
    long heldBytes() {
      return heldBytes;
    }

    /** The longest order id, customer id and SKU, in characters (for a table's columns). */
    int longestOrderId() {
      return longestOrderId;
    }

    int longestCustomerId() {
      return longestCustomerId;
    }

    int longestSku() {
      return longestSku;
    }

    void noteSku(int length) {
      longestSku = Math.max(longestSku, length);
    }

    void add(byte[] bytes, Instant eventTime, int orderIdLength, int customerIdLength,
        int line, long maxBytes, String file) {
      long cost = ((bytes.length + 16 + 7) & ~7L) + OVERHEAD_BYTES;
      if (heldBytes + cost > maxBytes) {
        throw new TooLargeException(Text.f("%s:%d: too many orders for this Java heap: %d "
            + "orders read take about %d MB, the limit is %d MB (half the heap); give Java more "
            + "memory (java -Xmx4g -jar npskit.jar decide ...) or split the file between two "
            + "orders", file, line, size, heldBytes >> 20, maxBytes >> 20));
      }
      if (size == packed.length) {
        int n = size + (size >> 1);
        packed = Arrays.copyOf(packed, n);
        seconds = Arrays.copyOf(seconds, n);
        nanos = Arrays.copyOf(nanos, n);
      }
      packed[size] = bytes;
      seconds[size] = eventTime.getEpochSecond();
      nanos[size] = eventTime.getNano();
      size++;
      heldBytes += cost;
      longestOrderId = Math.max(longestOrderId, orderIdLength);
      longestCustomerId = Math.max(longestCustomerId, customerIdLength);
    }

    /** Sorts by event time, stable: a merge sort of the positions. */
    void sort() {
      packed = Arrays.copyOf(packed, size);
      int[] a = new int[size];
      for (int i = 0; i < size; i++) {
        a[i] = i;
      }
      int[] tmp = new int[size];
      for (int width = 1; width < size; width *= 2) {
        for (int lo = 0; lo < size - width; lo += 2 * width) {
          merge(a, tmp, lo, lo + width, Math.min(lo + 2 * width, size));
        }
      }
      order = a;
    }

    private void merge(int[] a, int[] tmp, int lo, int mid, int hi) {
      if (!before(a[mid], a[mid - 1])) {
        return;
      }
      System.arraycopy(a, lo, tmp, lo, hi - lo);
      int i = lo;
      int j = mid;
      for (int k = lo; k < hi; k++) {
        if (i >= mid) {
          a[k] = tmp[j++];
        } else if (j >= hi || !before(tmp[j], tmp[i])) {
          a[k] = tmp[i++];
        } else {
          a[k] = tmp[j++];
        }
      }
    }

    private boolean before(int x, int y) {
      return seconds[x] < seconds[y] || seconds[x] == seconds[y] && nanos[x] < nanos[y];
    }

    /**
     * The order at a position of the decision order, rebuilt.
     *
     * @param i from 0 to {@link #size()} - 1
     * @return the order
     */
    Order order(int i) {
      return Packer.order(packed[order[i]]);
    }
  }

  /**
   * Packs an order's cells into bytes: strings as a length and their UTF-16 units in one to
   * three bytes each (lossless for any string), numbers as variable-length integers.
   */
  static final class Packer {
    private byte[] buf = new byte[256];
    private int pos;
    private int read;

    void reset() {
      pos = 0;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
      if (pos + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
      }
    }

    void varint(long v) {
      ensure(10);
      long u = v;
      while ((u & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((u & 0x7F) | 0x80);
        u >>>= 7;
      }
      buf[pos++] = (byte) u;
    }

    void instant(Instant at) {
      long s = at.getEpochSecond();
      varint((s << 1) ^ (s >> 63));
      varint(at.getNano());
    }

    void string(String s) {
      varint(s.length());
      ensure(s.length() * 3);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          buf[pos++] = (byte) c;
        } else if (c < 0x800) {
          buf[pos++] = (byte) (0xC0 | (c >> 6));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else {
          buf[pos++] = (byte) (0xE0 | (c >> 12));
          buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }

    void nullableString(String s) {
      if (s == null) {
        varint(0);
      } else {
        varint(1);
        string(s);
      }
    }

    private long readVarint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[read++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    private Instant readInstant() {
      long z = readVarint();
      long s = (z >>> 1) ^ -(z & 1);
      return Instant.ofEpochSecond(s, readVarint());
    }

    private String readString() {
      int n = (int) readVarint();
      char[] c = new char[n];
      for (int i = 0; i < n; i++) {
        int b = buf[read++] & 0xFF;
        if (b < 0x80) {
          c[i] = (char) b;
        } else if (b < 0xE0) {
          c[i] = (char) (((b & 0x1F) << 6) | (buf[read++] & 0x3F));
        } else {
          int b2 = buf[read++] & 0x3F;
          c[i] = (char) (((b & 0x0F) << 12) | (b2 << 6) | (buf[read++] & 0x3F));
        }
      }
      return new String(c);
    }

    /** Rebuilds an order from its bytes (checked when they were packed: this cannot fail). */
    static Order order(byte[] bytes) {
      Packer p = new Packer();
      p.buf = bytes;
      String id = p.readString();
      String customerId = p.readString();
      int line = (int) p.readVarint();
      Purchase.Builder b = Purchase.builder(id, customerId).orderedAt(p.readInstant());
      if (p.readVarint() == 1) {
        b.accountId(p.readString());
      }
      if (p.readVarint() == 1) {
        b.deliveredAt(p.readInstant());
      }
      b.consent(p.readVarint() == 1);
      if (p.readVarint() == 1) {
        b.zone(ZoneId.of(p.readString()));
      }
      int lines = (int) p.readVarint();
      for (int i = 0; i < lines; i++) {
        String sku = p.readString();
        String category = p.readString();
        String price = p.readString();
        String currency = p.readString();
        int quantity = (int) p.readVarint();
        String[] services = new String[(int) p.readVarint()];
        for (int k = 0; k < services.length; k++) {
          services[k] = p.readString();
        }
        b.line(OrderLine.of(sku, category, Money.of(price, currency), quantity, services));
      }
      return new Order(b.build(), line);
    }
  }
}
