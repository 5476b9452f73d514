package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

class ListenerChainTest {

  /** Records every call, then throws. */
  static final class Broken implements DecisionListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onDecision(Decision decision, boolean recorded) {
      calls.add("decision " + decision.orderId());
      throw new IllegalStateException("broken");
    }

    @Override
    public void onConflict(String orderId, int attempt) {
      calls.add("conflict " + orderId + " " + attempt);
      throw new IllegalStateException("broken");
    }

    @Override
    public void onStoreFailure(HistoryUnavailableException failure) {
      calls.add("failure " + failure.operation());
      throw new IllegalStateException("broken");
    }
  }

  @Test
  void aThrowingListenerDoesNotKeepTheNextFromAnyCall() {
    Broken first = new Broken();
    Broken second = new Broken();
    ListenerChain chain = new ListenerChain(List.of(first, second));
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).build();
    chain.onDecision(gate.evaluate(TestPurchases.tv("O-1", "C-1")), false);
    chain.onConflict("O-1", 2);
    chain.onStoreFailure(new HistoryUnavailableException(StoreOperation.COMMIT,
        new IOException("reset")));
    List<String> expected = List.of("decision O-1", "conflict O-1 2", "failure commit");
    assertThat(first.calls).isEqualTo(expected);
    assertThat(second.calls).isEqualTo(expected);
  }

  @Test
  void theTimedStoreDelegatesEveryManagementCall() {
    FlakyHistory history = new FlakyHistory();
    DecisionMetrics metrics = new DecisionMetrics(new SimpleMeterRegistry());
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults())
        .history(metrics.timed(history)).listener(metrics).build();
    assertThat(gate.history()).hasToString(history.toString());
    assertThat(gate.decide(TestPurchases.tv("O-1", "C-1")).isSurvey()).isTrue();
    assertThat(gate.cancel("O-1")).isTrue();
    gate.recordResponse("C-1", TestPurchases.T0);
    gate.optOut("C-1");
    gate.optIn("C-1");
    gate.purgeExpired();
    gate.eraseCustomer("C-1");
    // commit, cancel, response, opt-out, opt-in, purge, erase: each reached the store
    assertThat(history.writes).hasValue(7);
  }
}
