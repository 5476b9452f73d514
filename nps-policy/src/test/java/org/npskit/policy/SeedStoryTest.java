package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.line;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The seed story: a business re-ordering toner monthly for a year is never surveyed about toner;
 * the same customer's OLED TV with installation is, unless in cooldown, and each decision says why.
 */
class SeedStoryTest {
  private final SurveyPolicy policy = SurveyPolicy.builder()
      .minOrderValue(Money.of("100", "EUR"))
      .excludeCategories("printing/toner")
      .alwaysCategories("tv/oled")
      .alwaysServices("INSTALLATION")
      .customerCooldown(Duration.ofDays(90))
      .accountCooldown(Duration.ofDays(30))
      .build();

  private static Purchase toner(int month) {
    Instant at = LocalDate.of(2025, month, 3).atStartOfDay().toInstant(ZoneOffset.UTC);
    return Purchase.builder("TONER-" + month, "K-1").accountId("B-77").orderedAt(at)
        .line(line("TN-2410", "printing/toner", "59.95", 3)).build();
  }

  private static Purchase oledTv(String orderId, LocalDate day) {
    return Purchase.builder(orderId, "K-1").accountId("B-77")
        .orderedAt(day.atStartOfDay().toInstant(ZoneOffset.UTC))
        .line(line("OLED55-B4", "TV/OLED", "1899.00", 1, "installation"))
        .line(line("HDMI-2M", "cables/hdmi", "12.50", 1))
        .build();
  }

  @Test
  void tonerNeverTheTvOnceAndExplained() {
    SurveyGate gate = SurveyGate.builder(policy).build();
    for (int month = 1; month <= 12; month++) {
      Decision d = gate.decide(toner(month));
      assertThat(d.outcome()).isEqualTo(Outcome.SKIP);
      assertThat(d.reasonCodes()).first().isEqualTo(ReasonCode.EXCLUDED_CATEGORY);
      assertThat(d.primaryReason().orElseThrow().message()).contains("TN-2410", "excluded");
      if (month == 7) {
        Decision tv = gate.decide(oledTv("TV-1", LocalDate.of(2025, 7, 10)));
        assertThat(tv.isSurvey()).isTrue();
        assertThat(tv.subjectSku()).contains("OLED55-B4");
      }
    }
    Decision secondTv = gate.decide(oledTv("TV-2", LocalDate.of(2025, 8, 20)));
    assertThat(secondTv.reasonCodes())
        .containsExactly(ReasonCode.CUSTOMER_COOLDOWN);
    assertThat(secondTv.subjectSku()).contains("OLED55-B4");
    assertThat(secondTv.eligibleAgainAt())
        .contains(LocalDate.of(2025, 7, 10).atStartOfDay().toInstant(ZoneOffset.UTC)
            .plus(Duration.ofDays(90)));
    assertThat(secondTv.primaryReason().orElseThrow().message()).contains("K-1", "P90D");
  }
}
