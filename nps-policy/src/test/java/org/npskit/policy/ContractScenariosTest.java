package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.props;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two scenarios of {@code contract/policy/} (policy.properties, orders.csv, expected.jsonl),
 * built through the API and decided in event-time order as the CLI does.
 */
class ContractScenariosTest {

  /** One line of expected.jsonl. */
  record Expected(String orderId, String customerId, Outcome decision, List<String> reasons,
      String subjectSku, String sendAt, String eligibleAgainAt) {
    static Expected of(String orderId, String customerId, Outcome decision, String reasons,
        String subjectSku, String sendAt, String eligibleAgainAt) {
      return new Expected(orderId, customerId, decision,
          reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")),
          subjectSku, sendAt, eligibleAgainAt);
    }
  }

  private static Expected actual(Decision d) {
    return new Expected(d.orderId(), d.customerId(), d.outcome(),
        d.reasonCodes().stream().map(Enum::name).toList(), d.subjectSku().orElse(null),
        d.sendAt().map(Instant::toString).orElse(null),
        d.eligibleAgainAt().map(Instant::toString).orElse(null));
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static Purchase.Builder order(String id, String customer, String account,
      String orderedAt, String deliveredAt) {
    Purchase.Builder b = Purchase.builder(id, customer).orderedAt(t(orderedAt));
    if (account != null) {
      b.accountId(account);
    }
    if (deliveredAt != null) {
      b.deliveredAt(t(deliveredAt));
    }
    return b;
  }

  @Test
  void p1TonerVersusTv() {
    SurveyPolicy policy = SurveyPolicy.fromProperties(props(
        "nps.policy.min-order-value=100 EUR",
        "nps.policy.exclude-categories=printing/toner, cables",
        "nps.policy.always-categories=tv/oled",
        "nps.policy.always-services=INSTALLATION",
        "nps.policy.customer-cooldown=P90D",
        "nps.policy.account-cooldown=P30D",
        "nps.policy.send-delay=P3D"));
    SurveyGate gate = SurveyGate.builder(policy).build();
    Purchase tv = order("A-102", "K-1", "B-77", "2026-02-20T09:00:00Z", "2026-02-24T12:00:00Z")
        .line(line("OLED55-B4", "tv/oled", "1899.00", 1, "INSTALLATION"))
        .line(line("HDMI-2M", "cables/hdmi", "12.50", 1))
        .build();
    List<Purchase> inEventOrder = List.of(
        order("A-100", "K-1", "B-77", "2026-01-05T09:00:00Z", "2026-01-06T10:00:00Z")
            .line(line("TN-2410", "printing/toner", "59.95", 2)).build(),
        order("A-101", "K-1", "B-77", "2026-02-05T09:00:00Z", "2026-02-06T10:00:00Z")
            .line(line("TN-2410", "printing/toner", "59.95", 3)).build(),
        tv,
        tv,
        order("A-103", "K-1", "B-77", "2026-03-05T09:00:00Z", "2026-03-06T10:00:00Z")
            .line(line("TN-2410", "printing/toner", "59.95", 2)).build(),
        order("A-104", "K-2", null, "2026-03-07T18:00:00Z", null)
            .line(line("USB-C-1M", "Cables/USB", "9.99", 1)).build(),
        order("A-105", "K-3", null, "2026-03-08T18:00:00Z", "2026-03-10T08:00:00Z")
            .line(line("WM-8KG", "appliances/washing-machines", "649.00", 1))
            .consent(false).build());

    List<Expected> actual = inEventOrder.stream().map(gate::decide).map(c -> actual(c)).toList();

    assertThat(actual).containsExactly(
        Expected.of("A-100", "K-1", Outcome.SKIP, "EXCLUDED_CATEGORY", null, null, null),
        Expected.of("A-101", "K-1", Outcome.SKIP, "EXCLUDED_CATEGORY", null, null, null),
        Expected.of("A-102", "K-1", Outcome.SURVEY, "", "OLED55-B4", "2026-02-27T12:00:00Z",
            null),
        Expected.of("A-102", "K-1", Outcome.SKIP, "DUPLICATE_ORDER", null, null, null),
        Expected.of("A-103", "K-1", Outcome.SKIP,
            "EXCLUDED_CATEGORY,CUSTOMER_COOLDOWN,ACCOUNT_COOLDOWN", null, null,
            "2026-05-25T12:00:00Z"),
        Expected.of("A-104", "K-2", Outcome.SKIP, "EXCLUDED_CATEGORY,BELOW_MIN_ORDER_VALUE",
            null, null, null),
        Expected.of("A-105", "K-3", Outcome.SKIP, "NO_CONSENT", "WM-8KG", null, null));
  }

  @Test
  void p2Frequency() {
    SurveyPolicy policy = SurveyPolicy.fromProperties(props(
        "nps.policy.min-line-value=50 EUR",
        "nps.policy.customer-cooldown=P30D",
        "nps.policy.category-cooldown.phones=P60D",
        "nps.policy.max-surveys-per-customer=2/P365D",
        "nps.policy.send-delay=PT0S"));
    SurveyGate gate = SurveyGate.builder(policy).build();
    List<Purchase> inEventOrder = List.of(
        order("F-1", "K-9", null, "2026-01-01T12:00:00Z", null)
            .line(line("LAP-14", "computers/laptops", "899.00", 1)).build(),
        order("F-2", "K-9", null, "2026-01-31T11:59:59Z", null)
            .line(line("MOUSE-1", "computers/accessories", "59.00", 1)).build(),
        order("F-3", "K-9", null, "2026-01-31T12:00:00Z", null)
            .line(line("MOUSE-1", "computers/accessories", "59.00", 1)).build(),
        order("F-6", "K-8", null, "2026-02-01T08:00:00Z", null)
            .line(line("KB-1", "computers/accessories", "49.99", 1)).build(),
        order("F-7", "K-8", null, "2026-02-02T08:00:00Z", null)
            .line(line("KB-1", "computers/accessories", "49.99", 2)).build(),
        order("F-4", "K-9", null, "2026-03-15T12:00:00Z", null)
            .line(line("PH-15", "phones/smartphones", "799.00", 1))
            .line(line("CASE-15", "phones/cases", "29.00", 1)).build(),
        order("F-5", "K-9", null, "2026-06-01T12:00:00Z", null)
            .line(line("TAB-11", "computers/tablets", "499.00", 1)).build());

    List<Expected> actual = inEventOrder.stream().map(gate::decide).map(c -> actual(c)).toList();

    assertThat(actual).containsExactly(
        Expected.of("F-1", "K-9", Outcome.SURVEY, "", "LAP-14", "2026-01-01T12:00:00Z", null),
        Expected.of("F-2", "K-9", Outcome.SKIP, "CUSTOMER_COOLDOWN", "MOUSE-1", null,
            "2026-01-31T12:00:00Z"),
        Expected.of("F-3", "K-9", Outcome.SURVEY, "", "MOUSE-1", "2026-01-31T12:00:00Z", null),
        Expected.of("F-6", "K-8", Outcome.SKIP, "BELOW_MIN_LINE_VALUE", null, null, null),
        Expected.of("F-7", "K-8", Outcome.SURVEY, "", "KB-1", "2026-02-02T08:00:00Z", null),
        Expected.of("F-4", "K-9", Outcome.SKIP, "CUSTOMER_COOLDOWN,CUSTOMER_CAP", "PH-15", null,
            "2027-01-01T12:00:00Z"),
        Expected.of("F-5", "K-9", Outcome.SKIP, "CUSTOMER_CAP", "TAB-11", null,
            "2027-01-01T12:00:00Z"));
  }
}
