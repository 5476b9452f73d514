package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.builder;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.purchase;
import static org.npskit.policy.Fixtures.tv;
import static org.npskit.policy.ReasonCode.ACCOUNT_CAP;
import static org.npskit.policy.ReasonCode.ACCOUNT_COOLDOWN;
import static org.npskit.policy.ReasonCode.BELOW_MIN_LINE_VALUE;
import static org.npskit.policy.ReasonCode.BELOW_MIN_ORDER_VALUE;
import static org.npskit.policy.ReasonCode.CUSTOMER_CAP;
import static org.npskit.policy.ReasonCode.CUSTOMER_COOLDOWN;
import static org.npskit.policy.ReasonCode.DUPLICATE_ORDER;
import static org.npskit.policy.ReasonCode.EXCLUDED_CATEGORY;
import static org.npskit.policy.ReasonCode.HOLDOUT;
import static org.npskit.policy.ReasonCode.NOT_SAMPLED;
import static org.npskit.policy.ReasonCode.NO_CONSENT;
import static org.npskit.policy.ReasonCode.REPEAT_SUBJECT;
import static org.npskit.policy.ReasonCode.RESPONSE_COOLDOWN;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.npskit.policy.memory.InMemoryContactHistory;

/** One or more example tests per step and per "further rule" of the decision procedure. */
class DecisionProcedureTest {
  private static final Duration DAY = Duration.ofDays(1);

  private static SurveyGate gate(SurveyPolicy.Builder policy) {
    return SurveyGate.builder(policy.sendDelay(Duration.ZERO).build()).build();
  }

  private static SurveyPolicy.Builder noCooldown() {
    return SurveyPolicy.builder().customerCooldown(Duration.ZERO);
  }

  @Nested
  class Step1DuplicateOrder {
    @Test
    void aRedeliveredOrderIsNeverASecondSurvey() {
      SurveyGate gate = gate(noCooldown());
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();

      Decision again = gate.decide(tv("O1", "C1", T0.plus(DAY)));

      assertThat(again.reasonCodes()).containsExactly(DUPLICATE_ORDER);
      assertThat(again.subjectSku()).isEmpty();
      assertThat(again.sendAt()).isEmpty();
      assertThat(again.eligibleAgainAt()).isEmpty();
    }

    @Test
    void aSkippedOrderIsAlsoDecided() {
      SurveyGate gate = gate(noCooldown());
      Purchase noConsent = builder("O1", "C1", T0, line("TV-1", "tv", "500", 1))
          .consent(false).build();
      assertThat(gate.decide(noConsent).reasonCodes()).containsExactly(NO_CONSENT);

      Purchase withConsent = tv("O1", "C1", T0);
      assertThat(gate.decide(withConsent).reasonCodes()).containsExactly(DUPLICATE_ORDER);
    }

    @Test
    void redeliveriesAreRecognisedWithTheDefaultStoreEvenWhenEveryWindowIsOff() {
      SurveyGate gate = gate(noCooldown());
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      for (int day = 1; day <= 20; day++) {
        assertThat(gate.decide(tv("X" + day, "C" + day, T0.plus(Duration.ofDays(day))))
            .isSurvey()).isTrue();
      }
      assertThat(gate.decide(tv("O1", "C1", T0.plus(Duration.ofDays(20)))).reasonCodes())
          .containsExactly(DUPLICATE_ORDER);
    }

    @Test
    void evaluateDoesNotDecide() {
      SurveyGate gate = gate(noCooldown());
      assertThat(gate.evaluate(tv("O1", "C1", T0)).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      assertThat(gate.evaluate(tv("O1", "C1", T0)).reasonCodes()).containsExactly(DUPLICATE_ORDER);
    }
  }

  @Nested
  class Step2Consent {
    @Test
    void noConsentSkipsButNamesTheWouldBeSubject() {
      Decision d = gate(noCooldown()).decide(
          builder("O1", "C1", T0, line("TV-1", "tv", "500", 1)).consent(false).build());
      assertThat(d.reasonCodes()).containsExactly(NO_CONSENT);
      assertThat(d.subjectSku()).contains("TV-1");
      assertThat(d.sendAt()).isEmpty();
    }

