package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/** Invariants of the decision procedure over generated purchases and histories. */
class DecisionProperties {
  private static final Instant T0 = Fixtures.T0;
  private static final String CUSTOMER = "K-1";
  private static final String ACCOUNT = "B-1";

  private static final SurveyPolicy RICH = SurveyPolicy.builder()
      .minOrderValue(Money.of("100", "EUR"))
      .minLineValue(Money.of("50", "EUR"))
      .excludeCategories("printing/toner", "cables")
      .alwaysCategories("tv/oled")
      .alwaysServices("INSTALLATION")
      .customerCooldown(Duration.ofDays(30))
      .categoryCooldown("phones", Duration.ofDays(60))
      .maxSurveysPerCustomer(new FrequencyCap(2, Duration.ofDays(365)))
      .accountCooldown(Duration.ofDays(10))
      .repeatSubjectWindow(Duration.ofDays(200))
      .build();

  /** A generated earlier order: when (hours from T0) and what. */
  record PastOrder(int hours, List<OrderLine> lines) {}

  @Provide
  Arbitrary<OrderLine> lines() {
    Arbitrary<String> skus = Arbitraries.of("S1", "S2", "S3", "S4", "S5", "S6");
    Arbitrary<String> categories = Arbitraries.of(
        "tv/oled", "tv/lcd", "printing/toner", "cables/usb", "phones/smart", "garden");
    Arbitrary<Integer> cents = Arbitraries.integers().between(1, 300_000);
    Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 3);
    Arbitrary<Boolean> installation = Arbitraries.of(true, false);
    return Combinators.combine(skus, categories, cents, quantities, installation)
        .as((sku, category, c, q, inst) -> OrderLine.of(sku, category,
            new Money(BigDecimal.valueOf(c, 2), java.util.Currency.getInstance("EUR")), q,
            inst ? new String[] {"INSTALLATION"} : new String[0]));
  }

  @Provide
  Arbitrary<List<OrderLine>> orderLines() {
    return lines().list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<PastOrder>> histories() {
    return Combinators.combine(Arbitraries.integers().between(-24 * 500, 24 * 500),
            orderLines())
        .as(PastOrder::new).list().ofMaxSize(8);
  }

  private static Purchase purchase(String orderId, Instant at, List<OrderLine> lines) {
    Purchase.Builder b = Purchase.builder(orderId, CUSTOMER).accountId(ACCOUNT).orderedAt(at);
    lines.forEach(b::line);
    return b.build();
  }

  private static SurveyGate gateWith(List<PastOrder> history) {
    SurveyGate gate = SurveyGate.builder(RICH)
        .history(InMemoryContactHistory.withRetention(Duration.ofDays(5000))).build();
    for (int i = 0; i < history.size(); i++) {
      PastOrder past = history.get(i);
      gate.decide(purchase("P" + i, T0.plus(Duration.ofHours(past.hours())), past.lines()));
    }
    return gate;
  }

  private static HistorySnapshot everything(SurveyGate gate) {
    return gate.history().load(new HistoryQuery(CUSTOMER, ACCOUNT, "NEW",
        T0.minus(Duration.ofDays(5000)), T0.plus(Duration.ofDays(5000))));
  }

  @Property(tries = 300)
  void decisionsDoNotDependOnLineOrder(
      @ForAll("histories") List<PastOrder> history,
      @ForAll("orderLines") List<OrderLine> lines,
      @ForAll long seed) {
    // Documented tie-break: equal line values choose the earlier line; exclude ties here.
    Assume.that(lines.stream().map(l -> l.value().amount().stripTrailingZeros()).distinct()
        .count() == lines.size());
    SurveyGate gate = gateWith(history);
    List<OrderLine> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(seed));

    Decision a = gate.evaluate(purchase("NEW", T0, lines));
    Decision b = gate.evaluate(purchase("NEW", T0, shuffled));

    assertThat(b.outcome()).isEqualTo(a.outcome());
    assertThat(b.reasonCodes()).isEqualTo(a.reasonCodes());
    assertThat(b.subjectSku()).isEqualTo(a.subjectSku());
    assertThat(b.subject().map(OrderLine::value)).isEqualTo(a.subject().map(OrderLine::value));
    assertThat(b.sendAt()).isEqualTo(a.sendAt());
    assertThat(b.eligibleAgainAt()).isEqualTo(a.eligibleAgainAt());
  }

  @Property(tries = 300)
  void raisingAPriceNeverTurnsSurveyIntoSkipForValueReasons(
      @ForAll("histories") List<PastOrder> history,
      @ForAll("orderLines") List<OrderLine> lines,
      @ForAll @IntRange(min = 0, max = 4) int index,
      @ForAll @IntRange(min = 1, max = 500_000) int raiseCents) {
    SurveyGate gate = gateWith(history);
    int i = index % lines.size();
    OrderLine old = lines.get(i);
    List<OrderLine> raised = new ArrayList<>(lines);
    raised.set(i, new OrderLine(old.sku(), old.category(),
        old.unitPrice().plus(new Money(BigDecimal.valueOf(raiseCents, 2),
            old.unitPrice().currency())), old.quantity(), old.services()));

    Decision before = gate.evaluate(purchase("NEW", T0, lines));
    Decision after = gate.evaluate(purchase("NEW", T0, raised));

    // Only for a subject that is not an "always" line: otherwise the raised line can become the
    // (pricier, not always) subject and lose the always exemption from min-order-value, as the
    // contract says (ValueThresholdContractTest pins that case).
    if (before.isSurvey() && !RICH.isAlways(before.subject().orElseThrow())) {
      assertThat(after.reasonCodes()).doesNotContain(
          ReasonCode.BELOW_MIN_LINE_VALUE, ReasonCode.BELOW_MIN_ORDER_VALUE);
    }
  }

  @Property(tries = 200)
  void evaluateNeverChangesHistory(
      @ForAll("histories") List<PastOrder> history,
      @ForAll("orderLines") List<OrderLine> lines,
      @ForAll @IntRange(min = -24 * 500, max = 24 * 500) int hours) {
    SurveyGate gate = gateWith(history);
    HistorySnapshot before = everything(gate);

    gate.evaluate(purchase("NEW", T0.plus(Duration.ofHours(hours)), lines));
    gate.evaluate(purchase("P0", T0.plus(Duration.ofHours(hours)), lines));

    assertThat(everything(gate)).isEqualTo(before);
  }

  @Property(tries = 200)
  void recordedSurveysNeverBreakCapOrCooldownWhateverTheEventOrder(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 24 * 400) Integer> eventHours,
      @ForAll @IntRange(min = 1, max = 4) int capCount,
      @ForAll @IntRange(min = 1, max = 200) int capDays,
      @ForAll @IntRange(min = 0, max = 40) int cooldownDays) {
    FrequencyCap cap = new FrequencyCap(capCount, Duration.ofDays(capDays));
    Duration cooldown = Duration.ofDays(cooldownDays);
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.builder().customerCooldown(cooldown)
        .maxSurveysPerCustomer(cap).build()).build();
    for (int i = 0; i < eventHours.size(); i++) {
      gate.decide(Fixtures.tv("E" + i, CUSTOMER, T0.plus(Duration.ofHours(eventHours.get(i)))));
    }

    List<Instant> times = everything(gate).customerSurveys().stream().map(SurveyRecord::at)
        .sorted().toList();
    for (int j = 0; j + capCount < times.size(); j++) {
      assertThat(Duration.between(times.get(j), times.get(j + capCount)))
          .isGreaterThanOrEqualTo(cap.window());
    }
    for (int j = 0; j + 1 < times.size(); j++) {
      assertThat(Duration.between(times.get(j), times.get(j + 1)))
          .isGreaterThanOrEqualTo(cooldown);
    }
  }

  /**
   * {@code eligibleAgainAt} is, per contract, the latest release among the blocking frequency
   * rules, each rule's release being the earliest instant that rule allows. So the customer is
   * blocked until then, and at that instant either eligible or blocked only until a strictly
   * later instant (another recorded survey can start a new block): asking again always makes
   * progress.
   */
  @Property(tries = 300)
  void eligibleAgainAtIsNeverEarlyAndAlwaysMakesProgress(
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 24 * 400) Integer> eventHours,
      @ForAll @IntRange(min = 0, max = 24 * 400) int probeHours) {
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(Duration.ofDays(30))
        .maxSurveysPerCustomer(new FrequencyCap(2, Duration.ofDays(120))).build();
    // A store that keeps the whole span: this property is about the frequency rules, not about
    // events older than a store's retention (those are HISTORY_EXPIRED, see HistoryExpiredTest).
    SurveyGate gate = SurveyGate.builder(policy)
        .history(InMemoryContactHistory.withRetention(Duration.ofDays(3650))).build();
    for (int i = 0; i < eventHours.size(); i++) {
      gate.decide(Fixtures.tv("E" + i, CUSTOMER, T0.plus(Duration.ofHours(eventHours.get(i)))));
    }
    Decision probe = gate.evaluate(Fixtures.tv("NEW", CUSTOMER,
        T0.plus(Duration.ofHours(probeHours))));
    int steps = 0;
    while (probe.eligibleAgainAt().isPresent()) {
      Instant release = probe.eligibleAgainAt().get();
      assertThat(release).isAfter(probe.decidedAt());
      assertThat(gate.evaluate(Fixtures.tv("NEW", CUSTOMER, release.minusNanos(1000)))
          .isSurvey()).isFalse();
      probe = gate.evaluate(Fixtures.tv("NEW", CUSTOMER, release));
      assertThat(++steps).isLessThanOrEqualTo(eventHours.size() + 1);
    }
    assertThat(probe.isSurvey()).isTrue();
  }
}
