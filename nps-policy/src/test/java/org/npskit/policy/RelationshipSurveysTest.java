package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.DecisionKind.RELATIONSHIP;
import static org.npskit.policy.DecisionKind.TRANSACTIONAL;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.builder;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.props;
import static org.npskit.policy.Fixtures.purchase;
import static org.npskit.policy.Fixtures.tv;
import static org.npskit.policy.ReasonCode.ACCOUNT_COOLDOWN;
import static org.npskit.policy.ReasonCode.BELOW_MIN_LINE_VALUE;
import static org.npskit.policy.ReasonCode.BELOW_MIN_ORDER_VALUE;
import static org.npskit.policy.ReasonCode.CUSTOMER_CAP;
import static org.npskit.policy.ReasonCode.CUSTOMER_COOLDOWN;
import static org.npskit.policy.ReasonCode.DUPLICATE_ORDER;
import static org.npskit.policy.ReasonCode.EXCLUDED_CATEGORY;
import static org.npskit.policy.ReasonCode.HISTORY_EXPIRED;
import static org.npskit.policy.ReasonCode.HISTORY_UNAVAILABLE;
import static org.npskit.policy.ReasonCode.HOLDOUT;
import static org.npskit.policy.ReasonCode.NOT_SAMPLED;
import static org.npskit.policy.ReasonCode.NO_CONSENT;
import static org.npskit.policy.ReasonCode.RELATIONSHIP_INTERVAL;
import static org.npskit.policy.ReasonCode.RESPONSE_COOLDOWN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.ForwardingContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Relationship surveys for frequent buyers (DESIGN 2b): the keys, and one nested class per
 * paragraph of the contract, one or more tests per sentence, named after it.
 */
class RelationshipSurveysTest {
  private static final Duration DAY = Duration.ofDays(1);

  /** A policy builder without cooldown or send delay, with the trigger {@code count/days}. */
  private static SurveyPolicy.Builder trigger(int count, int days) {
    return SurveyPolicy.builder().customerCooldown(Duration.ZERO).sendDelay(Duration.ZERO)
        .relationshipTrigger(new RelationshipTrigger(count, Duration.ofDays(days)));
  }

  /** A gate whose store keeps everything these tests decide (no HISTORY_EXPIRED). */
  private static SurveyGate gate(SurveyPolicy.Builder policy) {
    return SurveyGate.builder(policy.build())
        .history(InMemoryContactHistory.withRetention(Duration.ofDays(5000))).build();
  }

  /** Two pipes at the trade counter: 36.80 EUR. */
  private static Purchase pipes(String orderId, String customerId, Instant at) {
    return purchase(orderId, customerId, at, line("PIPE-15", "installation/pipes", "18.40", 2));
  }

  /** A boiler with installation (an "always" line with {@code always-services=INSTALLATION}). */
  private static Purchase boiler(String orderId, String customerId, Instant at) {
    return purchase(orderId, customerId, at,
        line("BOILER-24", "heating/boilers", "1890.00", 1, "INSTALLATION"));
  }

  private static Instant day(int n) {
    return T0.plus(DAY.multipliedBy(n));
  }

  /** A store whose every load fails. */
  private static ContactHistory unavailable() {
    return new ForwardingContactHistory(InMemoryContactHistory.withRetention(DAY)) {
      @Override
      public HistorySnapshot load(HistoryQuery query) {
        throw new HistoryUnavailableException(StoreOperation.LOAD, null);
      }
    };
  }