    @Test
    void optOutIsNoConsentUntilOptIn() {
      SurveyGate gate = gate(noCooldown());
      gate.optOut("C1");
      assertThat(gate.decide(tv("O1", "C1", T0)).reasonCodes()).containsExactly(NO_CONSENT);
      gate.optIn("C1");
      assertThat(gate.decide(tv("O2", "C1", T0)).isSurvey()).isTrue();
    }
  }

  @Nested
  class Step3Holdout {
    // SHA-256(":K-1") gives the fraction 0.36641805960545426 (see StickyHashTest).
    @Test
    void holdoutIsStickyByHashAgainstTheRate() {
      assertThat(gate(noCooldown().holdout(0.3665, "")).decide(tv("O1", "K-1", T0))
          .reasonCodes()).containsExactly(HOLDOUT);
      assertThat(gate(noCooldown().holdout(0.3664, "")).decide(tv("O1", "K-1", T0))
          .isSurvey()).isTrue();
    }

    @Test
    void rateOneHoldsOutEverybodyAndZeroNobody() {
      for (int i = 0; i < 50; i++) {
        assertThat(gate(noCooldown().holdout(1.0, "x")).decide(tv("O", "C" + i, T0))
            .reasonCodes()).containsExactly(HOLDOUT);
        assertThat(gate(noCooldown().holdout(0.0, "x")).decide(tv("O", "C" + i, T0))
            .isSurvey()).isTrue();
      }
    }
  }

  @Nested
  class Step4Lines {
    @Test
    void excludedCategoriesMatchWholeSegmentsCaseInsensitivelyFromTheRoot() {
      SurveyGate gate = gate(noCooldown().excludeCategories("printing/toner", "cables"));
      assertThat(gate.decide(purchase("O1", "C1", T0,
          line("T", "Printing/Toner/Laser", "100", 1))).reasonCodes())
          .containsExactly(EXCLUDED_CATEGORY);
      assertThat(gate.decide(purchase("O2", "C2", T0,
          line("T", "printing/tonerx", "100", 1))).isSurvey()).isTrue();
      assertThat(gate.decide(purchase("O3", "C3", T0,
          line("T", "accessories/cables", "100", 1))).isSurvey()).isTrue();
    }

    @Test
    void theMostSpecificCategoryRuleWins() {
      SurveyGate gate = gate(noCooldown().excludeCategories("tv").alwaysCategories("tv/oled")
          .minLineValue(Money.of("1000", "EUR")));
      assertThat(gate.decide(purchase("O1", "C1", T0, line("OLED", "tv/oled/55", "900", 1)))
          .isSurvey()).isTrue();
      assertThat(gate.decide(purchase("O2", "C2", T0, line("LCD", "tv/lcd", "1900", 1)))
          .reasonCodes()).containsExactly(EXCLUDED_CATEGORY);
    }

    @Test
    void lineValueExactlyAtTheThresholdIsEligible() {
      SurveyGate gate = gate(noCooldown().minLineValue(Money.of("50", "EUR")));
      assertThat(gate.decide(purchase("O1", "C1", T0, line("A", "x", "25.00", 2))).isSurvey())
          .isTrue();
      assertThat(gate.decide(purchase("O2", "C2", T0, line("A", "x", "49.99", 1)))
          .reasonCodes()).containsExactly(BELOW_MIN_LINE_VALUE);
    }

    @Test
    void alwaysCategoriesAndServicesLiftTheLineThreshold() {
      SurveyGate gate = gate(noCooldown().minLineValue(Money.of("50", "EUR"))
          .alwaysCategories("gift").alwaysServices("installation"));
      assertThat(gate.decide(purchase("O1", "C1", T0, line("G", "Gift/Card", "5", 1)))
          .isSurvey()).isTrue();
      assertThat(gate.decide(purchase("O2", "C2", T0, line("H", "x", "5", 1, "INSTALLATION")))
          .isSurvey()).isTrue();
    }

