package org.npskit.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.test.NpsAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.npskit.core.NpsResult;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionKind;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.RelationshipTrigger;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.junit.jupiter.api.Test;

class NpsAssertionsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final SurveyPolicy POLICY = SurveyPolicy.builder()
      .minOrderValue(Money.of("100", "EUR"))
      .excludeCategories("printing/toner")
      .build();

  private final SurveyGate gate = SurveyGate.builder(POLICY).clock(MutableClock.at(T0)).build();

  private static Purchase order(String id, String sku, String category, String price, Instant at) {
    return Purchase.builder(id, sku.startsWith("TONER") ? "K-2" : "K-1").orderedAt(at)
        .line(OrderLine.of(sku, category, Money.of(price, "EUR"), 1)).build();
  }

  @Test
  void passingAssertionsChain() {
    Decision tv = gate.decide(order("O-1", "OLED55", "tv/oled", "2000", T0));
    assertThat(tv).isSurvey().hasReasons().hasKind(DecisionKind.TRANSACTIONAL)
        .hasSubjectSku("OLED55")
        .hasSendAt(T0.plus(Duration.ofDays(3))).hasNoEligibleAgainAt();
    Decision toner = gate.decide(order("O-2", "TONER-1", "printing/toner", "40", T0));
    assertThat(toner).isSkip()
        .hasReasons(ReasonCode.EXCLUDED_CATEGORY, ReasonCode.BELOW_MIN_ORDER_VALUE)
        .hasPrimaryReason(ReasonCode.EXCLUDED_CATEGORY).hasNoSubject().hasNoEligibleAgainAt();
    Decision soon = gate.decide(order("O-3", "OLED65", "tv/oled", "3000", T0.plusSeconds(60)));
    assertThat(soon).isSkip().hasReasons(ReasonCode.CUSTOMER_COOLDOWN)
        .hasSubjectSku("OLED65").hasEligibleAgainAt(T0.plus(Duration.ofDays(90)));
  }

  @Test
  void aFailureShowsTheWholeDecisionWithItsReasonTexts() {
    Decision toner = gate.decide(order("O-2", "TONER-1", "printing/toner", "40", T0));
    assertThatThrownBy(() -> assertThat(toner).isSurvey())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting decision of order O-2 to be SURVEY, but it was:")
        .hasMessageContaining("customer:        K-2")
        .hasMessageContaining("outcome:         SKIP")
        .hasMessageContaining("kind:            TRANSACTIONAL")
        .hasMessageContaining("EXCLUDED_CATEGORY: no candidate line: lines [TONER-1] are in an"
            + " excluded category")
        .hasMessageContaining("BELOW_MIN_ORDER_VALUE: order value 40 EUR is below the minimum"
            + " 100 EUR")
        .hasMessageContaining("subject:         none")
        .hasMessageContaining("sendAt:          none");
  }

  @Test
  void everyAssertionCanFail() {
    Decision tv = gate.decide(order("O-1", "OLED55", "tv/oled", "2000", T0));
    Decision toner = gate.decide(order("O-2", "TONER-1", "printing/toner", "40", T0));
    assertThatThrownBy(() -> assertThat(tv).isSkip()).hasMessageContaining("to be SKIP");
    assertThatThrownBy(() -> assertThat(toner).hasReasons(ReasonCode.EXCLUDED_CATEGORY))
        .hasMessageContaining("to have exactly the reasons [EXCLUDED_CATEGORY] in this order");
    assertThatThrownBy(() -> assertThat(toner)
        .hasReasons(ReasonCode.BELOW_MIN_ORDER_VALUE, ReasonCode.EXCLUDED_CATEGORY))
        .hasMessageContaining("in this order");
    assertThatThrownBy(() -> assertThat(tv).hasPrimaryReason(ReasonCode.HOLDOUT))
        .hasMessageContaining("to have the primary reason HOLDOUT");
    assertThatThrownBy(() -> assertThat(tv).hasSubjectSku("OLED65"))
        .hasMessageContaining("to have the subject SKU OLED65")
        .hasMessageContaining("subject:         OLED55 (tv/oled, 2000 EUR)");
    assertThatThrownBy(() -> assertThat(tv).hasNoSubject()).hasMessageContaining("no subject");
    assertThatThrownBy(() -> assertThat(tv).hasKind(DecisionKind.RELATIONSHIP))
        .hasMessageContaining("to have the kind RELATIONSHIP")
        .hasMessageContaining("kind:            TRANSACTIONAL");
    assertThatThrownBy(() -> assertThat(tv).hasSendAt(T0))
        .hasMessageContaining("to be sent at " + T0);
    assertThatThrownBy(() -> assertThat(tv).hasEligibleAgainAt(T0))
        .hasMessageContaining("eligible again at " + T0);
    Decision soon = gate.decide(order("O-3", "OLED65", "tv/oled", "3000", T0.plusSeconds(60)));
    assertThatThrownBy(() -> assertThat(soon).hasNoEligibleAgainAt())
        .hasMessageContaining("to have no eligibleAgainAt")
        .hasMessageContaining("eligibleAgainAt: " + T0.plus(Duration.ofDays(90)));
    assertThatThrownBy(() -> assertThat((Decision) null).isSurvey())
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void resultAssertionsCheckTheNpsAndTheDefaultInterval() {
    NpsResult result = new NpsResult(15, 25, 60);
    assertThat(result).hasNps(45.0, 1e-9).hasIntervalContaining(45.0).hasIntervalContaining(31.0);
    assertThatThrownBy(() -> assertThat(result).hasNps(46.0, 0.5))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting NPS 46.0 +/- 0.5")
        .hasMessageContaining("n=100 (detractors 15, passives 25, promoters 60)")
        .hasMessageContaining("NPS 45.0000, SE 7.3993");
    assertThatThrownBy(() -> assertThat(result).hasIntervalContaining(70.0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the 95 % interval to contain 70.0");
    assertThatThrownBy(() -> assertThat(result).hasNps(45.0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be finite and not negative, was -1.0");
    assertThatThrownBy(() -> assertThat(result).hasNps(45.0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRelationshipDecisionHasItsKindAndNoSubject() {
    SurveyGate frequent = SurveyGate.builder(SurveyPolicy.builder()
        .relationshipTrigger(RelationshipTrigger.parse("1/P30D")).build())
        .clock(MutableClock.at(T0)).build();
    Decision d = frequent.decide(order("O-1", "OLED55", "tv/oled", "2000", T0));
    assertThat(d).isSurvey().hasKind(DecisionKind.RELATIONSHIP).hasNoSubject();
    Decision again = frequent.decide(order("O-1", "OLED55", "tv/oled", "2000", T0));
    assertThatThrownBy(() -> assertThat(again).hasKind(DecisionKind.RELATIONSHIP))
        .hasMessageContaining("kind:            none");
  }
}
