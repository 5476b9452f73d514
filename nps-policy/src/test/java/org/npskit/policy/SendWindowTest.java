package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.props;
import static org.npskit.policy.ReasonCode.CUSTOMER_COOLDOWN;
import static org.npskit.policy.ReasonCode.DUPLICATE_ORDER;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The "Send windows in the customer's time zone" part of the version-2 policy contract, one
 * nested class per sentence (docs/policy.md, send windows). Times are chosen in the week of
 * Monday 2026-10-19; Europe/Amsterdam is on summer time (UTC+2) until Sunday 2026-10-25 and on
 * UTC+1 after, America/New_York on UTC-4 until 2026-11-01.
 */
class SendWindowTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final SendWindow NINE_TO_SIX = SendWindow.parse("09:00-18:00");

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  /** The default policy with no send delay, so that the decision time is {@code t0}. */
  private static SurveyPolicy.Builder noDelay() {
    return SurveyPolicy.builder().sendDelay(Duration.ZERO);
  }

  private static Purchase order(String id, Instant at, ZoneId zone) {
    return Fixtures.builder(id, "C-" + id, at, line("TV-1", "tv/oled", "900.00", 1)).zone(zone)
        .build();
  }

  /** The send time of a first order decided at {@code at}, placed in {@code zone}. */
  private static Instant sendAt(SurveyPolicy.Builder policy, Instant at, ZoneId zone) {
    Decision d = SurveyGate.builder(policy.build()).build().decide(order("O1", at, zone));
    assertThat(d.isSurvey()).as("%s", d).isTrue();
    return d.sendAt().orElseThrow();
  }

  @Nested
  class APolicyThatSetsNoneOfTheKeysDecidesAsBefore {
    @Test
    void theDefaultsAreEveryDayAnyTimeInUtc() {
      SurveyPolicy p = SurveyPolicy.defaults();
      assertThat(p.sendWindow()).isEmpty();
      assertThat(p.sendDays()).containsExactlyElementsOf(EnumSet.allOf(DayOfWeek.class));
      assertThat(p.defaultZone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(p.restrictsSendTime()).isFalse();
    }

    @Test
    void sendAtIsTheDecisionTimePlusTheSendDelayAtAnyHourInAnyZone() {
      Instant saturdayNight = t("2026-10-24T01:17:03.123456Z");
      Decision d = SurveyGate.builder(SurveyPolicy.defaults()).build()
          .decide(order("O1", saturdayNight, TOKYO));
      assertThat(d.sendAt()).contains(saturdayNight.plus(Duration.ofDays(3)));
    }
  }

  @Nested
  class APurchaseMayCarryAZone {
    @Test
    void theZoneIsOptionalAndNullMeansNone() {
      Purchase.Builder b = Fixtures.builder("O1", "C1", Fixtures.T0, line("A", "x", "1", 1));
      assertThat(b.build().zone()).isEmpty();
      assertThat(b.zone(AMSTERDAM).build().zone()).contains(AMSTERDAM);
      assertThat(b.build().toString()).contains("zone=Europe/Amsterdam");
      assertThat(b.zone(null).build().zone()).isEmpty();
    }

    @Test
    void thePurchasesZoneIsUsedAndTheDefaultZoneWhenItCarriesNone() {
      // Monday 2026-10-19 07:30Z: 09:30 in Amsterdam (inside), 03:30 in New York (before).
      Instant at = t("2026-10-19T07:30:00Z");
      SurveyPolicy.Builder policy = noDelay().sendWindow(NINE_TO_SIX).defaultZone(AMSTERDAM);
      assertThat(sendAt(policy, at, null)).isEqualTo(at);
      assertThat(sendAt(policy, at, AMSTERDAM)).isEqualTo(at);
      assertThat(sendAt(policy, at, NEW_YORK)).isEqualTo(t("2026-10-19T13:00:00Z"));
    }

    @Test
    void theDefaultZoneIsUtcUnlessSet() {
      // 07:30 UTC is before 09:00 UTC.
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX), t("2026-10-19T07:30:00Z"), null))
          .isEqualTo(t("2026-10-19T09:00:00Z"));
    }
  }

  @Nested
  class T0IsNowPlusTheSendDelay {
    @Test
    void theWindowIsAppliedToNowPlusTheDelayNotToNow() {
      // Decided Monday 17:00 in Amsterdam (inside); plus PT2H it is 19:00, after the window.
      SurveyPolicy.Builder policy = SurveyPolicy.builder().sendDelay(Duration.ofHours(2))
          .sendWindow(NINE_TO_SIX);
      assertThat(sendAt(policy, t("2026-10-19T15:00:00Z"), AMSTERDAM))
          .isEqualTo(t("2026-10-20T07:00:00Z"));
      // Decided Monday 06:00 (before); plus PT4H it is 10:00, inside: t0 itself.
      policy.sendDelay(Duration.ofHours(4));
      assertThat(sendAt(policy, t("2026-10-19T04:00:00Z"), AMSTERDAM))
          .isEqualTo(t("2026-10-19T08:00:00Z"));
    }
  }

  @Nested
  class T0OnAnAllowedDayInsideTheWindowIsTheSendTime {
    @Test
    void insideTheWindowT0IsKeptToTheMicrosecond() {
      Instant at = t("2026-10-21T12:34:56.789012Z");
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX).sendDays(MON_FRI), at, AMSTERDAM))
          .isEqualTo(at);
    }

    @Test
    void theStartIsInsideTheWindow() {
      Instant nineInAmsterdam = t("2026-10-21T07:00:00Z");
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX), nineInAmsterdam, AMSTERDAM))
          .isEqualTo(nineInAmsterdam);
    }

    @Test
    void theEndIsOutsideTheWindow() {
      // 18:00 on Wednesday: the next opening is Thursday 09:00.
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX), t("2026-10-21T16:00:00Z"), AMSTERDAM))
          .isEqualTo(t("2026-10-22T07:00:00Z"));
      // 17:59:59.999999 is still inside.
      Instant lastMicro = t("2026-10-21T15:59:59.999999Z");
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX), lastMicro, AMSTERDAM))
          .isEqualTo(lastMicro);
    }

    @Test
    void theDayIsTheLocalDayNotTheUtcDay() {
      // Sunday 2026-10-25 20:00Z is Monday 05:00 in Tokyo: an allowed day, before the window.
      Instant sundayUtc = t("2026-10-25T20:00:00Z");
      SurveyPolicy.Builder policy = noDelay().sendDays(MON_FRI);
      assertThat(sendAt(policy, sundayUtc, TOKYO)).isEqualTo(sundayUtc);
      assertThat(sendAt(policy.sendWindow(NINE_TO_SIX), sundayUtc, TOKYO))
          .isEqualTo(t("2026-10-26T00:00:00Z"));
      // In UTC it is still Sunday: Monday 09:00 UTC.
      assertThat(sendAt(policy, sundayUtc, ZoneId.of("UTC")))
          .isEqualTo(t("2026-10-26T09:00:00Z"));
    }
  }

  @Nested
  class ElseTheFirstWindowOpeningAfterT0 {
    @Test
    void beforeTheWindowTheSameDaysOpening() {
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX), t("2026-10-21T01:00:00Z"), AMSTERDAM))
          .isEqualTo(t("2026-10-21T07:00:00Z"));
    }

    @Test
    void afterTheWindowTheNextAllowedDaysOpening() {
      // Friday 2026-10-23 18:30 in Amsterdam: Saturday and Sunday are not allowed; Monday
      // 2026-10-26 09:00 is on winter time (UTC+1).
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX).sendDays(MON_FRI),
          t("2026-10-23T16:30:00Z"), AMSTERDAM)).isEqualTo(t("2026-10-26T08:00:00Z"));
    }

    @Test
    void onADayThatIsNotAllowedTheFirstAllowedDaysOpening() {
      // Saturday 10:00, inside the hours but not on an allowed day.
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX).sendDays(MON_FRI),
          t("2026-10-24T08:00:00Z"), AMSTERDAM)).isEqualTo(t("2026-10-26T08:00:00Z"));
      // Only Wednesdays, decided on a Wednesday after the window: a week later.
      assertThat(sendAt(noDelay().sendWindow(NINE_TO_SIX).sendDays(Set.of(DayOfWeek.WEDNESDAY)),
          t("2026-10-21T17:00:00Z"), AMSTERDAM)).isEqualTo(t("2026-10-28T08:00:00Z"));
    }

    @Test
    void theSendTimeIsTheInstantOfZonedDateTimeOfTheDateAndTheStart() {
      SurveyPolicy.Builder policy = noDelay().sendWindow(SendWindow.parse("08:15-08:45"))
          .sendDays(Set.of(DayOfWeek.THURSDAY));
      for (ZoneId zone : List.of(ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Pacific/Chatham"), NEW_YORK)) {
        assertThat(sendAt(policy, t("2026-10-20T12:00:00Z"), zone)).as("%s", zone)
            .isEqualTo(ZonedDateTime.of(LocalDate.of(2026, 10, 22), LocalTime.of(8, 15), zone)
                .toInstant());
      }
    }

    @Test
    void theSharedExampleP4() {
      // contract v2 p4-send-window: PT1H delay, 09:00-18:00, MON-FRI, default Amsterdam.
      SurveyPolicy policy = SurveyPolicy.fromProperties(props(
          "nps.policy.send-delay=PT1H",
          "nps.policy.send-window=09:00-18:00",
          "nps.policy.send-days=MON-FRI",
          "nps.policy.default-zone=Europe/Amsterdam"));
      SurveyGate gate = SurveyGate.builder(policy).build();
      assertThat(gate.decide(order("P4-0", t("2026-10-23T15:00:00Z"), null)).sendAt())
          .contains(t("2026-10-26T08:00:00Z"));
      assertThat(gate.decide(order("P4-1", t("2026-10-23T17:30:00Z"), null)).sendAt())
          .contains(t("2026-10-26T08:00:00Z"));
      assertThat(gate.decide(order("P4-2", t("2026-10-24T10:00:00Z"), NEW_YORK)).sendAt())
          .contains(t("2026-10-26T13:00:00Z"));
      assertThat(gate.decide(order("P4-3", t("2026-10-26T06:00:00Z"), TOKYO)).sendAt())
          .contains(t("2026-10-26T07:00:00Z"));
      assertThat(gate.decide(order("P4-4", t("2026-10-26T06:00:00Z"), null)).sendAt())
          .contains(t("2026-10-26T08:00:00Z"));
    }
  }

  @Nested
  class TheDocumentedExample {
    @Test
    void theBuilderAndThePropertiesOfDocsPolicyMdGiveTheSamePolicyAndSendTime() {
      SurveyPolicy policy = SurveyPolicy.builder()
          .sendDelay(Duration.ofHours(1))
          .sendWindow(SendWindow.parse("09:00-18:00"))
          .sendDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
          .defaultZone(ZoneId.of("Europe/Amsterdam"))
          .build();
      Purchase purchase = Purchase.builder("P4-2", "K-42")
          .zone(ZoneId.of("America/New_York"))
          .orderedAt(Instant.parse("2026-10-24T10:00:00Z"))
          .line(OrderLine.of("OLED55", "tv/oled", Money.of("1499.00", "EUR"), 1))
          .build();
      assertThat(SurveyGate.builder(policy).build().decide(purchase).sendAt())
          .contains(t("2026-10-26T13:00:00Z"));
      assertThat(SurveyPolicy.fromProperties(props(
          "nps.policy.send-delay=PT1H",
          "nps.policy.send-window=09:00-18:00",
          "nps.policy.send-days=MON-FRI",
          "nps.policy.default-zone=Europe/Amsterdam")).toString())
          .isEqualTo(policy.toString());
    }
  }

  @Nested
  class SendDaysAloneMeansTheWholeDay {
    @Test
    void anyTimeOfAnAllowedDayIsInsideAndTheNextOpeningIsMidnight() {
      SurveyPolicy.Builder policy = noDelay()
          .sendDays(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
      assertThat(policy.build().restrictsSendTime()).isTrue();
      Instant saturday3am = t("2026-10-24T01:00:00Z");
      assertThat(sendAt(policy, saturday3am, AMSTERDAM)).isEqualTo(saturday3am);
      Instant sunday2359 = t("2026-10-25T22:59:59Z");
      assertThat(sendAt(policy, sunday2359, AMSTERDAM)).isEqualTo(sunday2359);
      // Friday 23:59:59 in Amsterdam: Saturday 00:00.
      assertThat(sendAt(policy, t("2026-10-23T21:59:59Z"), AMSTERDAM))
          .isEqualTo(t("2026-10-23T22:00:00Z"));
    }

    @Test
    void everyDayWithoutAWindowIsNoRestriction() {
      SurveyPolicy p = noDelay().sendDays(EnumSet.allOf(DayOfWeek.class)).build();
      assertThat(p.restrictsSendTime()).isFalse();
    }
  }

  @Nested
  class LocalTimesInADstGapOrOverlapResolveAsZonedDateTimeOf {
    // Amsterdam, Sunday 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00Z.
    private final SendWindow halfPastTwo = SendWindow.parse("02:30-04:00");

    @Test
    void anOpeningInTheSpringGapMovesForwardByTheGap() {
      // Decided at 01:00 CET; the opening 02:30 does not exist that day and resolves to 03:30
      // CEST (01:30Z), though the clock shows 03:00, inside the window, at 01:00Z already.
      Instant sendAt = sendAt(noDelay().sendWindow(halfPastTwo), t("2026-03-29T00:00:00Z"),
          AMSTERDAM);
      assertThat(sendAt).isEqualTo(t("2026-03-29T01:30:00Z"))
          .isEqualTo(ZonedDateTime.of(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30), AMSTERDAM)
              .toInstant());
    }

    @Test
    void aT0AfterTheGapInsideTheWindowIsKept() {
      Instant ten = t("2026-03-29T01:10:00Z"); // 03:10 CEST
      assertThat(sendAt(noDelay().sendWindow(halfPastTwo), ten, AMSTERDAM)).isEqualTo(ten);
    }

    // Amsterdam, Sunday 2026-10-25: 03:00 CEST goes back to 02:00 CET at 01:00Z, so 02:00 to
    // 03:00 happens twice.
    @Test
    void anOpeningInTheAutumnOverlapTakesTheEarlierOffset() {
      Instant sendAt = sendAt(noDelay().sendWindow(halfPastTwo), t("2026-10-25T00:00:00Z"),
          AMSTERDAM);
      assertThat(sendAt).isEqualTo(t("2026-10-25T00:30:00Z")); // 02:30 CEST
    }

    @Test
    void aT0InTheSecondPassBeforeTheStartHasMissedThatDaysOpening() {
      // 01:10Z is 02:10 CET, the second 02:10 of the day: that day's opening (02:30 CEST,
      // 00:30Z) lies before t0, so the answer is Monday's 02:30 CET, though the clock shows
      // 02:30 again at 01:30Z.
      assertThat(sendAt(noDelay().sendWindow(halfPastTwo), t("2026-10-25T01:10:00Z"), AMSTERDAM))
          .isEqualTo(t("2026-10-26T01:30:00Z"));
    }

    @Test
    void aT0InTheSecondPassInsideTheWindowIsKept() {
      Instant secondPass = t("2026-10-25T01:40:00Z"); // 02:40 CET
      assertThat(sendAt(noDelay().sendWindow(halfPastTwo), secondPass, AMSTERDAM))
          .isEqualTo(secondPass);
    }

    @Test
    void anOverlapAcrossMidnightCanPassTheNextDaysOpeningToo() {
      // America/St_Johns, 1987-10-25 (a Sunday): at 00:01 NDT (-02:30) the clocks went back to
      // 23:01 NST (-03:30) of Saturday. t0 = 03:00Z is Saturday 23:30 NST, after the change;
      // Sunday's opening 00:00 resolves to the earlier offset (02:30Z), before t0, so the answer
      // is the next Sunday: the ninth date from t0's local date on, one more than a week holds
      // (see SendTimeCalculator).
      ZoneId stJohns = ZoneId.of("America/St_Johns");
      Instant t0 = t("1987-10-25T03:00:00Z");
      assertThat(t0.atZone(stJohns).toLocalDateTime()).hasToString("1987-10-24T23:30");
      assertThat(sendAt(noDelay().sendDays(Set.of(DayOfWeek.SUNDAY)), t0, stJohns))
          .isEqualTo(t("1987-11-01T03:30:00Z"));
    }
  }

  @Nested
  class TheSurveyIsStillRecordedAtTheDecisionTime {
    @Test
    void windowsMoveOnlySendAt() {
      // Friday 18:30 in Amsterdam: sent on Monday, recorded on Friday.
      Instant friday = t("2026-10-23T16:30:00Z");
      SurveyGate gate = SurveyGate.builder(noDelay().sendWindow(NINE_TO_SIX).sendDays(MON_FRI)
          .customerCooldown(Duration.ofDays(1)).build()).build();
      Decision first = gate.decide(Fixtures.builder("O1", "C1", friday,
          line("TV-1", "tv", "900", 1)).zone(AMSTERDAM).build());
      assertThat(first.decidedAt()).isEqualTo(friday);
      assertThat(first.sendAt()).contains(t("2026-10-26T08:00:00Z"));

      Decision blocked = gate.decide(Fixtures.builder("O2", "C1", friday.plusSeconds(60),
          line("TV-2", "tv", "900", 1)).zone(AMSTERDAM).build());
      assertThat(blocked.reasonCodes()).containsExactly(CUSTOMER_COOLDOWN);
      assertThat(blocked.eligibleAgainAt()).contains(friday.plus(Duration.ofDays(1)));
      Decision again = gate.decide(Fixtures.builder("O3", "C1", friday.plus(Duration.ofDays(1)),
          line("TV-3", "tv", "900", 1)).zone(AMSTERDAM).build());
      assertThat(again.isSurvey()).isTrue();
    }

    @Test
    void aRedeliveryReportsTheRecordedSurveysSendTimeInTheWindow() {
      Instant friday = t("2026-10-23T16:30:00Z");
      SurveyGate gate = SurveyGate.builder(noDelay().sendWindow(NINE_TO_SIX).sendDays(MON_FRI)
          .build()).build();
      Purchase order = order("O1", friday, AMSTERDAM);
      Instant sendAt = gate.decide(order).sendAt().orElseThrow();

      Decision redelivered = gate.decide(order, friday.plus(Duration.ofHours(5)));
      assertThat(redelivered.reasonCodes()).containsExactly(DUPLICATE_ORDER);
      assertThat(redelivered.recordedSendAt()).contains(sendAt);
    }
  }
}
