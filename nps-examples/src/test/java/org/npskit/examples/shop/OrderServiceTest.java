package org.npskit.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.test.NpsAssertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Money;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.test.MutableClock;

/**
 * A host application's own tests: only the public API and the nps-test kit (the README's
 * "Testing your integration" snippet is part of this class).
 */
class OrderServiceTest {
  private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
  private final SurveyPolicy policy = SurveyPolicy.builder()
      .minOrderValue(Money.of("100", "EUR"))
      .excludeCategories("printing/toner")
      .alwaysServices("INSTALLATION")
      .customerCooldown(Duration.ofDays(90))
      .build();
  private final List<String> mails = new ArrayList<>();
  private final OrderService shop = new OrderService(
      SurveyGate.builder(policy)
          .clock(clock)
          .history(InMemoryContactHistory.withRetention(Duration.ofDays(365), clock))
          .build(),
      (customer, sku, sendAt) -> mails.add(customer + " " + sku + " " + sendAt));

  @Test
  void theInstalledTvIsSurveyedThreeDaysAfterDelivery() {
    ShopOrder tv = delivered("A-1", "K-1", line("OLED55", "tv/oled", "1999", true));

    assertThat(shop.delivered(tv))
        .isSurvey()
        .hasSubjectSku("OLED55")
        .hasSendAt(clock.instant().plus(Duration.ofDays(3)));
    assertThat(mails).containsExactly("K-1 OLED55 2026-03-05T10:00:00Z");
  }

  @Test
  void monthlyTonerIsNeverAsked() {
    for (int month = 0; month < 12; month++) {
      ShopOrder toner = delivered("T-" + month, "B-7", line("TONER-XL", "printing/toner", "89",
          false));
      assertThat(shop.delivered(toner))
          .isSkip()
          .hasReasons(ReasonCode.EXCLUDED_CATEGORY, ReasonCode.BELOW_MIN_ORDER_VALUE)
          .hasNoSubject();
      clock.advance(Duration.ofDays(30));
    }
    assertThat(mails).isEmpty();
  }

  @Test
  void aSecondPurchaseWithinTheCooldownWaitsUntilItEnds() {
    shop.delivered(delivered("A-1", "K-1", line("OLED55", "tv/oled", "1999", true)));
    clock.advance(Duration.ofDays(10));

    assertThat(shop.delivered(delivered("A-2", "K-1", line("SOUNDBAR", "audio", "499", false))))
        .isSkip()
        .hasReasons(ReasonCode.CUSTOMER_COOLDOWN)
        .hasSubjectSku("SOUNDBAR")
        .hasEligibleAgainAt(clock.instant().plus(Duration.ofDays(80)));

    clock.advance(Duration.ofDays(80));
    assertThat(shop.delivered(delivered("A-3", "K-1", line("SOUNDBAR", "audio", "499", false))))
        .isSurvey();
    assertThat(mails).hasSize(2);
  }

  @Test
  void aRedeliveredOrderIsNotASecondSurvey() {
    ShopOrder tv = delivered("A-1", "K-1", line("OLED55", "tv/oled", "1999", true));
    shop.delivered(tv);
    clock.advance(Duration.ofHours(2));

    assertThat(shop.delivered(tv)).isSkip().hasReasons(ReasonCode.DUPLICATE_ORDER).hasNoSubject();
    assertThat(mails).hasSize(1);
  }

  private ShopOrder delivered(String id, String customer, ShopOrder.Line line) {
    return new ShopOrder(id, customer, null, clock.instant().minus(Duration.ofDays(2)),
        clock.instant(), List.of(line));
  }

  private static ShopOrder.Line line(String sku, String category, String price, boolean install) {
    return new ShopOrder.Line(sku, category, new BigDecimal(price), 1, install);
  }
}