  @Nested
  class Keys {
    @Test
    void bothKeysAreReadFromPropertiesAndTheIntervalDefaultsTo180Days() {
      SurveyPolicy p = SurveyPolicy.fromProperties(props(
          "nps.policy.relationship-trigger=8/P30D", "nps.policy.relationship-interval=P90D"));
      assertThat(p.relationshipTrigger()).contains(new RelationshipTrigger(8, DAY.multipliedBy(30)));
      assertThat(p.relationshipInterval()).isEqualTo(DAY.multipliedBy(90));
      SurveyPolicy defaults = SurveyPolicy.fromProperties(props("nps.policy.send-delay=P3D"));
      assertThat(defaults.relationshipTrigger()).isEmpty();
      assertThat(defaults.relationshipInterval()).isEqualTo(DAY.multipliedBy(180));
      assertThat(SurveyPolicy.fromProperties(props("nps.policy.relationship-trigger= 8 / P30D "))
          .relationshipTrigger()).contains(new RelationshipTrigger(8, DAY.multipliedBy(30)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "relationship-trigger|0/P30D|count must be at least 1, was 0",
        "relationship-trigger|8/PT0S|window must be positive, was PT0S",
        "relationship-trigger|8/-P30D|window must be positive, was PT-720H",
        "relationship-trigger|8/30D|relationship trigger must be COUNT/DURATION such as 8/P30D",
        "relationship-trigger|8|relationship trigger must be COUNT/DURATION",
        "relationship-trigger|/P30D|relationship trigger must be COUNT/DURATION",
        "relationship-trigger|8/|relationship trigger must be COUNT/DURATION",
        "relationship-trigger|eight/P30D|relationship trigger must be COUNT/DURATION",
        "relationship-trigger|8/P1W|relationship trigger must be COUNT/DURATION",
        "relationship-trigger|8/P3652426D|window must be at most P3652425D",
        "relationship-interval|-P1D|duration must not be negative",
        "relationship-interval|P1M|malformed duration",
        "relationship-interval|P3652426D|relationshipInterval must be at most P3652425D"})
    void aMalformedValueIsAnErrorNamingKeyAndValue(String key, String value, String why) {
      assertThatThrownBy(() -> SurveyPolicy.fromProperties(props("nps.policy." + key + "=" + value)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("nps.policy." + key + "=" + value + ": ")
          .hasMessageContaining(why);
    }

    @Test
    void theBuilderChecksItsArguments() {
      assertThatThrownBy(() -> SurveyPolicy.builder().relationshipTrigger(null))
          .isInstanceOf(NullPointerException.class).hasMessage("relationshipTrigger");
      assertThatThrownBy(() -> SurveyPolicy.builder().relationshipInterval(DAY.negated()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("relationshipInterval must not be negative, was PT-24H");
      assertThatThrownBy(() -> new RelationshipTrigger(0, DAY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("count must be at least 1, was 0");
      assertThatThrownBy(() -> new RelationshipTrigger(1, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("window must be positive, was PT0S");
      assertThat(RelationshipTrigger.parse("8/P30D")).hasToString("8/P30D");
    }

    @Test
    void theIntervalWithoutATriggerChangesNothing() {
      SurveyPolicy alone = SurveyPolicy.fromProperties(props(
          "nps.policy.relationship-interval=P400D"));
      assertThat(alone.longestWindow()).isEqualTo(SurveyPolicy.defaults().longestWindow());
      assertThat(alone.toString()).isEqualTo(SurveyPolicy.defaults().toString());
      SurveyGate gate = SurveyGate.builder(alone).build();
      assertThat(gate.decide(tv("O1", "K-1", T0)).kind()).contains(TRANSACTIONAL);
    }

    @Test
    void thePolicyTextShowsTheRelationshipSettingsOnlyWithATrigger() {
      assertThat(trigger(8, 30).relationshipInterval(DAY.multipliedBy(90)).build().toString())
          .endsWith(", defaultZone=UTC, relationshipTrigger=8/P30D, relationshipInterval=P90D]");
      assertThat(SurveyPolicy.defaults().toString()).endsWith(", defaultZone=UTC]");
    }
  }

  /** "A policy that sets none of the keys below decides exactly as before." */
  @Nested
  class WithoutTheKeys {
    @Test
    void aPolicyWithoutTheKeysDecidesAsBeforeAndEveryKindIsTransactional() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ZERO)
          .minOrderValue(Money.of("100", "EUR")));
      for (int i = 0; i < 20; i++) {
        Decision d = gate.decide(i % 2 == 0 ? pipes("O" + i, "K-1", day(i)) : tv("O" + i, "K-1",
            day(i)));
        assertThat(d.kind()).contains(TRANSACTIONAL);
        assertThat(d.isSurvey()).isEqualTo(i % 2 == 1);
        assertThat(d.reasonCodes())
            .isEqualTo(i % 2 == 0 ? List.of(BELOW_MIN_ORDER_VALUE) : List.of());
      }
    }

    @Test
    void aPolicyWithoutTheKeysAsksTheStoreForNoDecidedOrders() {
      List<HistoryQuery> queries = new java.util.ArrayList<>();
      ForwardingContactHistory watched = new ForwardingContactHistory(
          InMemoryContactHistory.withRetention(DAY.multipliedBy(400))) {
        @Override
        public HistorySnapshot load(HistoryQuery query) {
          queries.add(query);
          return super.load(query);
        }
      };
      SurveyGate.builder(SurveyPolicy.defaults()).history(watched).build()
          .decide(tv("O1", "K-1", T0));
      SurveyGate.builder(trigger(8, 30).build()).history(watched).build()
          .decide(tv("O2", "K-1", T0));
      assertThat(queries).extracting(HistoryQuery::ordersFrom)
          .containsExactly(null, T0.minus(DAY.multipliedBy(30)));
    }
  }

  /** "Frequent buyer." */
  @Nested
  class FrequentBuyer {
    @Test
    void aCustomerWithAtLeastCountDecidedOrdersInTheTrailingDurationIsAFrequentBuyer() {
      SurveyGate gate = gate(trigger(3, 30).relationshipInterval(Duration.ZERO));
      assertThat(gate.decide(tv("O1", "K-1", day(0))).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(tv("O2", "K-1", day(1))).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(tv("O3", "K-1", day(2))).kind()).contains(RELATIONSHIP);
      assertThat(gate.decide(tv("O4", "K-1", day(3))).kind()).contains(RELATIONSHIP);
      // Behind day 31: O3, O4 and O5 (O2, at exactly 30 days, is out).
      assertThat(gate.decide(tv("O5", "K-1", day(31))).kind()).contains(RELATIONSHIP);
      // Behind day 33: O5 and O6 only.
      assertThat(gate.decide(tv("O6", "K-1", day(33))).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(tv("O7", "K-1", day(34))).kind()).contains(RELATIONSHIP);
    }

    @Test
    void skippedOrdersCountLikeSurveys() {
      SurveyGate gate = gate(trigger(2, 30).minOrderValue(Money.of("100", "EUR")));
      assertThat(gate.decide(pipes("O1", "K-1", day(0))).reasonCodes())
          .containsExactly(BELOW_MIN_ORDER_VALUE);
      assertThat(gate.decide(pipes("O2", "K-1", day(1))).kind()).contains(RELATIONSHIP);
    }

    @Test
    void ordersOfAnyKindCount() {
      SurveyGate gate = gate(trigger(2, 10));
      assertThat(gate.decide(pipes("O1", "K-1", day(0))).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(pipes("O2", "K-1", day(5))).kind()).contains(RELATIONSHIP);
      // Only the relationship order O2 lies in the 10 days behind day 12.
      assertThat(gate.decide(pipes("O3", "K-1", day(12))).kind()).contains(RELATIONSHIP);
    }

    @Test
    void cancelledOrdersCountToo() {
      SurveyGate gate = gate(trigger(2, 30).customerCooldown(Duration.ofDays(90)));
      assertThat(gate.decide(tv("O1", "K-1", day(0))).isSurvey()).isTrue();
      assertThat(gate.cancel("O1")).isTrue();

      Decision second = gate.decide(tv("O2", "K-1", day(1)));

      // The cancelled survey no longer blocks, but its order still counts.
      assertThat(second.kind()).contains(RELATIONSHIP);
      assertThat(second.isSurvey()).isTrue();
    }

    @Test
    void anOrderIdCountsOnceSoADuplicateOrderRedeliveryAddsNothing() {
      SurveyGate gate = gate(trigger(3, 30));
      assertThat(gate.decide(tv("O1", "K-1", day(0))).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(tv("O1", "K-1", day(1))).reasonCodes())
          .containsExactly(DUPLICATE_ORDER);
      assertThat(gate.decide(tv("O1", "K-1", day(2))).reasonCodes())
          .containsExactly(DUPLICATE_ORDER);
      assertThat(gate.decide(tv("O2", "K-1", day(3))).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(tv("O3", "K-1", day(4))).kind()).contains(RELATIONSHIP);
    }

    @Test
    void theDecisionTimeLiesInTheWindowOpenAtNowMinusTheDurationAndClosedAtNow() {
      SurveyGate gate = gate(trigger(2, 30));
      // At exactly now - W: outside.
      gate.decide(tv("A1", "K-A", day(0)));
      assertThat(gate.decide(tv("A2", "K-A", day(30))).kind()).contains(TRANSACTIONAL);
      // A microsecond later: inside.
      gate.decide(tv("B1", "K-B", day(0)));
      assertThat(gate.decide(tv("B2", "K-B", day(30).minusNanos(1000))).kind())
          .contains(RELATIONSHIP);
      // At now: inside.
      gate.decide(tv("C1", "K-C", day(0)));
      assertThat(gate.decide(tv("C2", "K-C", day(0))).kind()).contains(RELATIONSHIP);
      // After now (an order decided earlier with a later time): outside.
      gate.decide(tv("D1", "K-D", day(1)));
      assertThat(gate.decide(tv("D2", "K-D", day(0))).kind()).contains(TRANSACTIONAL);
    }

    @Test
    void theOrderBeingDecidedCounts() {
      assertThat(gate(trigger(1, 30)).decide(tv("O1", "K-1", T0)).kind()).contains(RELATIONSHIP);
      assertThat(gate(trigger(2, 30)).decide(tv("O1", "K-1", T0)).kind())
          .contains(TRANSACTIONAL);
      // evaluate counts it too, and records nothing.
      SurveyGate gate = gate(trigger(2, 30));
      gate.decide(tv("O1", "K-1", T0));
      assertThat(gate.evaluate(tv("O2", "K-1", T0)).kind()).contains(RELATIONSHIP);
      assertThat(gate.evaluate(tv("O3", "K-1", T0)).kind()).contains(RELATIONSHIP);
      assertThat(gate.decide(tv("O4", "K-1", T0)).kind()).contains(RELATIONSHIP);
    }

    @Test
    void otherCustomersOrdersDoNotCount() {
      SurveyGate gate = gate(trigger(2, 30));
      gate.decide(purchase("O1", "K-1", T0, line("TV-1", "tv", "500", 1)));
      assertThat(gate.decide(builder("O2", "K-2", T0, line("TV-1", "tv", "500", 1))
          .accountId("B-1").build()).kind()).contains(TRANSACTIONAL);
    }
  }

  /** "Kind." */
  @Nested
  class Kind {
    @Test
    void aFrequentBuyersPurchaseIsARelationshipDecision() {
      Decision d = gate(trigger(1, 30)).decide(tv("O1", "K-1", T0));
      assertThat(d.kind()).contains(RELATIONSHIP);
      assertThat(d.isSurvey()).isTrue();
      assertThat(d.subject()).isEmpty();
    }

    @Test
    void anAlwaysSubjectIsDecidedAsInSection2SoTheInstalledTvIsStillAskedAbout() {
      SurveyGate gate = gate(trigger(1, 30).alwaysServices("INSTALLATION")
          .alwaysCategories("tv/oled").minOrderValue(Money.of("5000", "EUR")));
      Decision installed = gate.decide(boiler("O1", "K-1", day(0)));
      assertThat(installed.kind()).contains(TRANSACTIONAL);
      assertThat(installed.subjectSku()).contains("BOILER-24");
      assertThat(installed.isSurvey()).isTrue();
      Decision oled = gate.decide(purchase("O2", "K-1", day(1),
          line("OLED-55", "tv/oled", "2199.00", 1)));
      assertThat(oled.kind()).contains(TRANSACTIONAL);
      assertThat(oled.subjectSku()).contains("OLED-55");
    }

    @Test
    void itIsTheSubjectChosenByStep4ThatMustBeAnAlwaysLine() {
      SurveyGate gate = gate(trigger(1, 30).alwaysServices("INSTALLATION"));
      // The pricier line without service is the subject: a relationship decision.
      Decision d = gate.decide(purchase("O1", "K-1", T0,
          line("TV-1", "tv", "900.00", 1),
          line("BRACKET", "tv/mounts", "40.00", 1, "INSTALLATION")));
      assertThat(d.kind()).contains(RELATIONSHIP);
      // The pricier line is the "always" one: transactional.
      Decision e = gate.decide(purchase("O2", "K-2", T0,
          line("TV-1", "tv", "900.00", 1, "INSTALLATION"), line("BRACKET", "tv/mounts", "40", 1)));
      assertThat(e.kind()).contains(TRANSACTIONAL);
      assertThat(e.subjectSku()).contains("TV-1");
    }

    @Test
    void everyoneElsesPurchasesAreTransactional() {
      SurveyGate gate = gate(trigger(2, 30));
      assertThat(gate.decide(tv("O1", "K-1", T0)).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(tv("O2", "K-2", T0)).kind()).contains(TRANSACTIONAL);
    }
  }

  /** "A relationship decision ..." */
  @Nested
  class RelationshipDecision {
    @Test
    void itRunsSteps1To3AsUsual() {
      SurveyGate gate = gate(trigger(1, 30).relationshipInterval(Duration.ZERO));
      assertThat(gate.decide(tv("O1", "K-1", T0)).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O1", "K-1", T0)).reasonCodes()).containsExactly(DUPLICATE_ORDER);
      Decision noConsent = gate.decide(builder("O2", "K-1", T0, line("TV-1", "tv", "500", 1))
          .consent(false).build());
      assertThat(noConsent.reasonCodes()).containsExactly(NO_CONSENT);
      assertThat(noConsent.kind()).contains(RELATIONSHIP);
      gate.optOut("K-1");
      assertThat(gate.decide(tv("O3", "K-1", T0)).reasonCodes()).containsExactly(NO_CONSENT);
      Decision held = gate(trigger(1, 30).holdout(1.0, "x")).decide(tv("O4", "K-1", T0));
      assertThat(held.reasonCodes()).containsExactly(HOLDOUT);
      assertThat(held.kind()).contains(RELATIONSHIP);
    }

    @Test
    void itReportsNoneOfStep4sLineReasons() {
      SurveyPolicy.Builder lines = SurveyPolicy.builder().customerCooldown(Duration.ZERO)
          .excludeCategories("installation/pipes").minLineValue(Money.of("50", "EUR"));
      Purchase counter = purchase("O1", "K-1", T0,
          line("PIPE-15", "installation/pipes", "18.40", 2), line("TAPE", "tools", "3.20", 1));
      assertThat(gate(lines).decide(counter).reasonCodes())
          .containsExactly(EXCLUDED_CATEGORY, BELOW_MIN_LINE_VALUE);

      Decision d = gate(lines.relationshipTrigger(RelationshipTrigger.parse("1/P30D")))
          .decide(counter);

      assertThat(d.kind()).contains(RELATIONSHIP);
      assertThat(d.isSurvey()).isTrue();
    }

    @Test
    void itReportsNoBelowMinOrderValue() {
      Decision d = gate(trigger(1, 30).minOrderValue(Money.of("100", "EUR")))
          .decide(pipes("O1", "K-1", T0));
      assertThat(d.reasonCodes()).isEmpty();
      assertThat(d.kind()).contains(RELATIONSHIP);
    }

    @Test
    void itsSubjectSkuIsNullOnSurveyAndOnSkip() {
      SurveyGate gate = gate(trigger(1, 30));
      assertThat(gate.decide(tv("O1", "K-1", T0)).subjectSku()).isEmpty();
      Decision skip = gate.decide(builder("O2", "K-1", T0, line("TV-1", "tv", "500", 1))
          .consent(false).build());
      assertThat(skip.subjectSku()).isEmpty();
      assertThat(skip.subject()).isEmpty();
      // The same SKIP for a customer who is not a frequent buyer names the would-be subject.
      assertThat(gate(trigger(2, 30)).decide(builder("O2", "K-1", T0,
          line("TV-1", "tv", "500", 1)).consent(false).build()).subjectSku()).contains("TV-1");
    }

    @Test
    void step6UsesTheCustomerCooldownAndNeverACategoryCooldown() {
      // Category cooldown shorter than the customer cooldown: the customer cooldown blocks.
      SurveyGate shorter = gate(trigger(2, 30).relationshipInterval(Duration.ZERO)
          .customerCooldown(Duration.ofDays(30)).categoryCooldown("tv", Duration.ofDays(5)));
      assertThat(shorter.decide(tv("O1", "K-1", day(0))).isSurvey()).isTrue();
      Decision blocked = shorter.decide(tv("O2", "K-1", day(10)));
      assertThat(blocked.kind()).contains(RELATIONSHIP);
      assertThat(blocked.reasonCodes()).containsExactly(CUSTOMER_COOLDOWN);
      assertThat(blocked.eligibleAgainAt()).contains(day(30));
      // Category cooldown longer than the customer cooldown: it does not apply.
      SurveyGate longer = gate(trigger(2, 30).relationshipInterval(Duration.ZERO)
          .customerCooldown(Duration.ofDays(5)).categoryCooldown("tv", Duration.ofDays(60)));
      assertThat(longer.decide(tv("O1", "K-1", day(0))).isSurvey()).isTrue();
      Decision asked = longer.decide(tv("O2", "K-1", day(10)));
      assertThat(asked.kind()).contains(RELATIONSHIP);
      assertThat(asked.isSurvey()).isTrue();
    }

    @Test
    void step6ChecksTheCapTheAccountAndTheResponseCooldownAsUsual() {
      SurveyGate capped = gate(trigger(1, 30).relationshipInterval(Duration.ZERO)
          .maxSurveysPerCustomer(new FrequencyCap(1, Duration.ofDays(365))));
      assertThat(capped.decide(tv("O1", "K-1", day(0))).isSurvey()).isTrue();
      assertThat(capped.decide(tv("O2", "K-1", day(1))).reasonCodes())
          .containsExactly(CUSTOMER_CAP);

      SurveyGate account = gate(trigger(1, 30).accountCooldown(Duration.ofDays(30)));
      assertThat(account.decide(builder("O1", "K-1", T0, line("TV-1", "tv", "500", 1))
          .accountId("B-1").build()).isSurvey()).isTrue();
      Decision colleague = account.decide(builder("O2", "K-2", day(1),
          line("TV-1", "tv", "500", 1)).accountId("B-1").build());
      assertThat(colleague.kind()).contains(RELATIONSHIP);
      assertThat(colleague.reasonCodes()).containsExactly(ACCOUNT_COOLDOWN);

      SurveyGate responded = gate(trigger(1, 30).responseCooldown(Duration.ofDays(14)));
      responded.recordResponse("K-1", T0);
      assertThat(responded.decide(tv("O1", "K-1", day(1))).reasonCodes())
          .containsExactly(RESPONSE_COOLDOWN);
    }

    @Test
    void relationshipIntervalBlocksWhenARelationshipSurveyLiesLessThanTheIntervalOnEitherSide() {
      SurveyGate gate = gate(trigger(1, 30).relationshipInterval(Duration.ofDays(180)));
      assertThat(gate.decide(tv("O1", "K-1", day(0))).isSurvey()).isTrue();

      Decision justBefore = gate.decide(tv("O2", "K-1", day(180).minusNanos(1000)));
      assertThat(justBefore.reasonCodes()).containsExactly(RELATIONSHIP_INTERVAL);
      assertThat(justBefore.eligibleAgainAt()).contains(day(180));
      Decision earlier = gate.decide(tv("O3", "K-1", day(-180).plusNanos(1000)));
      assertThat(earlier.reasonCodes()).containsExactly(RELATIONSHIP_INTERVAL);
      // At exactly t + interval (and t - interval) the customer is eligible again.
      assertThat(gate.decide(tv("O4", "K-1", day(180))).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O5", "K-1", day(-180))).isSurvey()).isTrue();
    }

    @Test
    void onlyRelationshipSurveysCountForTheInterval() {
      SurveyGate gate = gate(trigger(2, 30).relationshipInterval(Duration.ofDays(180)));
      Decision transactional = gate.decide(tv("O1", "K-1", day(0)));
      assertThat(transactional.kind()).contains(TRANSACTIONAL);
      assertThat(transactional.isSurvey()).isTrue();
      Decision relationship = gate.decide(tv("O2", "K-1", day(1)));
      assertThat(relationship.kind()).contains(RELATIONSHIP);
      assertThat(relationship.isSurvey()).isTrue();
    }

    @Test
    void step7RunsAsUsual() {
      Decision d = gate(trigger(1, 30).sampling(0.0, "s")).decide(tv("O1", "K-1", T0));
      assertThat(d.reasonCodes()).containsExactly(NOT_SAMPLED);
      assertThat(d.kind()).contains(RELATIONSHIP);
    }
  }

  /** "A relationship SURVEY is recorded at now like any survey, with no SKU ..." */
  @Nested
  class RecordedRelationshipSurvey {
    @Test
    void itIsRecordedAtTheDecisionTimeWithNoSkuAndSentAfterTheSendDelay() {
      SurveyGate gate = SurveyGate.builder(trigger(1, 30).sendDelay(Duration.ofDays(3)).build())
          .build();
      Decision d = gate.decide(builder("O1", "K-1", T0, line("TV-1", "tv", "500", 1))
          .accountId("B-1").build());
      assertThat(d.sendAt()).contains(T0.plus(Duration.ofDays(3)));
      HistorySnapshot s = gate.history().load(
          new HistoryQuery("K-1", "B-1", "X", T0.minus(DAY), T0.plus(DAY)));
      assertThat(s.customerSurveys()).containsExactly(
          SurveyRecord.relationship("O1", "K-1", "B-1", T0));
      assertThat(s.accountSurveys()).containsExactly(
          SurveyRecord.relationship("O1", "K-1", "B-1", T0));
    }

    @Test
    void itCountsForTheCustomersCooldownLikeAnySurvey() {
      SurveyGate gate = gate(trigger(1, 30).customerCooldown(Duration.ofDays(60))
          .alwaysServices("INSTALLATION"));
      assertThat(gate.decide(pipes("O1", "K-1", day(0))).kind()).contains(RELATIONSHIP);
      Decision installed = gate.decide(boiler("O2", "K-1", day(10)));
      assertThat(installed.kind()).contains(TRANSACTIONAL);
      assertThat(installed.reasonCodes()).containsExactly(CUSTOMER_COOLDOWN);
      assertThat(installed.eligibleAgainAt()).contains(day(60));
      // The category cooldown is measured from the latest survey about anything, too.
      SurveyGate byCategory = gate(trigger(1, 30).categoryCooldown("heating", Duration.ofDays(20))
          .alwaysServices("INSTALLATION"));
      assertThat(byCategory.decide(pipes("O1", "K-1", day(0))).isSurvey()).isTrue();
      assertThat(byCategory.decide(boiler("O2", "K-1", day(10))).reasonCodes())
          .containsExactly(CUSTOMER_COOLDOWN);
    }

    @Test
    void itCountsForTheCustomersCapLikeAnySurvey() {
      SurveyGate gate = gate(trigger(1, 30).alwaysServices("INSTALLATION")
          .maxSurveysPerCustomer(new FrequencyCap(1, Duration.ofDays(365))));
      assertThat(gate.decide(pipes("O1", "K-1", day(0))).isSurvey()).isTrue();
      assertThat(gate.decide(boiler("O2", "K-1", day(10))).reasonCodes())
          .containsExactly(CUSTOMER_CAP);
    }

    @Test
    void itCountsForTheAccountsRulesLikeAnySurvey() {
      SurveyGate gate = gate(trigger(1, 30).alwaysServices("INSTALLATION")
          .accountCooldown(Duration.ofDays(30)));
      assertThat(gate.decide(builder("O1", "K-1", T0,
          line("PIPE-15", "installation/pipes", "18.40", 2)).accountId("B-1").build()).kind())
          .contains(RELATIONSHIP);
      Decision colleague = gate.decide(builder("O2", "K-2", day(1),
          line("BOILER-24", "heating/boilers", "1890.00", 1, "INSTALLATION"))
          .accountId("B-1").build());
      assertThat(colleague.kind()).contains(TRANSACTIONAL);
      assertThat(colleague.reasonCodes()).containsExactly(ACCOUNT_COOLDOWN);
    }

    @Test
    void itNeverCountsForRepeatSubject() {
      SurveyGate gate = gate(trigger(1, 30).alwaysServices("INSTALLATION")
          .repeatSubjectWindow(Duration.ofDays(365)));
      // A relationship survey triggered by an order of the boiler, without installation.
      assertThat(gate.decide(purchase("O1", "K-1", day(0),
          line("BOILER-24", "heating/boilers", "1890.00", 1))).kind()).contains(RELATIONSHIP);
      Decision installed = gate.decide(boiler("O2", "K-1", day(1)));
      assertThat(installed.kind()).contains(TRANSACTIONAL);
      assertThat(installed.isSurvey()).isTrue();
      assertThat(installed.subjectSku()).contains("BOILER-24");
    }
  }

  /** "RELATIONSHIP_INTERVAL is a frequency reason ..." */
  @Nested
  class ReasonOrderAndEligibleAgainAt {
    @Test
    void relationshipIntervalIsAFrequencyReasonThatSetsEligibleAgainAt() {
      SurveyGate gate = gate(trigger(1, 30).relationshipInterval(Duration.ofDays(180)));
      gate.decide(tv("O1", "K-1", day(0)));
      Decision d = gate.decide(tv("O2", "K-1", day(1)));
      assertThat(d.reasonCodes()).containsExactly(RELATIONSHIP_INTERVAL);
      assertThat(d.eligibleAgainAt()).contains(day(180));
      assertThat(d.primaryReason().orElseThrow().message())
          .isEqualTo("customer K-1 had a relationship survey within the relationship interval"
              + " P180D; eligible again at 2026-06-30T12:00:00Z");
    }

    @Test
    void itComesRightAfterCustomerCooldownAndEligibleAgainAtIsTheLatestRelease() {
      SurveyGate gate = gate(trigger(1, 30).customerCooldown(Duration.ofDays(30))
          .relationshipInterval(Duration.ofDays(180))
          .maxSurveysPerCustomer(new FrequencyCap(1, Duration.ofDays(365))));
      gate.decide(tv("O1", "K-1", day(0)));
      Decision all = gate.decide(tv("O2", "K-1", day(1)));
      assertThat(all.reasonCodes())
          .containsExactly(CUSTOMER_COOLDOWN, RELATIONSHIP_INTERVAL, CUSTOMER_CAP);
      assertThat(all.eligibleAgainAt()).contains(day(365));
      SurveyGate withoutCap = gate(trigger(1, 30).customerCooldown(Duration.ofDays(30))
          .relationshipInterval(Duration.ofDays(180)));
      withoutCap.decide(tv("O1", "K-1", day(0)));
      assertThat(withoutCap.decide(tv("O2", "K-1", day(1))).eligibleAgainAt()).contains(day(180));
    }
  }

  /** "Decision.kind() ..." */
  @Nested
  class KindOfADecision {
    @Test
    void kindIsTransactionalOrRelationshipWheneverTheRulesRan() {
      SurveyGate gate = gate(trigger(2, 30).minOrderValue(Money.of("100", "EUR")));
      assertThat(gate.evaluate(pipes("O1", "K-1", T0)).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(pipes("O1", "K-1", T0)).kind()).contains(TRANSACTIONAL);
      assertThat(gate.decide(pipes("O2", "K-1", T0)).kind()).contains(RELATIONSHIP);
    }

    @Test
    void kindIsEmptyForDuplicateOrderAndHistoryUnavailable() {
      SurveyGate gate = gate(trigger(1, 30));
      gate.decide(tv("O1", "K-1", T0));
      assertThat(gate.decide(tv("O1", "K-1", T0)).kind()).isEmpty();
      ContactHistory down = unavailable();
      Decision unavailable = SurveyGate.builder(trigger(1, 30).build()).history(down).build()
          .decide(tv("O2", "K-1", T0));
      assertThat(unavailable.reasonCodes()).containsExactly(HISTORY_UNAVAILABLE);
      assertThat(unavailable.kind()).isEmpty();
    }

    @Test
    void kindIsEmptyForHistoryExpiredToo() {
      ForwardingContactHistory forgetful = new ForwardingContactHistory(
          InMemoryContactHistory.withRetention(DAY.multipliedBy(400))) {
        @Override
        public Optional<Instant> forgottenBefore() {
          return Optional.of(T0);
        }
      };
      Decision expired = SurveyGate.builder(trigger(1, 30).build()).history(forgetful).build()
          .decide(tv("O1", "K-1", day(10)));
      assertThat(expired.reasonCodes()).containsExactly(HISTORY_EXPIRED);
      assertThat(expired.kind()).isEmpty();
    }

    @Test
    void failOpenDecidesTheKindOnAnEmptyHistory() {
      ContactHistory down = unavailable();
      SurveyPolicy open = trigger(2, 30).storeFailure(StoreFailureMode.FAIL_OPEN).build();
      // Only the order being decided counts on an empty history.
      assertThat(SurveyGate.builder(open).history(down).build().decide(tv("O1", "K-1", T0))
          .kind()).contains(TRANSACTIONAL);
    }
  }

  /** "Stores keep decided orders at least as long as the longest window ..." */
  @Nested
  class Retention {
    @Test
    void theLongestWindowIncludesTheTriggerDurationAndTheRelationshipInterval() {
      assertThat(trigger(3, 400).relationshipInterval(Duration.ofDays(10)).build()
          .longestWindow()).isEqualTo(Duration.ofDays(400));
      assertThat(trigger(3, 10).relationshipInterval(Duration.ofDays(500)).build()
          .longestWindow()).isEqualTo(Duration.ofDays(500));
      assertThat(trigger(3, 10).relationshipInterval(Duration.ZERO)
          .customerCooldown(Duration.ofDays(90)).build().longestWindow())
          .isEqualTo(Duration.ofDays(90));
    }

    @Test
    void theDefaultStoreKeepsDecidedOrdersForTheTriggerDuration() {
      Clock clock = Clock.fixed(day(400), ZoneOffset.UTC);
      SurveyGate gate = SurveyGate.builder(trigger(3, 400).relationshipInterval(Duration.ZERO)
          .build()).clock(clock).build();
      gate.decide(tv("O1", "K-1", day(0)));
      for (int i = 0; i < 20; i++) {
        gate.decide(tv("X" + i, "K-" + (i + 2), day(20 * i)));
      }
      gate.decide(tv("O2", "K-1", day(200)));
      assertThat(gate.decide(tv("O3", "K-1", day(399))).kind()).contains(RELATIONSHIP);
    }

    @Test
    void theDefaultStoreKeepsRelationshipSurveysForTheInterval() {
      Clock clock = Clock.fixed(day(400), ZoneOffset.UTC);
      SurveyGate gate = SurveyGate.builder(trigger(1, 1)
          .relationshipInterval(Duration.ofDays(400)).build()).clock(clock).build();
      assertThat(gate.decide(tv("O1", "K-1", day(0))).isSurvey()).isTrue();
      for (int i = 0; i < 20; i++) {
        gate.decide(tv("X" + i, "K-" + (i + 2), day(20 * i)));
      }
      assertThat(gate.decide(tv("O2", "K-1", day(399))).reasonCodes())
          .containsExactly(RELATIONSHIP_INTERVAL);
    }

    @Test
    void purgeExpiredKeepsTheDecidedOrdersTheTriggerCounts() {
      Clock clock = Clock.fixed(day(399), ZoneOffset.UTC);
      SurveyGate gate = SurveyGate.builder(trigger(3, 400).relationshipInterval(Duration.ZERO)
          .build()).history(InMemoryContactHistory.withRetention(Duration.ofDays(5000), clock))
          .clock(clock).build();
      gate.decide(tv("O1", "K-1", day(0)));
      gate.decide(tv("O2", "K-1", day(200)));
      gate.purgeExpired();
      assertThat(gate.decide(tv("O3", "K-1", day(399))).kind()).contains(RELATIONSHIP);
    }
  }
}