    @Test
    void servicesNeverLiftAnExclusionAndEachLineGivesEveryReasonThatApplies() {
      SurveyGate gate = gate(noCooldown().excludeCategories("cables")
          .minLineValue(Money.of("50", "EUR")).alwaysServices("INSTALLATION"));
      Decision d = gate.decide(purchase("O1", "C1", T0,
          line("A", "cables", "500", 1, "INSTALLATION"),
          line("B", "cables", "5", 1),
          line("C", "other", "5", 1)));
      assertThat(d.reasonCodes()).containsExactly(EXCLUDED_CATEGORY, BELOW_MIN_LINE_VALUE);
      assertThat(d.subjectSku()).isEmpty();
      assertThat(d.reasons().get(0).message()).contains("A", "B").doesNotContain("C]");
    }

    @Test
    void repeatSubjectSkipsTheSkuWithinTheWindowOnly() {
      SurveyGate gate = gate(noCooldown().repeatSubjectWindow(Duration.ofDays(30)));
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();

      Decision inside = gate.decide(tv("O2", "C1", T0.plus(Duration.ofDays(30)).minusSeconds(1)));
      assertThat(inside.reasonCodes()).containsExactly(REPEAT_SUBJECT);
      assertThat(inside.eligibleAgainAt()).isEmpty();

      Decision otherSku = gate.decide(purchase("O3", "C1", T0.plus(DAY),
          line("TV-1", "tv/lcd", "500", 1), line("SOUND-1", "audio", "100", 1)));
      assertThat(otherSku.isSurvey()).isTrue();
      assertThat(otherSku.subjectSku()).contains("SOUND-1");

      assertThat(gate.decide(tv("O4", "C1", T0.plus(Duration.ofDays(31)))).isSurvey()).isTrue();
    }

    @Test
    void theSubjectIsTheHighestLineValueAndTheEarlierLineOnTies() {
      SurveyGate gate = gate(noCooldown());
      assertThat(gate.decide(purchase("O1", "C1", T0, line("A", "x", "10", 3),
          line("B", "x", "29.99", 1), line("C", "x", "15", 2))).subjectSku()).contains("A");
      assertThat(gate.decide(purchase("O2", "C2", T0, line("A", "x", "10", 3),
          line("B", "x", "30", 1))).subjectSku()).contains("A");
      assertThat(gate.decide(purchase("O3", "C3", T0, line("B", "x", "30", 1),
          line("A", "x", "10", 3))).subjectSku()).contains("B");
    }
  }

  @Nested
  class Step5OrderValue {
    @Test
    void orderValueExactlyAtTheThresholdIsEligible() {
      SurveyGate gate = gate(noCooldown().minOrderValue(Money.of("100", "EUR")));
      assertThat(gate.decide(purchase("O1", "C1", T0, line("A", "x", "60", 1),
          line("B", "x", "40.00", 1))).isSurvey()).isTrue();
      Decision below = gate.decide(purchase("O2", "C2", T0, line("A", "x", "99.99", 1)));
      assertThat(below.reasonCodes()).containsExactly(BELOW_MIN_ORDER_VALUE);
      assertThat(below.subjectSku()).contains("A");
    }

    @Test
    void anAlwaysSubjectIsExemptButNotWithoutCandidate() {
      SurveyGate gate = gate(noCooldown().minOrderValue(Money.of("100", "EUR"))
          .alwaysServices("INSTALLATION").excludeCategories("x"));
      assertThat(gate.decide(purchase("O1", "C1", T0, line("A", "y", "20", 1, "INSTALLATION")))
          .isSurvey()).isTrue();
      assertThat(gate.decide(purchase("O2", "C2", T0, line("A", "x", "20", 1, "INSTALLATION")))
          .reasonCodes()).containsExactly(EXCLUDED_CATEGORY, BELOW_MIN_ORDER_VALUE);
    }

