package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.tv;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ForwardingContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * A store that has forgotten what an old event's windows need must not let that event become a
 * survey (issue: 886 cooldown violations in 4,000 shuffled orders on the default store).
 */
class HistoryExpiredTest {
  private static final SurveyPolicy POLICY =
      SurveyPolicy.builder().customerCooldown(Duration.ofDays(90)).build();

  /** Reports a fixed memory horizon and counts loads. */
  static final class Forgetful extends ForwardingContactHistory {
    volatile Instant forgotten;
    volatile boolean fail;
    final AtomicInteger loads = new AtomicInteger();

    Forgetful(Instant forgotten) {
      super(InMemoryContactHistory.withRetention(Duration.ofDays(1000)));
      this.forgotten = forgotten;
    }

    @Override
    public Optional<Instant> forgottenBefore() {
      if (fail) {
        throw new HistoryUnavailableException(StoreOperation.LOAD, null);
      }
      return Optional.ofNullable(forgotten);
    }

    @Override
    public HistorySnapshot load(HistoryQuery query) {
      loads.incrementAndGet();
      return super.load(query);
    }
  }

  @Test
  void anEventWhoseWindowsReachBeforeTheStoresMemoryIsNeverASurvey() {
    Forgetful store = new Forgetful(T0);
    SurveyGate gate = SurveyGate.builder(POLICY).history(store).build();
    Instant old = T0.plus(Duration.ofDays(90)).minusSeconds(1);

    Decision d = gate.decide(tv("O-1", "K-1", old));

    assertThat(d.reasonCodes()).containsExactly(ReasonCode.HISTORY_EXPIRED);
    assertThat(d.reasons().get(0).message()).isEqualTo("the decision time "
        + "2026-04-01T11:59:59Z minus the longest window P90D lies before 2026-01-01T12:00:00Z,"
        + " from when on the contact history holds everything; surveys the rules must see may be"
        + " forgotten");
    assertThat(d.subject()).isEmpty();
    assertThat(gate.evaluate(tv("O-1", "K-1", old))).isEqualTo(d);
    assertThat(store.loads).hasValue(0);
    assertThat(store.load(new HistoryQuery("K-1", null, "O-1", T0, T0.plus(Duration.ofDays(200))))
        .orderDecided()).as("nothing recorded").isFalse();
  }

  @Test
  void anEventWhoseWindowsStartAtTheHorizonIsDecided() {
    Forgetful store = new Forgetful(T0);
    SurveyGate gate = SurveyGate.builder(POLICY).history(store).build();

    assertThat(gate.decide(tv("O-1", "K-1", T0.plus(Duration.ofDays(90)))).isSurvey()).isTrue();
  }

  @Test
  void aStoreThatForgetsNothingDecidesAnyTime() {
    Forgetful store = new Forgetful(null);
    SurveyGate gate = SurveyGate.builder(POLICY).history(store).build();

    assertThat(gate.decide(tv("O-1", "K-1", Instant.parse("2001-01-01T00:00:00Z"))).isSurvey())
        .isTrue();
  }

  @Test
  void aStoreThatCannotSayIsUnavailable() {
    Forgetful store = new Forgetful(T0);
    store.fail = true;
    SurveyGate gate = SurveyGate.builder(POLICY).history(store).build();

    assertThat(gate.decide(tv("O-1", "K-1", T0)).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
    assertThat(gate.evaluate(tv("O-1", "K-1", T0)).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
  }
}
