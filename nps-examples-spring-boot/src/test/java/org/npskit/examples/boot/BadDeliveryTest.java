package org.npskit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A delivery the shop cannot decide on is answered 400 with a problem whose detail names the
 * field and the value (the library's own message where the library checks it), and nothing is
 * recorded. Same application as {@link H2ShopTest} (Spring's test context cache shares it).
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = ShopContract.QUIET)
class BadDeliveryTest {

  private static final String TV =
      "{\"sku\":\"TV-1\",\"category\":\"tv/lcd\",\"unitPrice\":\"500\",\"quantity\":1,"
          + "\"currency\":\"EUR\"}";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  ShopClient shop;

  @BeforeEach
  void client() {
    shop = new ShopClient(port);
  }

  /** An order of customer C-bad with the given lines (JSON). */
  private static String order(String orderId, String lines) {
    return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"C-bad\","
        + "\"orderedAt\":\"2026-01-01T10:00:00Z\",\"lines\":[" + lines + "]}";
  }

  private static String tvWith(String field, String json) {
    return TV.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":" + json);
  }

  private long decisionsOf(String orderId) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM npskit_decision WHERE order_id = '" + orderId + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String rejected(String body) {
    ShopClient.Reply reply = shop.post("/deliveries", body);
    assertThat(reply.status()).as("%s", reply.json()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("title").asString()).isEqualTo("Bad Request");
    return reply.json().get("detail").asString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unitPrice with a comma | unitPrice | "12,50" | lines[0].unitPrice: amount must be a plain decimal such as 59.95, was '12,50'
      negative unitPrice     | unitPrice | "-5"    | lines[0].unitPrice: amount must not be negative, was -5 EUR
      lower-case currency    | currency  | "eur"   | lines[0].currency: currency must be three capital letters (ISO 4217), was 'eur'
      unknown currency       | currency  | "XYZ"   | lines[0].currency: currency must be an ISO 4217 code, was 'XYZ'
      zero quantity          | quantity  | 0       | lines[0]: quantity must be at least 1, was 0 (sku TV-1)
      blank sku              | sku       | " "     | lines[0]: sku must not be blank, was ' '
      empty category segment | category  | "tv//x" | lines[0]: category path must not have an empty segment, was 'tv//x'
      missing quantity       | quantity  | null    | lines[0].quantity is missing
      missing unitPrice      | unitPrice | null    | lines[0].unitPrice is missing
      fractional quantity    | quantity  | 1.5     | lines[0].quantity: Cannot coerce Floating-point value (1.5)
      quantity as a word     | quantity  | "two"   | lines[0].quantity: Cannot deserialize value of type `java.lang.Integer` from String "two"
      """)
  void aBadLineFieldIsNamedWithItsValue(String what, String field, String json, String detail)
      throws SQLException {
    String orderId = "BAD-" + what.replace(' ', '-');
    assertThat(rejected(order(orderId, tvWith(field, json)))).startsWith(detail);
    assertThat(decisionsOf(orderId)).isZero();
  }

  @Test
  void badOrderFieldsAreNamedWithTheirValues() {
    assertThat(rejected(order("BAD-1", TV).replace("\"orderId\":\"BAD-1\",", "")))
        .isEqualTo("orderId is missing");
    assertThat(rejected(order("BAD-2", TV).replace("C-bad", " ")))
        .isEqualTo("customerId must not be blank, was ' '");
    assertThat(rejected(order("BAD-3", TV).replace("2026-01-01T10:00:00Z", "yesterday")))
        .isEqualTo("orderedAt must be an ISO-8601 instant such as 2026-02-24T12:00:00Z,"
            + " was 'yesterday'");
    assertThat(rejected(order("BAD-4", TV).replace("2026-01-01T10:00:00Z",
        "+12026-01-01T10:00:00Z"))).startsWith("orderedAt must be between 0001-01-01T00:00:00Z"
            + " and 9999-12-31T23:59:59.999999999Z, was +12026-01-01T10:00:00Z");
    assertThat(rejected(order("BAD-5", TV).replace("\"lines\"",
        "\"deliveredAt\":\"2025-12-31T10:00:00Z\",\"lines\"")))
        .isEqualTo("deliveredAt must not be before orderedAt 2026-01-01T10:00:00Z,"
            + " was 2025-12-31T10:00:00Z (order BAD-5)");
    assertThat(rejected(order("BAD-6", "")))
        .isEqualTo("lines must not be empty (order BAD-6)");
    assertThat(rejected(order("BAD-7", TV + "," + TV.replace("EUR", "USD"))))
        .isEqualTo("lines[1].unitPrice.currency must be EUR like lines[0], was USD (order BAD-7)");
    assertThat(rejected(order("BAD-8", TV + ",null"))).isEqualTo("lines[1] is missing");
    assertThat(rejected(order("BAD-9", TV.replace("}", ",\"services\":[\"INSTALLATION\",null]}"))))
        .isEqualTo("lines[0].services[1] is missing");
    assertThat(rejected(order("BAD-10", TV).replace("\"lines\"", "\"consent\":\"maybe\",\"lines\"")))
        .startsWith("consent: Cannot deserialize value of type `java.lang.Boolean` from String"
            + " \"maybe\"");
  }

  @Test
  void aCurrencyThePolicyHasNoThresholdForIsRejectedByTheGate() throws SQLException {
    assertThat(rejected(order("BAD-GBP", TV.replace("EUR", "GBP"))))
        .isEqualTo("currency GBP has no min-order-value threshold (thresholds are set for [EUR])");
    assertThat(decisionsOf("BAD-GBP")).isZero();
  }

  @Test
  void aMisspeltFieldIsNamedWithTheFieldsThereAre() {
    assertThat(rejected(order("BAD-P", TV.replace("unitPrice", "price"))))
        .isEqualTo("lines[0].price: unknown field, expected one of category, currency,"
            + " quantity, services, sku, unitPrice");
    assertThat(rejected(order("BAD-O", TV).replace("orderedAt", "ordered_at")))
        .startsWith("ordered_at: unknown field, expected one of accountId, consent, customerId,");
  }

  @Test
  void aBodyThatIsNoDeliveryIsRejected() {
    assertThat(rejected("{\"orderId\":\"X\""))
        .isEqualTo("request body is not valid JSON at line 1, column 15: Unexpected"
            + " end-of-input: expected close marker for Object");
    assertThat(rejected("[]")).startsWith("request body: Cannot deserialize value of type"
        + " `org.npskit.examples.boot.Delivery` from Array value");
    assertThat(rejected("")).isEqualTo("request body is missing: POST a delivery as JSON");
  }

  @Test
  void anAmountMayAlsoBeAJsonNumberAndKeepsItsDigits() {
    ShopClient.Reply reply = shop.post("/deliveries",
        order("NUM-1", TV.replace("\"500\"", "1899.00").replace("tv/lcd", "tv/oled")));
    assertThat(reply.status()).as("%s", reply.json()).isEqualTo(200);
    assertThat(reply.json().get("outcome").asString()).isEqualTo("SURVEY");
  }
}
