package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;

/** One example per bug the fuzz properties ({@link PolicyFuzzProperties}) found in nps-policy. */
class FuzzFindingsTest {
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  @Test
  void aCooldownOfLongMaxSecondsIsRejectedNamingTheKey() {
    // Was accepted; building the gate then threw ArithmeticException (retention = 2 x window)
    // and decide() a DateTimeException (now + window).
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(Fixtures.props(
        "nps.policy.customer-cooldown=PT9223372036854775807S")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nps.policy.customer-cooldown=PT9223372036854775807S")
        .hasMessageContaining("at most P3652425D");
    assertThatThrownBy(() -> FrequencyCap.parse("1/PT9223372036854775807S"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
  }

  @Test
  void theLongestWindowsWorkAtTheLastAcceptedInstant() {
    Duration max = Duration.ofDays(3_652_425);
    SurveyPolicy policy = SurveyPolicy.builder().customerCooldown(max).accountCooldown(max)
        .maxSurveysPerCustomer(new FrequencyCap(1, max)).responseCooldown(max)
        .repeatSubjectWindow(max).sendDelay(max).build();
    SurveyGate gate = SurveyGate.builder(policy).clock(Clock.fixed(LATEST, ZoneOffset.UTC))
        .build();
    Decision d = gate.decide(Fixtures.builder("O-1", "K-1", LATEST,
        Fixtures.line("TV-1", "tv", "500", 1)).accountId("B-1").build());
    assertThat(d.isSurvey()).isTrue();
    assertThat(d.sendAt()).contains(LATEST.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
        .plus(max));
    assertThat(gate.decide(Fixtures.tv("O-2", "K-1", Instant.parse("0001-01-01T00:00:00Z")))
        .reasonCodes()).contains(ReasonCode.CUSTOMER_COOLDOWN);
    gate.purgeExpired();
  }

  @Test
  void timesOutsideYearsOneTo9999AreRejectedNamingTheField() {
    // Instant.MAX was accepted; decide() then threw ArithmeticException (epoch microseconds) or
    // DateTimeException (send time).
    assertThatThrownBy(() -> Purchase.builder("O-1", "K-1").orderedAt(Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderedAt").hasMessageContaining(Instant.MAX.toString());
    assertThatThrownBy(() -> Purchase.builder("O-1", "K-1").deliveredAt(Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deliveredAt");
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).build();
    assertThatThrownBy(() -> gate.decide(Fixtures.tv("O-1", "K-1", Fixtures.T0), Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("now");
    assertThatThrownBy(() -> gate.recordResponse("K-1", Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("now");
  }

  @Test
  void theInMemoryStoreKeepsTimesAfter2262() {
    // ChronoUnit.MICROS.between(EPOCH, t) counts nanoseconds in a long: every time after
    // 2262-04-11 (or before 1677) was an ArithmeticException from the default store.
    Instant y2300 = Instant.parse("2300-01-01T00:00:00.000001Z");
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).build();
    assertThat(gate.decide(Fixtures.tv("O-1", "K-1", y2300)).isSurvey()).isTrue();
    HistorySnapshot s = gate.history().load(
        new HistoryQuery("K-1", null, "O-2", y2300, y2300.plusSeconds(1)));
    assertThat(s.customerSurveys()).singleElement().satisfies(r -> assertThat(r.at())
        .isEqualTo(y2300));
    // 1600 lies centuries before what the default store keeps behind its clock: answered
    // (without an ArithmeticException) as HISTORY_EXPIRED, never a survey it would forget at once.
    assertThat(gate.decide(Fixtures.tv("O-2", "K-1", Instant.parse("1600-01-01T00:00:00Z")))
        .reasonCodes()).containsExactly(ReasonCode.HISTORY_EXPIRED);
  }

  @Test
  void theInMemoryStoreTakesAnyInstantThroughTheSpi() {
    // The SPI allows only NullPointerException and HistoryUnavailableException; instants beyond
    // the microsecond range (292,000 years) saturate instead of overflowing.
    InMemoryContactHistory store = InMemoryContactHistory.withRetention(Duration.ofDays(30));
    store.recordResponse("K-1", Instant.MIN);
    HistorySnapshot s = store.load(new HistoryQuery("K-1", null, "O-1", Instant.MIN, Instant.MAX));
    assertThat(s.customerResponses()).hasSize(1);
    store.recordResponse("K-1", Instant.MAX);
    store.purge(Instant.MIN);
    store.purge(Instant.MAX);
    assertThat(store.trackedCustomers()).isOne();
  }

  @Test
  void moneyInExponentNotationOrWithAHugeScaleIsRejected() {
    // "1e999999999 EUR" was a valid threshold; every message printing it (toPlainString) then
    // tried to build a string of a billion digits.
    assertThatThrownBy(() -> Money.of("1e999999999", "EUR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'1e999999999'");
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(Fixtures.props(
        "nps.policy.min-order-value=1E+999999999 EUR")))
        .hasMessageContaining("nps.policy.min-order-value=1E+999999999 EUR");
    assertThatThrownBy(() -> new Money(new BigDecimal("1E+999999999"), Currency.getInstance("EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1E+999999999 EUR");
    assertThat(Money.of(" .50", "EUR").amount()).isEqualByComparingTo("0.5");
    assertThat(Money.of("+12.", "EUR").amount()).isEqualByComparingTo("12");
  }

  @Test
  void aControlCharacterSegmentIsNamedAsGiven() {
    // "\u0000" is not blank but trims to "": the message showed the normalized "[a, ]".
    assertThatThrownBy(() -> CategoryPath.parse("a/\u0000"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/\u0000'");
  }

  @Test
  void aPathBothExcludedAndAlwaysNamesBothKeys() {
    // The README promises the key and value; the message named only the category.
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(Fixtures.props(
        "nps.policy.exclude-categories=tv, cables", "nps.policy.always-categories=TV")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nps.policy.exclude-categories=tv, cables")
        .hasMessageContaining("nps.policy.always-categories=TV")
        .hasMessageContaining("'tv'");
  }
}
