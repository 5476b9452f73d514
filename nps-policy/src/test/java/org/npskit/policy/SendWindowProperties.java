package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The send time over generated zones, windows, days and instants, decided through the gate.
 *
 * <p>Where the zone's offset does not change from a day before {@code t0} to a day after the
 * answer, {@code sendAt} is exactly the first instant at or after {@code t0} whose local
 * date-time is on an allowed day and inside the window, found by a minute-by-minute scan. Near
 * an offset change the contract resolves the opening with {@code ZonedDateTime.of}, which is not
 * always that instant (an opening in a gap moves forward by the gap's length while the clock
 * already shows a time inside the window; in an overlap's second pass the window may be entered
 * again after that day's opening has passed): there the scan looks for the first resolved
 * opening of an allowed date instead, and the examples of {@code SendWindowTest} pin the cases
 * down.
 */
class SendWindowProperties {
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** Zones with summer time, offsets off the hour, a 30-minute shift, the date line. */
  private static final List<String> CHOSEN_ZONES = List.of(
      "UTC", "Europe/Amsterdam", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe",
      "America/St_Johns", "Pacific/Chatham", "Asia/Tokyo", "America/Sao_Paulo", "Europe/Dublin",
      "Africa/Casablanca", "Pacific/Apia", "Asia/Tehran", "America/Santiago",
      "Australia/Adelaide", "Asia/Kolkata", "America/Goose_Bay", "Pacific/Kiritimati");

  /** The zones above that change offsets after 1972, for instants near those changes. */
  private static final List<String> DST_ZONES = List.of(
      "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "America/St_Johns",
      "Pacific/Chatham", "America/Sao_Paulo", "Europe/Dublin", "Africa/Casablanca",
      "Pacific/Apia", "Asia/Tehran", "America/Santiago", "Australia/Adelaide",
      "America/Goose_Bay", "America/Moncton");

  /** A generated case: the policy's window, days and zones, the decision time and delay. */
  record Case(SendWindow window, Set<DayOfWeek> days, ZoneId zone, boolean zoneOnPurchase,
      Instant now, Duration delay) {}

  @Provide
  Arbitrary<ZoneId> zones() {
    List<String> all = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(CHOSEN_ZONES)), Tuple.of(1, Arbitraries.of(all)))
        .map(ZoneId::of);
  }

  @Provide
  Arbitrary<SendWindow> windows() {
    return Arbitraries.integers().between(0, 24 * 60 - 2).flatMap(start ->
        Arbitraries.integers().between(start + 1, 24 * 60 - 1).map(end ->
            new SendWindow(LocalTime.MIN.plusMinutes(start), LocalTime.MIN.plusMinutes(end))))
        .injectNull(0.25);
  }

  @Provide
  Arbitrary<Set<DayOfWeek>> days() {
    return Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7)
        .map(EnumSet::copyOf);
  }

  @Provide
  Arbitrary<Duration> delays() {
    return Arbitraries.longs().between(0, Duration.ofDays(10).toSeconds())
        .withDistribution(RandomDistribution.uniform()).map(Duration::ofSeconds);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Instant> instants = Combinators.combine(
            Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond())
                .withDistribution(RandomDistribution.uniform()),
            Arbitraries.integers().between(0, 999_999))
        .as((second, micros) -> Instant.ofEpochSecond(second, micros * 1000L));
    return Combinators.combine(windows(), days(), zones(), Arbitraries.of(true, false),
        instants, delays()).as(Case::new);
  }

  /** Like {@link #cases()}, with {@code t0} within 36 hours of an offset change after 1972. */
  @Provide
  Arbitrary<Case> casesNearOffsetChanges() {
    Arbitrary<Instant> after1972 = Arbitraries.longs()
        .between(Instant.parse("1972-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2038-01-01T00:00:00Z").getEpochSecond())
        .withDistribution(RandomDistribution.uniform()).map(Instant::ofEpochSecond);
    Arbitrary<Long> shiftSeconds = Arbitraries.longs().between(-36 * 3600, 36 * 3600)
        .withDistribution(RandomDistribution.uniform());
    return Combinators.combine(windows(), days(), Arbitraries.of(DST_ZONES).map(ZoneId::of),
            Arbitraries.of(true, false), after1972, shiftSeconds, delays())
        .as((window, days, zone, onPurchase, from, shift, delay) -> {
          ZoneOffsetTransition change = zone.getRules().nextTransition(from);
          Instant t0 = (change == null ? from : change.getInstant()).plusSeconds(shift);
          return new Case(window, days, zone, onPurchase, t0.minus(delay), delay);
        });
  }

  private static SurveyPolicy policy(Case c) {
    SurveyPolicy.Builder b = SurveyPolicy.builder().sendDelay(c.delay()).sendDays(c.days());
    if (c.window() != null) {
      b.sendWindow(c.window());
    }
    if (!c.zoneOnPurchase()) {
      b.defaultZone(c.zone());
    }
    return b.build();
  }

  /** A decision's t0 (the gate keeps decision times to the microsecond) and sendAt. */
  record Sent(Instant t0, Instant sendAt) {}

  /** Decides the case's purchase with its policy and checks the {@link #assertResolvedForm}. */
  private static Sent decide(Case c) {
    Sent sent = decide(policy(c), c);
    assertResolvedForm(c, sent.t0(), sent.sendAt());
    return sent;
  }

  private static Sent decide(SurveyPolicy policy, Case c) {
    Purchase purchase = Fixtures.builder("O1", "K-1", c.now(),
            Fixtures.line("TV-1", "tv", "500", 1))
        .zone(c.zoneOnPurchase() ? c.zone() : null).build();
    Decision d = SurveyGate.builder(policy).build().evaluate(purchase, c.now());
    assertThat(d.isSurvey()).as("%s", d).isTrue();
    return new Sent(d.decidedAt().plus(c.delay()), d.sendAt().orElseThrow());
  }

  private static boolean inside(LocalDateTime local, SendWindow window, Set<DayOfWeek> days) {
    return days.contains(local.getDayOfWeek())
        && (window == null || window.contains(local.toLocalTime()));
  }

  private static LocalTime start(SendWindow window) {
    return window == null ? LocalTime.MIDNIGHT : window.start();
  }

  @Property
  void sendAtIsT0InsideOrAResolvedOpeningAfterItAndMinimalWhereTheOffsetIsSteady(
      @ForAll("cases") Case c) {
    Sent sent = decide(c);
    Instant t0 = sent.t0();
    Instant sendAt = sent.sendAt();
    ZoneOffset offset = c.zone().getRules().getOffset(t0);
    Instant scanned = firstInsideByMinuteScan(t0, offset, c.window(), c.days());
    boolean steady = steady(c.zone().getRules(), t0, scanned.isAfter(sendAt) ? scanned : sendAt);
    Statistics.label("offset steady").collect(steady);
    Statistics.label("t0 kept").collect(sendAt.equals(t0));
    if (steady) {
      assertThat(sendAt).as("first instant inside, by minute scan").isEqualTo(scanned);
    }
    Statistics.label("offset steady").coverage(k -> k.check(true).percentage(p -> p > 60));
    Statistics.label("t0 kept").coverage(k -> {
      k.check(true).percentage(p -> p > 10);
      k.check(false).percentage(p -> p > 30);
    });
  }

  @Property(tries = 400)
  void nearOffsetChangesSendAtIsTheFirstResolvedOpeningOfAnAllowedDate(
      @ForAll("casesNearOffsetChanges") Case c) {
    Sent sent = decide(c);
    Instant t0 = sent.t0();
    Instant sendAt = sent.sendAt();
    Statistics.label("an offset change within a day").collect(
        !steady(c.zone().getRules(), t0, t0));
    Statistics.label("an offset change within a day")
        .coverage(k -> k.check(true).percentage(p -> p > 50));
    if (sendAt.equals(t0)) {
      return;
    }
    // Every minute from t0 on: none before sendAt is the resolved opening of an allowed date on
    // or after t0's local date.
    ZoneId zone = c.zone();
    LocalDate d0 = LocalDateTime.ofInstant(t0, zone).toLocalDate();
    LocalTime start = start(c.window());
    Instant found = null;
    for (Instant m = t0.truncatedTo(ChronoUnit.MINUTES); found == null && !m.isAfter(sendAt);
        m = m.plus(1, ChronoUnit.MINUTES)) {
      if (!m.isAfter(t0)) {
        continue;
      }
      LocalDate date = LocalDateTime.ofInstant(m, zone).toLocalDate();
      for (LocalDate d : List.of(date.minusDays(1), date)) {
        if (!d.isBefore(d0) && c.days().contains(d.getDayOfWeek())
            && ZonedDateTime.of(d, start, zone).toInstant().equals(m)) {
          found = m;
        }
      }
    }
    assertThat(sendAt).isEqualTo(found);
  }

  @Property
  void aPolicyWithoutTheNewKeysSendsAtNowPlusTheSendDelay(
      @ForAll("cases") Case c, @ForAll boolean everyDaySpelledOut) {
    SurveyPolicy.Builder b = SurveyPolicy.builder().sendDelay(c.delay());
    if (everyDaySpelledOut) {
      b.sendDays(EnumSet.allOf(DayOfWeek.class));
    }
    Sent sent = decide(b.build(), c);
    assertThat(sent.sendAt()).isEqualTo(sent.t0());
  }

  /**
   * sendAt is not before t0; it is t0 with its local date-time inside, or (t0 outside) the
   * instant {@code ZonedDateTime.of} gives for the opening of an allowed date on or after t0's
   * local date, lying after t0.
   */
  private static void assertResolvedForm(Case c, Instant t0, Instant sendAt) {
    assertThat(sendAt).isAfterOrEqualTo(t0);
    LocalDateTime local = LocalDateTime.ofInstant(t0, c.zone());
    boolean t0Inside = inside(local, c.window(), c.days());
    if (t0Inside) {
      assertThat(sendAt).isEqualTo(t0);
      return;
    }
    assertThat(sendAt).isAfter(t0);
    boolean anOpening = false;
    for (LocalDate d = local.toLocalDate(); !d.isAfter(local.toLocalDate().plusDays(9));
        d = d.plusDays(1)) {
      anOpening |= c.days().contains(d.getDayOfWeek())
          && ZonedDateTime.of(d, start(c.window()), c.zone()).toInstant().equals(sendAt);
    }
    assertThat(anOpening).as("sendAt %s is an allowed date's opening", sendAt).isTrue();
  }

  /**
   * The first instant at or after {@code t0} whose local date-time at a fixed offset is on an
   * allowed day and inside the window: {@code t0} itself, else the first whole local minute.
   */
  private static Instant firstInsideByMinuteScan(
      Instant t0, ZoneOffset offset, SendWindow window, Set<DayOfWeek> days) {
    LocalDateTime local = LocalDateTime.ofInstant(t0, offset);
    if (inside(local, window, days)) {
      return t0;
    }
    LocalDateTime m = local.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (int i = 0; i < 8 * 24 * 60; i++, m = m.plusMinutes(1)) {
      if (inside(m, window, days)) {
        return m.toInstant(offset);
      }
    }
    throw new AssertionError("no minute inside within 8 days of " + t0);
  }

  /** No offset change from a day before {@code t0} to a day after {@code until}. */
  private static boolean steady(ZoneRules rules, Instant t0, Instant until) {
    ZoneOffsetTransition next = rules.nextTransition(t0.minus(Duration.ofDays(1)));
    return next == null || next.getInstant().isAfter(until.plus(Duration.ofDays(1)));
  }
}
