package org.npskit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.examples.boot.ShopClient.delivery;
import static org.npskit.examples.boot.ShopClient.line;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The shop over HTTP, on whatever database the subclass starts it with: the decisions of the
 * policy in application.yml as the contract says (the toner re-order and the installed TV of
 * the policy contract's example p1), redeliveries, the tables, health and metrics. Every test
 * uses its own customer and account, so the tests share one application in any order.
 */
abstract class ShopContract {

  /** No banner in the build log (the tests' logback-test.xml keeps only warnings). */
  static final String QUIET = "spring.main.banner-mode=off";

  private static final AtomicInteger RUN = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  ShopClient shop;
  String customer;
  String account;

  @BeforeEach
  void client() {
    shop = new ShopClient(port);
    int run = RUN.incrementAndGet();
    customer = "K-" + run;
    account = "B-" + run;
  }

  private String order(String id) {
    return id + "-" + customer;
  }

  private Map<String, Object> toner(String id, String orderedAt, String deliveredAt) {
    return delivery(order(id), customer, account, orderedAt, deliveredAt,
        List.of(line("TN-2410", "printing/toner", "59.95", 2)));
  }

  private Map<String, Object> installedTv(String id) {
    return delivery(order(id), customer, account, "2026-02-20T09:00:00Z", "2026-02-24T12:00:00Z",
        List.of(line("OLED55-B4", "tv/oled", "1899.00", 1, "INSTALLATION"),
            line("HDMI-2M", "cables/hdmi", "12.50", 1)));
  }

  private JsonNode decided(Map<String, Object> delivery) {
    ShopClient.Reply reply = shop.deliver(delivery);
    assertThat(reply.status()).as("%s", reply.json()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  private static List<String> codes(JsonNode decision) {
    List<String> codes = new ArrayList<>();
    decision.get("reasons").forEach(r -> codes.add(r.get("code").asString()));
    return codes;
  }

  private String storedOutcome(String orderId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT outcome FROM npskit_decision WHERE order_id = ?")) {
      s.setString(1, orderId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void theTonerReorderIsSkippedAndTheInstalledTvSurveyed() throws SQLException {
    JsonNode toner = decided(toner("A-100", "2026-01-05T09:00:00Z", "2026-01-06T10:00:00Z"));
    assertThat(toner.get("outcome").asString()).isEqualTo("SKIP");
    assertThat(codes(toner)).containsExactly("EXCLUDED_CATEGORY");
    assertThat(toner.get("reasons").get(0).get("text").asString()).contains("TN-2410", "excluded");
    assertThat(toner.get("subjectSku").isNull()).isTrue();
    assertThat(decided(toner("A-101", "2026-02-05T09:00:00Z", "2026-02-06T10:00:00Z"))
        .get("outcome").asString()).isEqualTo("SKIP");

    JsonNode tv = decided(installedTv("A-102"));
    assertThat(tv.get("orderId").asString()).isEqualTo(order("A-102"));
    assertThat(tv.get("customerId").asString()).isEqualTo(customer);
    assertThat(tv.get("outcome").asString()).isEqualTo("SURVEY");
    assertThat(codes(tv)).isEmpty();
    assertThat(tv.get("subjectSku").asString()).isEqualTo("OLED55-B4");
    // delivered 2026-02-24T12:00Z plus the send delay P3D
    assertThat(tv.get("sendAt").asString()).isEqualTo("2026-02-27T12:00:00Z");
    assertThat(tv.get("eligibleAgainAt").isNull()).isTrue();
    assertThat(tv.get("recordedDecision").isNull()).isTrue();

    assertThat(storedOutcome(order("A-100"))).isEqualTo("SKIP");
    assertThat(storedOutcome(order("A-102"))).isEqualTo("SURVEY");

    JsonNode next = decided(toner("A-103", "2026-03-05T09:00:00Z", "2026-03-06T10:00:00Z"));
    assertThat(codes(next))
        .containsExactly("EXCLUDED_CATEGORY", "CUSTOMER_COOLDOWN", "ACCOUNT_COOLDOWN");
    // the TV's survey (2026-02-24T12:00Z) plus the customer cooldown P90D
    assertThat(next.get("eligibleAgainAt").asString()).isEqualTo("2026-05-25T12:00:00Z");
  }

  @Test
  void aRedeliveryIsADuplicateThatSaysWhatWasRecorded() throws SQLException {
    JsonNode skipped = decided(toner("A-100", "2026-01-05T09:00:00Z", null));
    JsonNode skippedAgain = decided(toner("A-100", "2026-01-05T09:00:00Z", null));
    assertThat(codes(skipped)).containsExactly("EXCLUDED_CATEGORY");
    assertThat(codes(skippedAgain)).containsExactly("DUPLICATE_ORDER");
    assertThat(skippedAgain.get("recordedDecision").asString()).isEqualTo("SKIP");
    assertThat(skippedAgain.get("recordedSendAt").isNull()).isTrue();

    assertThat(decided(installedTv("A-102")).get("outcome").asString()).isEqualTo("SURVEY");
    JsonNode again = decided(installedTv("A-102"));
    assertThat(again.get("outcome").asString()).isEqualTo("SKIP");
    assertThat(codes(again)).containsExactly("DUPLICATE_ORDER");
    assertThat(again.get("subjectSku").isNull()).isTrue();
    assertThat(again.get("recordedDecision").asString()).isEqualTo("SURVEY");
    assertThat(again.get("recordedSendAt").asString()).isEqualTo("2026-02-27T12:00:00Z");
    assertThat(storedOutcome(order("A-102"))).isEqualTo("SURVEY");
  }

  @Test
  void noConsentIsASkipAboutTheLineThatWouldHaveBeenAsked() {
    Map<String, Object> washer = delivery(order("A-105"), customer, null, "2026-03-08T18:00:00Z",
        "2026-03-10T08:00:00Z", List.of(line("WM-8KG", "appliances/washing-machines", "649.00", 1)));
    washer.put("consent", false);
    JsonNode d = decided(washer);
    assertThat(codes(d)).containsExactly("NO_CONSENT");
    assertThat(d.get("subjectSku").asString()).isEqualTo("WM-8KG");
    assertThat(d.get("sendAt").isNull()).isTrue();
  }

  @Test
  void theStoreTablesWereCreatedAtStartUp() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("npskit_customer", "npskit_account", "npskit_decision",
          "npskit_response")) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          assertThat(rs.next()).as(table).isTrue();
        }
      }
      try (ResultSet rs = s.executeQuery(
          "SELECT version FROM npskit_schema_version ORDER BY version")) {
        for (int version = 1; version <= JdbcContactHistory.SCHEMA_VERSION; version++) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(version);
        }
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void theNpskitHealthContributorIsUp() {
    ShopClient.Reply health = shop.get("/actuator/health/npskit");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(health.json().get("details").get("store").asString())
        .isEqualTo("JdbcContactHistory");
    assertThat(shop.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void decisionsAreCountedByOutcomeAndReasonAndTimed() {
    double excluded = shop.meter("npskit.decisions", "COUNT", "outcome:SKIP",
        "reason:EXCLUDED_CATEGORY");
    double surveys = shop.meter("npskit.decisions", "COUNT", "outcome:SURVEY", "reason:none");
    double duplicates = shop.meter("npskit.decisions", "COUNT", "outcome:SKIP",
        "reason:DUPLICATE_ORDER");
    double timed = shop.meter("npskit.decide", "COUNT");
    double time = shop.meter("npskit.decide", "TOTAL_TIME");

    decided(toner("A-100", "2026-01-05T09:00:00Z", null));
    decided(installedTv("A-102"));
    decided(installedTv("A-102"));

    assertThat(shop.meter("npskit.decisions", "COUNT", "outcome:SKIP",
        "reason:EXCLUDED_CATEGORY")).isEqualTo(excluded + 1);
    assertThat(shop.meter("npskit.decisions", "COUNT", "outcome:SURVEY", "reason:none"))
        .isEqualTo(surveys + 1);
    assertThat(shop.meter("npskit.decisions", "COUNT", "outcome:SKIP",
        "reason:DUPLICATE_ORDER")).isEqualTo(duplicates + 1);
    assertThat(shop.meter("npskit.decide", "COUNT")).isEqualTo(timed + 3);
    assertThat(shop.meter("npskit.decide", "TOTAL_TIME")).isGreaterThan(time);
    ShopClient.Reply tags = shop.get("/actuator/metrics/npskit.decisions");
    assertThat(tags.json().get("availableTags").toString()).contains("outcome", "reason");
  }
}
