package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.npskit.policy.memory.InMemoryContactHistory;

/**
 * The nps-policy snippets, compiled and checked: the README's 30-second example and the
 * properties example of docs/policy.md.
 */
class ReadmeExampleTest {

  @Test
  void quickStart() {
    SurveyPolicy policy = SurveyPolicy.builder()
        .minOrderValue(Money.of("100", "EUR"))
        .excludeCategories("printing/toner", "cables")
        .alwaysCategories("tv/oled")
        .alwaysServices("INSTALLATION")
        .customerCooldown(Duration.ofDays(90))
        .accountCooldown(Duration.ofDays(30))
        .build();

    SurveyGate gate = SurveyGate.builder(policy)
        .history(InMemoryContactHistory.withRetention(policy.longestWindow().multipliedBy(2)))
        .clock(Clock.systemUTC())
        .build();

    Purchase purchase = Purchase.builder("A-102", "K-1")
        .accountId("B-77")
        .orderedAt(Instant.parse("2026-02-20T09:00:00Z"))
        .deliveredAt(Instant.parse("2026-02-24T12:00:00Z"))
        .line(OrderLine.of("OLED55-B4", "tv/oled", Money.of("1899.00", "EUR"), 1, "INSTALLATION"))
        .line(OrderLine.of("HDMI-2M", "cables/hdmi", Money.of("12.50", "EUR"), 1))
        .build();

    Decision d = gate.decide(purchase);
    assertThat(d.isSurvey()).isTrue();
    assertThat(d.subjectSku()).contains("OLED55-B4");
    assertThat(d.sendAt()).contains(Instant.parse("2026-02-27T12:00:00Z"));
  }

  @Test
  void propertiesExample() throws IOException {
    String text = String.join("\n",
        "nps.policy.min-order-value=100 EUR, 110 USD",
        "nps.policy.min-line-value=50 EUR, 55 USD",
        "nps.policy.exclude-categories=printing/toner, cables",
        "nps.policy.always-categories=tv/oled",
        "nps.policy.always-services=INSTALLATION",
        "nps.policy.customer-cooldown=P90D",
        "nps.policy.category-cooldown.phones=P60D",
        "nps.policy.max-surveys-per-customer=3/P365D",
        "nps.policy.account-cooldown=P30D",
        "nps.policy.max-surveys-per-account=10/P30D",
        "nps.policy.response-cooldown=P14D",
        "nps.policy.repeat-subject-window=P365D",
        "nps.policy.sampling-rate=0.5",
        "nps.policy.sampling-salt=2026-q1",
        "nps.policy.holdout-rate=0.05",
        "nps.policy.holdout-salt=holdout",
        "nps.policy.send-delay=P3D",
        "nps.policy.store-failure=fail-closed");
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    SurveyPolicy policy = SurveyPolicy.fromProperties(properties);
    assertThat(policy.longestWindow()).isEqualTo(Duration.ofDays(365));
    assertThat(policy.samplingSalt()).isEqualTo("2026-q1");
  }
}
