package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * One purchase with an event time far in the future (a mistyped delivery date) must not make the
 * gate's default store forget everyone else's surveys: its forgetting is bounded by the gate's
 * clock. The times lie years before the date the tests run, so a store on the system clock
 * instead of the gate's would have swept them all away.
 */
class MistypedEventTimeTest {
  private static final Instant START = Instant.parse("2020-03-01T10:00:00Z");

  @Test
  void aDeliveryDatedCenturiesAheadLeavesTheOtherCustomersCooldownsInPlace() {
    MutableClock clock = MutableClock.at(START);
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).clock(clock).build();
    assertThat(gate.decideNow(Fixtures.tv("O1", "C1", START)).isSurvey()).isTrue();

    Decision typo = gate.decide(Fixtures.tv("O2", "C2", Instant.parse("2999-06-01T00:00:00Z")));
    assertThat(typo.isSurvey()).isTrue();

    clock.advance(Duration.ofDays(1));
    Decision again = gate.decideNow(Fixtures.tv("O3", "C1", clock.instant()));
    assertThat(again.isSurvey()).isFalse();
    assertThat(again.reasonCodes()).containsExactly(ReasonCode.CUSTOMER_COOLDOWN);
  }
}
