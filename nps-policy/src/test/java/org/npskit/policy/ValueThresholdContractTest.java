package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.purchase;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The "always" exemption from min-order-value belongs to the chosen subject (contract step 5),
 * so a pricier ordinary line can take it away. Found as a counterexample to a price-monotonicity
 * property (jqwik sample of a mutation run): raising a price can turn a SURVEY into a SKIP.
 */
class ValueThresholdContractTest {
  private final SurveyGate gate =
      SurveyGate.builder(
              SurveyPolicy.builder()
                  .minOrderValue(Money.of("100", "EUR"))
                  .minLineValue(Money.of("50", "EUR"))
                  .alwaysCategories("tv/oled")
                  .customerCooldown(Duration.ZERO)
                  .sendDelay(Duration.ZERO)
                  .build())
          .build();

  @Test
  void anAlwaysSubjectWaivesTheOrderMinimum() {
    Decision d =
        gate.evaluate(
            purchase("O1", "C1", T0, line("S1", "tv/oled", "0.01", 1), line("S2", "tv/lcd", "0.01", 1)));
    assertThat(d.isSurvey()).isTrue();
    assertThat(d.subjectSku()).contains("S1");
  }

  @Test
  void aPricierOrdinaryCandidateBecomesTheSubjectAndTheMinimumApplies() {
    Decision d =
        gate.evaluate(
            purchase("O1", "C1", T0, line("S1", "tv/oled", "0.01", 1), line("S2", "tv/lcd", "50.00", 1)));
    assertThat(d.reasonCodes()).containsExactly(ReasonCode.BELOW_MIN_ORDER_VALUE);
    assertThat(d.subjectSku()).contains("S2");
    assertThat(d.reasons().get(0).message())
        .isEqualTo("order value 50.01 EUR is below the minimum 100 EUR");
  }
}
