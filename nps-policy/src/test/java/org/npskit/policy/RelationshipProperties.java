package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.SurveyKind;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Invariants of the relationship surveys (DESIGN 2b) over generated policies and order streams of
 * two customers, decided in an order that is not their time order (events arrive out of order),
 * with redeliveries.
 */
class RelationshipProperties {
  private static final Instant T0 = Fixtures.T0;
  private static final List<String> CUSTOMERS = List.of("K-1", "K-2");

  /** What a purchase holds; the "always" ones are BOILER (a service) and OLED (a category). */
  enum Basket { PIPES, TV, BOILER, OLED, PIPES_AND_BOILER }

  /**
   * One event: a new order (or, with {@code redelivery}, an earlier order id again) of a
   * customer at T0 plus {@code hours}.
   */
  record Event(int customer, int hours, Basket basket, boolean withAccount, boolean redelivery) {}

  /** The knobs of a policy with a relationship trigger. */
  record Knobs(int count, int windowDays, int intervalDays, int cooldownDays, boolean minOrder) {
    SurveyPolicy policy() {
      SurveyPolicy.Builder b = SurveyPolicy.builder()
          .relationshipTrigger(new RelationshipTrigger(count, Duration.ofDays(windowDays)))
          .relationshipInterval(Duration.ofDays(intervalDays))
          .customerCooldown(Duration.ofDays(cooldownDays))
          .alwaysServices("INSTALLATION")
          .alwaysCategories("tv/oled");
      if (minOrder) {
        b.minOrderValue(Money.of("100", "EUR"));
      }
      return b.build();
    }
  }

  @Provide
  Arbitrary<Knobs> knobs() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 30),
            Arbitraries.integers().between(0, 120),
            Arbitraries.integers().between(0, 20),
            Arbitraries.of(true, false))
        .as(Knobs::new);
  }

  /** Knobs with intervals short enough for several relationship surveys in a year. */
  @Provide
  Arbitrary<Knobs> shortIntervals() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 30),
            Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(0, 10),
            Arbitraries.of(true, false))
        .as(Knobs::new);
  }

  @Provide
  Arbitrary<List<Event>> events() {
    return events(150, 60);
  }

  @Provide
  Arbitrary<List<Event>> yearOfEvents() {
    return events(365, 100);
  }

  private static Arbitrary<List<Event>> events(int days, int maxEvents) {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, 24 * days),
            Arbitraries.of(Basket.class),
            Arbitraries.of(true, false),
            Arbitraries.frequency(
                net.jqwik.api.Tuple.of(9, false), net.jqwik.api.Tuple.of(1, true)))
        .as(Event::new)
        .list()
        .ofMinSize(maxEvents / 4)
        .ofMaxSize(maxEvents);
  }

  private static Purchase purchase(String orderId, Event e) {
    Purchase.Builder b = Purchase.builder(orderId, CUSTOMERS.get(e.customer()))
        .orderedAt(T0.plus(Duration.ofHours(e.hours())));
    if (e.withAccount()) {
      b.accountId("B-1");
    }
    switch (e.basket()) {
      case PIPES -> b.line(Fixtures.line("PIPE-15", "installation/pipes", "18.40", 2));
      case TV -> b.line(Fixtures.line("TV-1", "tv/lcd", "500.00", 1));
      case BOILER -> b.line(Fixtures.line("BOILER-24", "heating/boilers", "1890", 1,
          "INSTALLATION"));
      case OLED -> b.line(Fixtures.line("OLED-55", "tv/oled", "2199.00", 1));
      case PIPES_AND_BOILER -> b.line(Fixtures.line("PIPE-15", "installation/pipes", "18.40", 2))
          .line(Fixtures.line("BOILER-24", "heating/boilers", "1890", 1, "INSTALLATION"));
      default -> throw new AssertionError(e);
    }
    return b.build();
  }

  /** A decided order as the oracle keeps it: its customer and decision time. */
  private record Decided(String customerId, Instant at) {}

  @Property(tries = 300)
  void aFrequentBuyerNeverGetsATransactionalSurveyUnlessItsSubjectIsAnAlwaysLine(
      @ForAll("knobs") Knobs knobs, @ForAll("events") List<Event> events) {
    SurveyPolicy policy = knobs.policy();
    SurveyGate gate = SurveyGate.builder(policy)
        .history(InMemoryContactHistory.withRetention(Duration.ofDays(5000))).build();
    List<Decided> decided = new ArrayList<>();
    int frequentSurveys = 0;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      String orderId = e.redelivery() && i > 0 ? "O" + (i / 2) : "O" + i;
      Purchase p = purchase(orderId, e);
      Decision d = gate.decide(p);
      if (d.reasonCodes().contains(ReasonCode.DUPLICATE_ORDER)) {
        continue;
      }
      Instant now = d.decidedAt();
      long before = decided.stream()
          .filter(o -> o.customerId().equals(p.customerId())
              && o.at().isAfter(now.minus(Duration.ofDays(knobs.windowDays())))
              && !o.at().isAfter(now))
          .count();
      boolean frequent = before + 1 >= knobs.count();
      decided.add(new Decided(p.customerId(), now));
      if (frequent && d.isSurvey()) {
        frequentSurveys++;
        assertThat(d.kind().orElseThrow() == DecisionKind.RELATIONSHIP
                || policy.isAlways(d.subject().orElseThrow()))
            .as("survey to a frequent buyer: %s", d).isTrue();
      }
      if (!frequent) {
        assertThat(d.kind()).as("not a frequent buyer: %s", d).contains(DecisionKind.TRANSACTIONAL);
      }
    }
    // Not vacuous: a good share of the runs survey a frequent buyer.
    Statistics.label("frequent buyer surveyed").collect(frequentSurveys > 0);
    Statistics.label("frequent buyer surveyed")
        .coverage(c -> c.check(true).percentage(p -> p >= 30.0));
  }

  @Property(tries = 300)
  void twoRelationshipSurveysToOneCustomerAreAtLeastTheIntervalApart(
      @ForAll("shortIntervals") Knobs knobs, @ForAll("yearOfEvents") List<Event> events) {
    SurveyGate gate = SurveyGate.builder(knobs.policy())
        .history(InMemoryContactHistory.withRetention(Duration.ofDays(5000))).build();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      gate.decide(purchase(e.redelivery() && i > 0 ? "O" + (i / 2) : "O" + i, e));
    }
    Duration interval = Duration.ofDays(knobs.intervalDays());
    for (String customer : CUSTOMERS) {
      List<Instant> times = gate.history().load(new HistoryQuery(customer, null, "none",
              T0.minus(Duration.ofDays(1000)), T0.plus(Duration.ofDays(1000))))
          .customerSurveys().stream()
          .filter(s -> s.kind() == SurveyKind.RELATIONSHIP)
          .map(SurveyRecord::at).sorted().toList();
      for (int j = 0; j + 1 < times.size(); j++) {
        assertThat(Duration.between(times.get(j), times.get(j + 1)))
            .as("relationship surveys to %s at %s", customer, times)
            .isGreaterThanOrEqualTo(interval);
      }
      Statistics.label("two or more relationship surveys").collect(times.size() >= 2);
    }
    Statistics.label("two or more relationship surveys")
        .coverage(c -> c.check(true).percentage(p -> p >= 15.0));
  }
}
