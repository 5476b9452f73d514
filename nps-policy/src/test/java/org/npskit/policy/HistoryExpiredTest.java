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

  @Test
  void theDefaultStoreNoLongerSurveysTwiceWithinACooldownWhenEventsComeOutOfOrder() {
    // The trial: O-SEP 2026-09-01, then O-JAN1 and O-JAN15 under a 90-day cooldown gave
    // two surveys 14 days apart (the default store recorded and forgot the January survey).
    SurveyGate gate = SurveyGate.builder(POLICY)
        .clock(java.time.Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"),
            java.time.ZoneOffset.UTC))
        .build();
    assertThat(gate.decide(tv("O-SEP", "K-1", Instant.parse("2026-09-01T00:00:00Z"))).isSurvey())
        .isTrue();
    assertThat(gate.decide(tv("O-JAN1", "K-1", Instant.parse("2026-01-01T00:00:00Z")))
        .reasonCodes()).containsExactly(ReasonCode.HISTORY_EXPIRED);
    assertThat(gate.decide(tv("O-JAN15", "K-1", Instant.parse("2026-01-15T00:00:00Z")))
        .reasonCodes()).containsExactly(ReasonCode.HISTORY_EXPIRED);
  }

  @Test
  void shuffledOrdersOnTheDefaultStoreNeverBreakTheCooldown() {
    java.util.Random random = new java.util.Random(20261204L);
    java.util.List<Purchase> orders = new java.util.ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      orders.add(tv("O-" + i, "K-" + (i % 40),
          Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 365)))));
    }
    java.util.Collections.shuffle(orders, random);
    SurveyGate gate = SurveyGate.builder(POLICY)
        .clock(java.time.Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"),
            java.time.ZoneOffset.UTC))
        .build();
    java.util.Map<String, java.util.List<Instant>> surveys = new java.util.HashMap<>();
    int expired = 0;
    for (Purchase p : orders) {
      Decision d = gate.decide(p);
      if (d.isSurvey()) {
        surveys.computeIfAbsent(p.customerId(), k -> new java.util.ArrayList<>())
            .add(d.decidedAt());
      } else if (d.reasonCodes().contains(ReasonCode.HISTORY_EXPIRED)) {
        expired++;
      }
    }
    long violations = surveys.values().stream().mapToLong(times -> {
      java.util.List<Instant> sorted = times.stream().sorted().toList();
      long v = 0;
      for (int i = 1; i < sorted.size(); i++) {
        if (Duration.between(sorted.get(i - 1), sorted.get(i)).compareTo(Duration.ofDays(90)) < 0) {
          v++;
        }
      }
      return v;
    }).sum();
    assertThat(violations).isZero();
    assertThat(expired).as("out-of-order events the store could not check").isPositive();
    assertThat(surveys.values().stream().mapToInt(java.util.List::size).sum())
        .as("surveys still happen").isGreaterThan(40);
  }
}
