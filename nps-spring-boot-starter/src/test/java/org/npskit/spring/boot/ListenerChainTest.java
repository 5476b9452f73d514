package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
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
  void theTimedCallReachesEachListenerAsItCame() {
    List<String> heard = new ArrayList<>();
    DecisionListener timed = new DecisionListener() {
      @Override
      public void onDecision(Decision decision, boolean recorded, Duration elapsed) {
        heard.add("timed " + decision.orderId() + " " + recorded + " " + elapsed);
      }
    };
    DecisionListener untimed = new DecisionListener() {
      @Override
      public void onDecision(Decision decision, boolean recorded) {
        heard.add("untimed " + decision.orderId() + " " + recorded);
      }
    };
    ListenerChain chain = new ListenerChain(List.of(timed, untimed));
    Decision d = SurveyGate.builder(SurveyPolicy.defaults()).build()
        .evaluate(TestPurchases.tv("O-1", "C-1"));
    chain.onDecision(d, true, Duration.ofMillis(3));
    chain.onDecision(d, false);
    assertThat(heard).containsExactly("timed O-1 true PT0.003S", "untimed O-1 true",
        "untimed O-1 false");
  }
}
