package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.tv;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ForwardingContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * The elapsed time the gate hands {@link DecisionListener#onDecision(Decision, boolean, Duration)}
 * spans every store call of the decision and no more than the whole call; a listener of the
 * two-argument method still hears every decision.
 */
class DecisionTimingTest {

  /** Notes when the gate first entered the store and last left it; can lose or fail commits. */
  static final class WatchedStore extends ForwardingContactHistory {
    boolean entered;
    long firstEntry;
    long lastExit;
    int racesToLose;
    boolean failCommit;

    WatchedStore() {
      super(InMemoryContactHistory.withRetention(Duration.ofDays(1000)));
    }

    void reset() {
      entered = false;
    }

    private <T> T watched(Supplier<T> call) {
      if (!entered) {
        entered = true;
        firstEntry = System.nanoTime();
      }
      try {
        return call.get();
      } finally {
        lastExit = System.nanoTime();
      }
    }

    @Override
    public Optional<Instant> forgottenBefore() {
      return watched(super::forgottenBefore);
    }

    @Override
    public HistorySnapshot load(HistoryQuery query) {
      return watched(() -> super.load(query));
    }

    @Override
    public boolean commit(CommitRequest commit) {
      return watched(() -> {
        if (failCommit) {
          throw new HistoryUnavailableException(StoreOperation.COMMIT, null);
        }
        if (racesToLose > 0) {
          racesToLose--;
          return false;
        }
        return super.commit(commit);
      });
    }
  }

  /** Keeps what each call told it. */
  static final class Timings implements DecisionListener {
    final List<Duration> elapsed = new ArrayList<>();
    int twoArgumentCalls;

    @Override
    public void onDecision(Decision decision, boolean recorded) {
      twoArgumentCalls++;
    }

    @Override
    public void onDecision(Decision decision, boolean recorded, Duration took) {
      elapsed.add(took);
    }
  }

  private final WatchedStore store = new WatchedStore();
  private final Timings timings = new Timings();
  private final SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store)
      .listener(timings).build();

  /** Runs the call and checks the one elapsed time it reported against the store's marks. */
  private Decision timed(Supplier<Decision> call) {
    store.reset();
    int before = timings.elapsed.size();
    long start = System.nanoTime();
    Decision decision = call.get();
    long whole = System.nanoTime() - start;
    assertThat(timings.elapsed).hasSize(before + 1);
    long took = timings.elapsed.get(before).toNanos();
    assertThat(store.entered).isTrue();
    assertThat(took).isBetween(store.lastExit - store.firstEntry, whole);
    return decision;
  }

  @Test
  void aRecordedSurveyIsTimedFromBeforeItsFirstStoreCallToAfterItsCommit() {
    assertThat(timed(() -> gate.decide(tv("O1", "C1", T0))).isSurvey()).isTrue();
    assertThat(timed(() -> gate.decide(tv("O1", "C1", T0))).reasonCodes())
        .containsExactly(ReasonCode.DUPLICATE_ORDER);
  }

  @Test
  void lostRacesAreInsideTheTime() {
    store.racesToLose = 3;
    assertThat(timed(() -> gate.decide(tv("O1", "C1", T0))).isSurvey()).isTrue();
    assertThat(store.racesToLose).isZero();
  }

  @Test
  void dryRunsAndStoreFailuresAreTimedToo() {
    assertThat(timed(() -> gate.evaluate(tv("O1", "C1", T0))).isSurvey()).isTrue();
    store.failCommit = true;
    assertThat(timed(() -> gate.decide(tv("O1", "C1", T0))).reasonCodes())
        .containsExactly(ReasonCode.HISTORY_UNAVAILABLE);
  }

  @Test
  void theGateCallsOnlyTheTimedMethodOfAListenerThatOverridesIt() {
    gate.decide(tv("O1", "C1", T0));
    gate.evaluate(tv("O2", "C2", T0));
    assertThat(timings.elapsed).hasSize(2);
    assertThat(timings.twoArgumentCalls).isZero();
  }

  @Test
  void aListenerOfTheTwoArgumentMethodStillHearsEveryDecision() {
    List<String> heard = new ArrayList<>();
    DecisionListener old = new DecisionListener() {
      @Override
      public void onDecision(Decision decision, boolean recorded) {
        heard.add(decision.orderId() + " " + recorded);
      }
    };
    SurveyGate oldGate = SurveyGate.builder(SurveyPolicy.defaults()).listener(old).build();
    oldGate.decide(tv("O1", "C1", T0));
    oldGate.decide(tv("O1", "C1", T0));
    oldGate.evaluate(tv("O2", "C2", T0));
    assertThat(heard).containsExactly("O1 true", "O1 false", "O2 false");
    old.onDecision(oldGate.evaluate(tv("O3", "C3", T0)), true, Duration.ofMillis(5));
    assertThat(heard).endsWith("O3 false", "O3 true");
  }
}