    @Test
    void aCurrencyWithoutThresholdIsAnErrorAndRecordsNothing() {
      SurveyGate gate = gate(noCooldown().minOrderValue(Money.of("100", "EUR")));
      Purchase usd = Purchase.builder("O1", "C1").orderedAt(T0)
          .line(OrderLine.of("A", "x", Money.of("500", "USD"), 1)).build();
      assertThatThrownBy(() -> gate.decide(usd))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    }
  }

  @Nested
  class Step6Frequency {
    @Test
    void exactlyAtTheCooldownEndIsEligible() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ofDays(30)));
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      Decision early = gate.decide(tv("O2", "C1", T0.plus(Duration.ofDays(30)).minusNanos(1000)));
      assertThat(early.reasonCodes()).containsExactly(CUSTOMER_COOLDOWN);
      assertThat(early.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(30)));
      assertThat(gate.decide(tv("O3", "C1", T0.plus(Duration.ofDays(30)))).isSurvey()).isTrue();
    }

    @Test
    void aSurveyBlocksBothSidesForOutOfOrderEvents() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ofDays(30)));
      Instant t = T0.plus(Duration.ofDays(100));
      assertThat(gate.decide(tv("LATE", "C1", t)).isSurvey()).isTrue();

      Decision before = gate.decide(tv("O1", "C1", t.minus(Duration.ofDays(29))));
      assertThat(before.reasonCodes()).containsExactly(CUSTOMER_COOLDOWN);
      assertThat(before.eligibleAgainAt()).contains(t.plus(Duration.ofDays(30)));
      assertThat(gate.decide(tv("O2", "C1", t.minus(Duration.ofDays(30)))).isSurvey()).isTrue();
    }

    @Test
    void recordedSurveysCountNotPurchases() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ofDays(30))
          .excludeCategories("toner"));
      assertThat(gate.decide(purchase("O1", "C1", T0, line("T", "toner", "60", 1))).isSurvey())
          .isFalse();
      assertThat(gate.decide(tv("O2", "C1", T0.plus(DAY))).isSurvey()).isTrue();
    }

    @Test
    void categoryCooldownAppliesToTheSubjectAndCountsFromAnySurvey() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ofDays(10))
          .categoryCooldown("Phones", Duration.ofDays(60))
          .categoryCooldown("phones/cheap", Duration.ofDays(5))
          .excludeCategories("toner"));
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      Instant later = T0.plus(Duration.ofDays(20));
      Decision phone =
          gate.decide(purchase("O2", "C1", later, line("P", "phones/smart", "800", 1)));
      assertThat(phone.reasonCodes()).containsExactly(CUSTOMER_COOLDOWN);
      assertThat(phone.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(60)));
      assertThat(gate.decide(purchase("O3", "C1", later.minus(Duration.ofDays(12)),
          line("P", "phones/cheap/x", "80", 1))).isSurvey()).isTrue();
      // No candidate: the customer cooldown applies (10 days from the survey of O3).
      Decision none = gate.decide(purchase("O4", "C1", later.minus(Duration.ofDays(5)),
          line("T", "toner", "80", 1)));
      assertThat(none.reasonCodes()).containsExactly(EXCLUDED_CATEGORY, CUSTOMER_COOLDOWN);
      assertThat(none.eligibleAgainAt()).contains(later.minus(Duration.ofDays(2)));
    }

    @Test
    void zeroCooldownSwitchesItOff() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ZERO));
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O2", "C1", T0)).isSurvey()).isTrue();
    }

    @Test
    void capCountsAnyNPlusOneSurveysSpanningLessThanTheWindow() {
      SurveyGate gate = gate(noCooldown()
          .maxSurveysPerCustomer(new FrequencyCap(2, Duration.ofDays(365))));
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O2", "C1", T0.plus(Duration.ofDays(100)))).isSurvey()).isTrue();
      Decision third = gate.decide(tv("O3", "C1", T0.plus(Duration.ofDays(364))));
      assertThat(third.reasonCodes()).containsExactly(CUSTOMER_CAP);
      assertThat(third.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(365)));
      assertThat(gate.decide(tv("O4", "C1", T0.plus(Duration.ofDays(365)))).isSurvey()).isTrue();
      // Out of order: before the first one, the window O0..O2 spans 100 + 1 days < 365.
      Decision before = gate.decide(tv("O0", "C1", T0.minus(DAY)));
      assertThat(before.reasonCodes()).containsExactly(CUSTOMER_CAP);
    }

    @Test
    void accountRulesCountSurveysOfTheAccountsPurchasesOnly() {
      SurveyGate gate = gate(noCooldown().accountCooldown(Duration.ofDays(30)));
      assertThat(gate.decide(builder("O1", "C1", T0, line("A", "x", "100", 1))
          .accountId("ACME").build()).isSurvey()).isTrue();
      Decision colleague = gate.decide(builder("O2", "C2", T0.plus(DAY),
          line("A", "x", "100", 1)).accountId("ACME").build());
      assertThat(colleague.reasonCodes()).containsExactly(ACCOUNT_COOLDOWN);
      assertThat(colleague.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(30)));
      // Same customer, private purchase: checked against no account.
      assertThat(gate.decide(tv("O3", "C2", T0.plus(DAY))).isSurvey()).isTrue();
      // ... and that private survey does not count for the account.
      assertThat(gate.decide(builder("O4", "C3", T0.plus(Duration.ofDays(30)),
          line("A", "x", "100", 1)).accountId("ACME").build()).isSurvey()).isTrue();
    }

    @Test
    void accountCap() {
      SurveyGate gate = gate(noCooldown()
          .maxSurveysPerAccount(new FrequencyCap(2, Duration.ofDays(30))));
      for (int i = 0; i < 2; i++) {
        assertThat(gate.decide(builder("O" + i, "C" + i, T0.plus(Duration.ofDays(i)),
            line("A", "x", "100", 1)).accountId("ACME").build()).isSurvey()).isTrue();
      }
      Decision third = gate.decide(builder("O2", "C2", T0.plus(Duration.ofDays(2)),
          line("A", "x", "100", 1)).accountId("ACME").build());
      assertThat(third.reasonCodes()).containsExactly(ACCOUNT_CAP);
      assertThat(third.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(30)));
    }

    @Test
    void responseCooldownCountsFromTheLastResponse() {
      MutableClock clock = MutableClock.at(T0);
      SurveyGate gate = SurveyGate.builder(noCooldown()
          .responseCooldown(Duration.ofDays(10)).build()).clock(clock).build();
      gate.recordResponse("C1");
      Decision d = gate.decide(tv("O1", "C1", T0.plus(Duration.ofDays(10)).minusSeconds(1)));
      assertThat(d.reasonCodes()).containsExactly(RESPONSE_COOLDOWN);
      assertThat(d.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(10)));
      assertThat(gate.decide(tv("O2", "C1", T0.plus(Duration.ofDays(10)))).isSurvey()).isTrue();
    }

    @Test
    void eligibleAgainAtIsTheLatestReleaseAndIsSetBesideOtherReasons() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ofDays(30))
          .accountCooldown(Duration.ofDays(60)));
      assertThat(gate.decide(builder("O1", "C1", T0, line("A", "x", "100", 1))
          .accountId("ACME").build()).isSurvey()).isTrue();
      Decision d = gate.decide(builder("O2", "C1", T0.plus(DAY), line("A", "x", "100", 1))
          .accountId("ACME").consent(false).build());
      assertThat(d.reasonCodes()).containsExactly(NO_CONSENT, CUSTOMER_COOLDOWN, ACCOUNT_COOLDOWN);
      assertThat(d.primaryReason().map(Reason::code)).contains(NO_CONSENT);
      assertThat(d.eligibleAgainAt()).contains(T0.plus(Duration.ofDays(60)));
    }

    @Test
    void cancelReleasesTheSurveyForCooldownsButTheOrderStaysDecided() {
      SurveyGate gate = gate(SurveyPolicy.builder().customerCooldown(Duration.ofDays(30)));
      assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O2", "C1", T0.plus(DAY))).isSurvey()).isFalse();
      assertThat(gate.cancel("O1")).isTrue();
      assertThat(gate.decide(tv("O3", "C1", T0.plus(DAY))).isSurvey()).isTrue();
      assertThat(gate.decide(tv("O1", "C1", T0)).reasonCodes()).containsExactly(DUPLICATE_ORDER);
      assertThat(gate.cancel("O1")).isFalse();
    }
  }

  @Nested
  class Step7Sampling {
    @Test
    void samplingIsStickyByHashAgainstTheRate() {
      assertThat(gate(noCooldown().sampling(0.3665, "")).decide(tv("O1", "K-1", T0)).isSurvey())
          .isTrue();
      assertThat(gate(noCooldown().sampling(0.3664, "")).decide(tv("O1", "K-1", T0))
          .reasonCodes()).containsExactly(NOT_SAMPLED);
    }

    @Test
    void everyApplicableReasonIsListedInContractOrder() {
      SurveyGate gate = gate(SurveyPolicy.builder().sampling(0.0, "").holdout(1.0, "h")
          .minOrderValue(Money.of("1000", "EUR")).customerCooldown(Duration.ofDays(1)));
      Decision d = gate.decide(builder("O1", "C1", T0, line("A", "x", "10", 1))
          .consent(false).build());
      assertThat(d.reasonCodes())
          .containsExactly(NO_CONSENT, HOLDOUT, BELOW_MIN_ORDER_VALUE, NOT_SAMPLED);
      assertThat(d.subjectSku()).contains("A");
    }
  }

  @Test
  void surveyDecisionCarriesSubjectAndSendAtAndIsRecordedAtDecisionTime() {
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).build();
    Instant delivered = T0.plusNanos(1_234_567);
    Decision d = gate.decide(builder("O1", "C1", T0.minus(DAY), line("A", "x", "10", 1))
        .deliveredAt(delivered).build());
    Instant now = delivered.truncatedTo(ChronoUnit.MICROS);
    assertThat(d.isSurvey()).isTrue();
    assertThat(d.reasons()).isEmpty();
    assertThat(d.decidedAt()).isEqualTo(now);
    assertThat(d.sendAt()).contains(now.plus(Duration.ofDays(3)));
    assertThat(gate.decide(tv("O2", "C1", now.plus(Duration.ofDays(90)).minusNanos(1000)))
        .eligibleAgainAt()).contains(now.plus(Duration.ofDays(90)));
  }

  @Test
  void decideNowAndEvaluateNowUseTheClock() {
    MutableClock clock = MutableClock.at(T0);
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).clock(clock).build();
    assertThat(gate.decideNow(tv("O1", "C1", T0.minus(Duration.ofDays(500)))).decidedAt())
        .isEqualTo(T0);
    clock.advance(Duration.ofDays(89));
    assertThat(gate.evaluateNow(tv("O2", "C1", T0)).reasonCodes())
        .containsExactly(CUSTOMER_COOLDOWN);
    clock.advance(DAY);
    assertThat(gate.evaluateNow(tv("O2", "C1", T0)).isSurvey()).isTrue();
  }

  @Test
  void purgeExpiredForgetsWhatIsOlderThanTheLongestWindow() {
    MutableClock clock = MutableClock.at(T0);
    InMemoryContactHistory store = InMemoryContactHistory.withRetention(Duration.ofDays(3650));
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store).clock(clock)
        .build();
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    clock.advance(Duration.ofDays(90));
    gate.purgeExpired();
    assertThat(store.decidedOrders()).isEqualTo(1);
    clock.advance(Duration.ofNanos(1000));
    gate.purgeExpired();
    assertThat(store.decidedOrders()).isZero();
  }

  @Test
  void eraseCustomerForgetsTheCustomer() {
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).build();
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
    gate.eraseCustomer("C1");
    assertThat(gate.decide(tv("O1", "C1", T0)).isSurvey()).isTrue();
  }
}
