package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.builder;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.tv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ForwardingContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/** Store failures, listeners and conflict exhaustion. */
class SurveyGateFailureTest {

  /** Delegates to an in-memory store; can be switched to fail loads or commits. */
  static class FlakyStore extends ForwardingContactHistory {
    volatile boolean failLoad;
    volatile boolean failCommit;
    volatile boolean rejectCommits;

    FlakyStore() {
      super(InMemoryContactHistory.withRetention(java.time.Duration.ofDays(1000)));
    }

    @Override
    public HistorySnapshot load(HistoryQuery query) {
      if (failLoad) {
        throw new HistoryUnavailableException(StoreOperation.LOAD, new java.io.IOException("down"));
      }
      return super.load(query);
    }

    @Override
    public boolean commit(CommitRequest commit) {
      if (failCommit) {
        throw new HistoryUnavailableException(StoreOperation.COMMIT, null);
      }
      return !rejectCommits && super.commit(commit);
    }
  }

  /** Counts callbacks. */
  static final class CountingListener implements DecisionListener {
    final List<Boolean> recorded = new ArrayList<>();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();

    @Override
    public synchronized void onDecision(Decision decision, boolean wasRecorded) {
      recorded.add(wasRecorded);
    }

    @Override
    public void onConflict(String orderId, int attempt) {
      conflicts.incrementAndGet();
    }

    @Override
    public void onStoreFailure(HistoryUnavailableException failure) {
      failures.incrementAndGet();
    }
  }

  @Test
  void failClosedSkipsWithHistoryUnavailableAndRecordsNothing() {
    FlakyStore store = new FlakyStore();
    CountingListener listener = new CountingListener();
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store)
        .listener(listener).build();
    store.failLoad = true;
    Decision d = gate.decide(tv("O1", "C1", T0));
    assertThat(d.reasonCodes()).containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
    assertThat(d.primaryReason().orElseThrow().message()).contains("load");
    assertThat(d.subjectSku()).isEmpty();
    assertThat(gate.evaluate(tv("O1", "C1", T0)).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
    store.failLoad = false;
    store.failCommit = true;
    assertThat(gate.decide(tv("O1", "C1", T0)).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
    store.failCommit = false;
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    assertThat(listener.failures).hasValue(3);
    assertThat(listener.recorded).containsExactly(false, false, false, true);
  }

  @Test
  void failOpenAppliesTheHistoryFreeRulesAndRecordsNothing() {
    FlakyStore store = new FlakyStore();
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.builder()
        .storeFailure(StoreFailureMode.FAIL_OPEN).excludeCategories("toner").build())
        .history(store).build();
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    store.failLoad = true;
    // The survey of O1 is unknown while the store is down: no cooldown, no duplicate.
    assertThat(gate.decide(tv("O2", "C1", T0)).isSurvey()).isTrue();
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    assertThat(gate.decide(Fixtures.purchase("O3", "C1", T0, line("T", "toner", "9", 1)))
        .reasonCodes()).containsExactly(ReasonCode.EXCLUDED_CATEGORY);
    store.failLoad = false;
    store.failCommit = true;
    // Read but not written: the decision uses what was read.
    assertThat(gate.decide(tv("O4", "C1", T0)).reasonCodes())
        .containsExactly(ReasonCode.CUSTOMER_COOLDOWN);
    assertThat(gate.decide(tv("O5", "C2", T0)).isSurvey()).isTrue();
    store.failCommit = false;
    assertThat(gate.decide(tv("O2", "C1", T0)).reasonCodes())
        .containsExactly(ReasonCode.CUSTOMER_COOLDOWN);
    assertThat(gate.decide(tv("O6", "C2", T0)).isSurvey()).isTrue();
  }

  @Test
  void listenerExceptionsAreLoggedNotPropagated() {
    FlakyStore store = new FlakyStore();
    DecisionListener throwing = new DecisionListener() {
      @Override
      public void onDecision(Decision decision, boolean recorded) {
        throw new IllegalStateException("metrics down");
      }

      @Override
      public void onStoreFailure(HistoryUnavailableException failure) {
        throw new IllegalStateException("metrics down");
      }
    };
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store)
        .listener(throwing).build();
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    store.failLoad = true;
    assertThat(gate.decide(tv("O2", "C1", T0)).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
  }

  @Test
  void exhaustedRetriesThrowAClearExceptionAndRecordNothing() {
    FlakyStore store = new FlakyStore();
    CountingListener listener = new CountingListener();
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store)
        .listener(listener).maxAttempts(3).build();
    store.rejectCommits = true;
    assertThatThrownBy(() -> gate.decide(tv("O1", "C1", T0)))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("O1").hasMessageContaining("3 attempts");
    assertThat(listener.conflicts).hasValue(3);
    store.rejectCommits = false;
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    assertThatThrownBy(() -> SurveyGate.builder(SurveyPolicy.defaults()).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
  }

  @Test
  void managementCallsPropagateStoreFailures() {
    ContactHistory broken = new FlakyStore() {
      @Override
      public boolean cancel(String orderId) {
        throw new HistoryUnavailableException(StoreOperation.CANCEL, null);
      }
    };
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(broken).build();
    assertThatThrownBy(() -> gate.cancel("O1"))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("cancel")
        .extracting(e -> ((HistoryUnavailableException) e).operation()).isEqualTo(StoreOperation.CANCEL);
  }

  @Test
  void nullsAreRejected() {
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).build();
    assertThatThrownBy(() -> gate.decide(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> gate.decide(tv("O", "C", T0), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> gate.optOut(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SurveyGate.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder("O", "C", T0).line(null))
        .isInstanceOf(NullPointerException.class);
  }
}
