package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.tv;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public value types of nps-policy: equality, the text they show in logs, and the checks of
 * their operations, each with exact expected values.
 */
class ValueTypesTest {
  private static final Instant T1 = T0.plus(Duration.ofDays(1));
  private static final OrderLine TV = line("TV-1", "tv/lcd", "500.00", 1);

  @Test
  void decisionsAreEqualByEveryComponent() {
    Decision survey = Decision.survey("O1", "C1", TV, T0, T1);
    assertThat(Decision.survey("O1", "C1", line("TV-1", "tv/lcd", "500.00", 1), T0, T1))
        .isEqualTo(survey)
        .hasSameHashCodeAs(survey);
    assertThat(survey)
        .isNotEqualTo(Decision.survey("O2", "C1", TV, T0, T1))
        .isNotEqualTo(Decision.survey("O1", "C2", TV, T0, T1))
        .isNotEqualTo(Decision.survey("O1", "C1", line("TV-2", "tv/lcd", "500.00", 1), T0, T1))
        .isNotEqualTo(Decision.survey("O1", "C1", TV, T1, T1))
        .isNotEqualTo(Decision.survey("O1", "C1", TV, T0, T0))
        .isNotEqualTo("O1");

    List<Reason> cooldown = List.of(new Reason(ReasonCode.CUSTOMER_COOLDOWN, "surveyed 2 d ago"));
    Decision skip = Decision.skip("O1", "C1", cooldown, TV, T0, T1);
    assertThat(Decision.skip("O1", "C1", List.copyOf(cooldown), TV, T0, T1))
        .isEqualTo(skip)
        .hasSameHashCodeAs(skip);
    assertThat(skip)
        .isNotEqualTo(survey)
        .isNotEqualTo(Decision.skip("O1", "C1", cooldown, TV, T0, null))
        .isNotEqualTo(Decision.skip("O1", "C1", cooldown, null, T0, T1))
        .isNotEqualTo(
            Decision.skip(
                "O1", "C1", List.of(new Reason(ReasonCode.NO_CONSENT, "no")), TV, T0, T1));
  }

  @Test
  void decisionTextNamesOutcomeOrderCustomerReasonsAndTimes() {
    assertThat(Decision.survey("O1", "C1", TV, T0, T1))
        .hasToString(
            "Decision[SURVEY TRANSACTIONAL order=O1 customer=C1 reasons=[] subject=TV-1"
                + " sendAt=2026-01-02T12:00:00Z eligibleAgainAt=null]");
    assertThat(
            Decision.skip(
                "O2", "C1", List.of(new Reason(ReasonCode.NO_CONSENT, "no consent")), null, T0,
                null))
        .hasToString(
            "Decision[SKIP TRANSACTIONAL order=O2 customer=C1 reasons=[NO_CONSENT] subject=null"
                + " sendAt=null eligibleAgainAt=null]");
    assertThat(new Reason(ReasonCode.HOLDOUT, "control group"))
        .hasToString("HOLDOUT: control group");
  }

  @Test
  void purchaseKeepsItsTimesAndShowsEveryField() {
    Purchase p =
        Purchase.builder("O1", "C1")
            .accountId("A1")
            .orderedAt(T0)
            .deliveredAt(T1)
            .line(TV)
            .build();
    assertThat(p.orderedAt()).isEqualTo(T0);
    assertThat(p.deliveredAt()).contains(T1);
    assertThat(p.eventTime()).isEqualTo(T1);
    assertThat(p.toString())
        .startsWith(
            "Purchase[orderId=O1, customerId=C1, accountId=A1, orderedAt=2026-01-01T12:00:00Z,"
                + " deliveredAt=2026-01-02T12:00:00Z, lines=[")
        .endsWith("], consent=true]")
        .contains("TV-1");
  }

  @Test
  void moneyArithmeticNeedsOneCurrency() {
    Money eur = Money.of("10.50", "EUR");
    Money usd = Money.of("3", "USD");
    assertThat(eur).hasToString("10.50 EUR");
    assertThat(eur.plus(Money.of("0.25", "EUR"))).hasToString("10.75 EUR");
    assertThatThrownBy(() -> eur.plus(usd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency must be EUR, was USD");
    assertThatThrownBy(() -> eur.isLessThan(usd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency must be EUR, was USD");
  }

  @Test
  void categoryDepthIsTheNumberOfSegments() {
    assertThat(CategoryPath.parse("tv").depth()).isEqualTo(1);
    assertThat(CategoryPath.parse("tv/oled/65-inch").depth()).isEqualTo(3);
  }

  @Test
  void aLineValueThresholdNeedsTheOrderCurrencyToo() {
    SurveyPolicy policy = SurveyPolicy.builder().minLineValue(Money.of("100", "EUR")).build();
    assertThatThrownBy(() -> policy.requireThresholdsFor(Currency.getInstance("USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "currency USD has no min-line-value threshold (thresholds are set for [EUR])");
    SurveyGate gate = SurveyGate.builder(policy).build();
    assertThat(gate.policy()).isSameAs(policy);
    Purchase dollars =
        Fixtures.purchase("O1", "C1", T0, OrderLine.of("TV-1", "tv", Money.of("500", "USD"), 1));
    assertThatThrownBy(() -> gate.decide(dollars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("currency USD has no min-line-value threshold");
    assertThatThrownBy(() -> gate.evaluate(dollars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("currency USD has no min-line-value threshold");
  }

  @Test
  void categoryCooldownsAreReportedByPath() {
    SurveyPolicy policy =
        SurveyPolicy.builder()
            .categoryCooldown("tv", Duration.ofDays(90))
            .categoryCooldown("tv/oled", Duration.ofDays(180))
            .build();
    assertThat(policy.categoryCooldowns())
        .isEqualTo(
            Map.of(
                CategoryPath.parse("tv"), Duration.ofDays(90),
                CategoryPath.parse("tv/oled"), Duration.ofDays(180)));
  }

  @Test
  void theRepeatSubjectWindowIsOpen() {
    // README: a survey about the SKU at t blocks (t - window, t + window); t + window is free.
    SurveyGate gate =
        SurveyGate.builder(
                SurveyPolicy.builder()
                    .customerCooldown(Duration.ZERO)
                    .repeatSubjectWindow(Duration.ofDays(30))
                    .sendDelay(Duration.ZERO)
                    .build())
            .build();
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    assertThat(gate.decide(tv("O2", "C1", T0.plus(Duration.ofDays(30)))).isSurvey()).isTrue();
  }

  @Test
  void oneAttemptIsEnough() {
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).maxAttempts(1).build();
    assertThat(gate.decide(tv("O1", "C1", T0)).orderId()).isEqualTo("O1");
    assertThatThrownBy(() -> SurveyGate.builder(SurveyPolicy.defaults()).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, was 0");
  }

  @Test
  void ratesOfZeroAndOneAreValidProperties() {
    SurveyPolicy all =
        SurveyPolicy.fromProperties(
            Fixtures.props("nps.policy.sampling-rate=1", "nps.policy.holdout-rate=0"));
    assertThat(all.samplingRate()).isEqualTo(1.0);
    assertThat(all.holdoutRate()).isEqualTo(0.0);
    SurveyPolicy none =
        SurveyPolicy.fromProperties(
            Fixtures.props("nps.policy.sampling-rate=0", "nps.policy.holdout-rate=1"));
    assertThat(none.samplingRate()).isEqualTo(0.0);
    assertThat(none.holdoutRate()).isEqualTo(1.0);
  }
}
