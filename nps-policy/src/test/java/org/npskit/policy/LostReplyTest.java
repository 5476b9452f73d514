package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.tv;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.npskit.policy.SurveyGateFailureTest.CountingListener;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ForwardingContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * A commit whose reply is lost (the connection broke after the statement was sent) must not turn
 * a recorded survey into a HISTORY_UNAVAILABLE answer: the gate reads the order back and answers
 * what the store holds (DESIGN 3c, issue: 147 such surveys blocked their customers for 90 days).
 */
class LostReplyTest {

  /** Applies every commit, then throws as if the reply had been lost; optionally fails loads. */
  static final class LosesReplies extends ForwardingContactHistory {
    volatile boolean apply = true;
    volatile boolean failLoadAfterCommit;
    private volatile boolean committed;

    LosesReplies() {
      super(InMemoryContactHistory.withRetention(Duration.ofDays(1000)));
    }

    @Override
    public boolean commit(CommitRequest commit) {
      if (apply) {
        super.commit(commit);
      }
      committed = true;
      throw new HistoryUnavailableException(StoreOperation.COMMIT,
          new java.net.SocketException("Connection reset"));
    }

    @Override
    public HistorySnapshot load(HistoryQuery query) {
      if (committed && failLoadAfterCommit) {
        throw new HistoryUnavailableException(StoreOperation.LOAD, null);
      }
      return super.load(query);
    }
  }

  @Test
  void aSurveyRecordedBeforeTheReplyWasLostIsAnsweredAsRecorded() {
    LosesReplies store = new LosesReplies();
    CountingListener listener = new CountingListener();
    SurveyGate gate =
        SurveyGate.builder(SurveyPolicy.defaults()).history(store).listener(listener).build();

    Decision d = gate.decide(tv("O-1", "K-1", T0));

    assertThat(d.isSurvey()).isTrue();
    assertThat(d.sendAt()).contains(T0.plus(Duration.ofDays(3)));
    assertThat(listener.recorded).containsExactly(true);
    assertThat(listener.failures).hasValue(1);
  }

  @Test
  void aCommitThatWasNotAppliedIsAStoreFailure() {
    LosesReplies store = new LosesReplies();
    store.apply = false;
    CountingListener listener = new CountingListener();
    SurveyGate gate =
        SurveyGate.builder(SurveyPolicy.defaults()).history(store).listener(listener).build();

    Decision d = gate.decide(tv("O-1", "K-1", T0));

    assertThat(d.reasonCodes()).containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
    assertThat(d.reasons().get(0).message()).isEqualTo(
        "contact history unavailable during commit");
    assertThat(listener.recorded).containsExactly(false);
  }

  @Test
  void aStoreThatCannotBeReadBackIsAStoreFailure() {
    LosesReplies store = new LosesReplies();
    store.failLoadAfterCommit = true;
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store).build();

    assertThat(gate.decide(tv("O-1", "K-1", T0)).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
  }

  @Test
  void anOrderThatAnotherInstanceDecidedIsTheDuplicate() {
    InMemoryContactHistory shared = InMemoryContactHistory.withRetention(Duration.ofDays(1000));
    SurveyGate other = SurveyGate.builder(SurveyPolicy.defaults()).history(shared).build();
    ForwardingContactHistory racing = new ForwardingContactHistory(shared) {
      @Override
      public boolean commit(CommitRequest commit) {
        // The other instance decides the same order first; then this reply is lost.
        other.decide(tv("O-1", "K-1", T0.minusSeconds(60)));
        throw new HistoryUnavailableException(StoreOperation.COMMIT, null);
      }
    };
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(racing).build();

    Decision d = gate.decide(tv("O-1", "K-1", T0));

    assertThat(d.reasonCodes()).containsExactly(ReasonCode.DUPLICATE_ORDER);
  }

  @Test
  void aDuplicateDecisionSaysWhatWasRecorded() {
    Instant due = T0.plus(Duration.ofDays(3));
    Decision survey = Decision.duplicate("O-1", "K-1", T0, Outcome.SURVEY, due);
    assertThat(survey.reasonCodes()).containsExactly(ReasonCode.DUPLICATE_ORDER);
    assertThat(survey.reasons().get(0).message()).isEqualTo("order O-1 was already decided");
    assertThat(survey.recordedDecision()).contains(Outcome.SURVEY);
    assertThat(survey.recordedSendAt()).contains(due);
    assertThat(survey.subject()).isEmpty();
    assertThat(survey.toString()).endsWith(" recorded=SURVEY recordedSendAt=" + due + "]");
    Decision skip = Decision.duplicate("O-1", "K-1", T0, Outcome.SKIP, null);
    assertThat(skip.recordedDecision()).contains(Outcome.SKIP);
    assertThat(skip.recordedSendAt()).isEmpty();
    assertThat(skip).isNotEqualTo(survey).doesNotHaveSameHashCodeAs(survey);
    Decision unknown = Decision.duplicate("O-1", "K-1", T0, null, null);
    assertThat(unknown.recordedDecision()).isEmpty();
    assertThat(unknown).isNotEqualTo(skip);
    assertThat(unknown.toString()).endsWith("eligibleAgainAt=null]");
    assertThatThrownBy(() -> Decision.duplicate("O-1", "K-1", T0, Outcome.SURVEY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recordedSendAt must be given exactly for a recorded SURVEY, was"
            + " recordedDecision=SURVEY recordedSendAt=null");
    assertThatThrownBy(() -> Decision.duplicate("O-1", "K-1", T0, Outcome.SKIP, due))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Decision.skip("O-1", "K-1", survey.reasons(), null, T0, null).recordedDecision())
        .isEmpty();
  }
}
