package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;

/**
 * "A policy that sets none of the keys below decides exactly as before" (DESIGN 2b), as a
 * differential property against {@link Version1RuleEngine}, a frozen copy of the version-1 rules:
 * random policies of the version-1 keys, random histories built through the gate (decisions,
 * redeliveries, cancellations, responses, opt-outs), and at every decision the gate's answer, the
 * current rules' answer and commit on the gate's snapshot, and the version-1 rules' answer and
 * commit on that snapshot are the same (the version-1 copy builds every decision as {@code
 * TRANSACTIONAL}, so the kind is compared too).
 *
 * <p>Why against a copy: comparing the gate with itself (the same code with the keys absent)
 * would check nothing; the copy is the version-1 code, so a change of the rules that leaks into
 * policies without the new keys shows up here.
 */
class Version1DifferentialProperties {
  private static final Instant T0 = Fixtures.T0;
  private static final Currency EUR = Currency.getInstance("EUR");

  /** The version-1 knobs; 0 switches a window or cap off. */
  record Knobs(int cooldownDays, int phonesCooldownDays, int capCount, int accountCooldownDays,
      int responseCooldownDays, int repeatDays, boolean thresholds, boolean sampleAndHoldOut) {
    SurveyPolicy policy() {
      SurveyPolicy.Builder b = SurveyPolicy.builder()
          .customerCooldown(Duration.ofDays(cooldownDays))
          .accountCooldown(Duration.ofDays(accountCooldownDays))
          .responseCooldown(Duration.ofDays(responseCooldownDays))
          .repeatSubjectWindow(Duration.ofDays(repeatDays))
          .excludeCategories("printing/toner")
          .alwaysCategories("tv/oled")
          .alwaysServices("INSTALLATION");
      if (phonesCooldownDays > 0) {
        b.categoryCooldown("phones", Duration.ofDays(phonesCooldownDays));
      }
      if (capCount > 0) {
        b.maxSurveysPerCustomer(new FrequencyCap(capCount, Duration.ofDays(120)));
        b.maxSurveysPerAccount(new FrequencyCap(capCount + 1, Duration.ofDays(60)));
      }
      if (thresholds) {
        b.minOrderValue(Money.of("100", "EUR")).minLineValue(Money.of("50", "EUR"));
      }
      if (sampleAndHoldOut) {
        b.sampling(0.7, "s").holdout(0.2, "h");
      }
      return b.build();
    }
  }

  enum Action { DECIDE, REDELIVER, CANCEL, RESPOND, OPT_OUT, OPT_IN }

  /** One step of a history; indexes pick customers, accounts and earlier orders. */
  record Step(Action action, int customer, int account, int hours, List<OrderLine> lines,
      int earlier) {}

  @Provide
  Arbitrary<Knobs> knobs() {
    Arbitrary<Integer> days = Arbitraries.integers().between(0, 60);
    return Combinators.combine(days, days, Arbitraries.integers().between(0, 3), days, days,
            Arbitraries.integers().between(0, 200), Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(Knobs::new);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<OrderLine> line = Combinators.combine(
            Arbitraries.of("S1", "S2", "S3", "S4"),
            Arbitraries.of("tv/oled", "tv/lcd", "printing/toner", "phones/smart", "garden"),
            Arbitraries.integers().between(1, 100_000),
            Arbitraries.of(true, false))
        .as((sku, category, cents, installed) -> OrderLine.of(sku, category,
            new Money(BigDecimal.valueOf(cents, 2), EUR), 1,
            installed ? new String[] {"INSTALLATION"} : new String[0]));
    Arbitrary<Action> actions = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.just(Action.DECIDE)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.REDELIVER)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.CANCEL)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.RESPOND)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.OPT_OUT)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.OPT_IN)));
    return Combinators.combine(actions, Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 24 * 300),
            line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 1000))
        .as(Step::new)
        .list()
        .ofMaxSize(50);
  }

  @Property(tries = 300)
  void aPolicyWithoutTheVersion2KeysDecidesExactlyAsVersion1(
      @ForAll("knobs") Knobs knobs, @ForAll("steps") List<Step> steps) {
    SurveyPolicy policy = knobs.policy();
    ContactHistory store = InMemoryContactHistory.withRetention(Duration.ofDays(5000));
    SurveyGate gate = SurveyGate.builder(policy).history(store).build();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String customerId = "K-" + step.customer();
      Instant at = T0.plus(Duration.ofHours(step.hours()));
      switch (step.action()) {
        case DECIDE, REDELIVER -> {
          String orderId = step.action() == Action.REDELIVER && i > 0
              ? "O" + step.earlier() % i : "O" + i;
          Purchase.Builder b = Purchase.builder(orderId, customerId).orderedAt(at);
          if (step.account() < 2) {
            b.accountId("B-" + step.account());
          }
          step.lines().forEach(b::line);
          Purchase purchase = b.build();
          Duration longest = policy.longestWindow();
          HistorySnapshot snapshot = store.load(new HistoryQuery(customerId,
              purchase.accountId().orElse(null), orderId, at.minus(longest), at.plus(longest)));

          Evaluation version1 = Version1RuleEngine.evaluate(purchase, policy, snapshot, at);
          Evaluation current = RuleEngine.evaluate(purchase, policy, snapshot, at);
          Decision decided = gate.decide(purchase);

          assertThat(current.decision()).as("rules at step %d", i)
              .isEqualTo(version1.decision());
          assertThat(current.commit()).as("commit at step %d", i).isEqualTo(version1.commit());
          assertThat(decided).as("gate at step %d", i).isEqualTo(version1.decision());
        }
        case CANCEL -> gate.cancel("O" + (i == 0 ? 0 : step.earlier() % i));
        case RESPOND -> gate.recordResponse(customerId, at);
        case OPT_OUT -> gate.optOut(customerId);
        case OPT_IN -> gate.optIn(customerId);
        default -> throw new AssertionError(step);
      }
    }
  }
}
