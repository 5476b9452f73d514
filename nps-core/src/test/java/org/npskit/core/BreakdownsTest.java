package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.npskit.core.Fixtures.T0;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakdownsTest {
  // the public contract examples, nps-examples/src/test/contract/stats/six.csv
  private static final List<SurveyResponse> SIX =
      List.of(
          response("r1", 3, "2026-01-03T10:00:00Z", "web"),
          response("r2", 7, "2026-01-09T10:00:00Z", "store"),
          response("r3", 8, "2026-02-01T09:30:00Z", "web"),
          response("r4", 9, "2026-02-11T16:00:00Z", "store"),
          response("r5", 10, "2026-02-20T08:00:00Z", "web"),
          response("r6", 10, "2026-03-02T12:00:00Z", "web"));

  private static SurveyResponse response(String id, int score, String at, String channel) {
    return new SurveyResponse(
        id, "c-" + id, score, Instant.parse(at), Map.of("channel", channel), "fine, thanks");
  }

  private static String channel(SurveyResponse r) {
    return r.attribute("channel").orElseThrow();
  }

  @Test
  void byChannelMatchesTheContractFile() {
    // six.by-channel.json: store (0,1,1) then web (1,1,2), sorted by key
    Breakdown<String> b = Breakdowns.byKey(SIX, BreakdownsTest::channel, SurveyResponse::score);
    assertThat(b.cells()).extracting(Breakdown.Cell::key).containsExactly("store", "web");
    assertThat(b.cells().get(0).result()).contains(new NpsResult(0, 1, 1));
    assertThat(b.cells().get(1).result()).contains(new NpsResult(1, 1, 2));
    NpsResult web = b.cells().get(1).result().orElseThrow();
    assertThat(web.standardError()).isCloseTo(41.4578098794425, within(1e-9));
    assertThat(web.interval(0.95).low()).isCloseTo(-44.159768529899175, within(1e-9));
    assertThat(web.interval(0.95).high()).isCloseTo(72.73119710132775, within(1e-9));
    assertThat(b.totalResult()).contains(new NpsResult(1, 2, 3));
  }

  @Test
  void byMonthMatchesTheContractFile() {
    // six.by-month.json: 2026-01-01 (1,1,0), 2026-02-01 (0,1,2), 2026-03-01 (0,0,1)
    Breakdown<LocalDate> b =
        Breakdowns.byPeriod(
            SIX, SurveyResponse::answeredAt, SurveyResponse::score, TimeBucket.MONTH, ZoneOffset.UTC);
    assertThat(b.cells())
        .extracting(Breakdown.Cell::key)
        .containsExactly(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
    assertThat(b.cells())
        .extracting(c -> c.result().orElseThrow())
        .containsExactly(new NpsResult(1, 1, 0), new NpsResult(0, 1, 2), new NpsResult(0, 0, 1));
    NpsResult feb = b.cells().get(1).result().orElseThrow();
    assertThat(feb.nps()).isCloseTo(66.66666666666666, within(1e-9));
    assertThat(feb.interval(0.95).low()).isCloseTo(-21.651849835761354, within(1e-9));
    assertThat(b.cellsBelow(2)).extracting(Breakdown.Cell::key).containsExactly(LocalDate.parse("2026-03-01"));
    assertThat(b.cells().get(2).belowMinimumSample(1)).isFalse();
  }

  @Test
  void bucketsFollowTheZoneAndTheCalendar() {
    Instant lateSunday = Instant.parse("2026-03-01T23:30:00Z"); // Monday 00:30 in Amsterdam
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    assertThat(TimeBucket.DAY.start(lateSunday, ZoneOffset.UTC)).isEqualTo("2026-03-01");
    assertThat(TimeBucket.DAY.start(lateSunday, amsterdam)).isEqualTo("2026-03-02");
    assertThat(TimeBucket.ISO_WEEK.start(lateSunday, ZoneOffset.UTC)).isEqualTo("2026-02-23");
    assertThat(TimeBucket.ISO_WEEK.start(lateSunday, amsterdam)).isEqualTo("2026-03-02");
    assertThat(TimeBucket.MONTH.start(Instant.parse("2026-01-31T23:30:00Z"), amsterdam))
        .isEqualTo("2026-02-01");
    assertThat(TimeBucket.QUARTER.start(LocalDate.parse("2026-06-30"))).isEqualTo("2026-04-01");
    assertThat(TimeBucket.QUARTER.start(LocalDate.parse("2026-12-01"))).isEqualTo("2026-10-01");
    // ISO week 1 of 2027 starts on Monday 2027-01-04; Friday 2027-01-01 is in 2026's last week
    assertThat(TimeBucket.ISO_WEEK.start(LocalDate.parse("2027-01-01"))).isEqualTo("2026-12-28");
    assertThat(TimeBucket.QUARTER.next(LocalDate.parse("2026-10-01"))).isEqualTo("2027-01-01");
    assertThat(TimeBucket.ISO_WEEK.next(LocalDate.parse("2026-12-28"))).isEqualTo("2027-01-04");
  }

  @Test
  void rollingWindowsCoverEveryDay() {
    List<Breakdown.Cell<LocalDate>> windows =
        Breakdowns.rolling(
            SIX, SurveyResponse::answeredAt, SurveyResponse::score, 30, ZoneOffset.UTC);
    assertThat(windows.get(0).key()).isEqualTo("2026-01-03");
    assertThat(windows.get(windows.size() - 1).key()).isEqualTo("2026-03-02");
    assertThat(windows).hasSize(59);
    // window ending 2026-02-01 covers 2026-01-03..2026-02-01: r1, r2, r3
    Breakdown.Cell<LocalDate> feb1 =
        windows.stream().filter(c -> c.key().equals(LocalDate.parse("2026-02-01"))).findFirst().orElseThrow();
    assertThat(feb1.result()).contains(new NpsResult(1, 2, 0));
    // window ending 2026-02-02 starts 2026-01-04: r1 has left
    Breakdown.Cell<LocalDate> feb2 =
        windows.stream().filter(c -> c.key().equals(LocalDate.parse("2026-02-02"))).findFirst().orElseThrow();
    assertThat(feb2.result()).contains(new NpsResult(0, 2, 0));
    // recomputing each window directly gives the same tallies
    for (Breakdown.Cell<LocalDate> w : windows) {
      NpsAccumulator direct = NpsAccumulator.create();
      for (SurveyResponse r : SIX) {
        LocalDate day = LocalDate.ofInstant(r.answeredAt(), ZoneOffset.UTC);
        if (!day.isAfter(w.key()) && day.isAfter(w.key().minusDays(30))) {
          direct.add(r.score());
        }
      }
      assertThat(w.tally()).as("window ending %s", w.key()).isEqualTo(direct.tally());
    }
    assertThat(Breakdowns.rolling(List.<SurveyResponse>of(), SurveyResponse::answeredAt,
        SurveyResponse::score, 7, ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void groupByAndCollector() {
    Map<String, NpsTally> byChannel = Nps.groupBy(SIX, BreakdownsTest::channel, SurveyResponse::score);
    assertThat(byChannel.keySet()).containsExactly("store", "web");
    NpsTally sequential = SIX.stream().collect(Nps.collector(SurveyResponse::score));
    assertThat(sequential.toResult()).isEqualTo(new NpsResult(1, 2, 3));
    NpsTally parallel =
        java.util.stream.IntStream.range(0, 10_000)
            .parallel()
            .boxed()
            .collect(Nps.collector(i -> i % 11));
    assertThat(parallel.n()).isEqualTo(10_000);
    assertThat(parallel.count(0)).isEqualTo(910);
    assertThatThrownBy(() -> java.util.stream.Stream.of(0).collect(Nps.collector((Integer i) -> i, Scale.ONE_TO_TEN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-10");
  }

  @Test
  void nonComparableKeysKeepFirstSeenOrder() {
    record Key(String name) {}
    Breakdown<Key> b =
        Breakdowns.byKey(
            List.of(9, 3, 7), i -> new Key(i == 3 ? "b" : "a"), i -> i);
    assertThat(b.cells()).extracting(c -> c.key().name()).containsExactly("a", "b");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Breakdowns.rolling(SIX, SurveyResponse::answeredAt, SurveyResponse::score, 0, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> Breakdowns.byKey(List.of(1), i -> null, i -> i))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> Breakdowns.byKey(List.of(12), i -> "x", i -> i))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12");
    assertThatThrownBy(() -> new Breakdown<>(List.of(new Breakdown.Cell<>("a", NpsTally.ofCategories(1, 0, 0))), NpsTally.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum of the cells");
    assertThatThrownBy(() -> new Breakdown.Cell<>("a", NpsTally.empty()).belowMinimumSample(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void surveyResponseIsNullFree() {
    SurveyResponse r = SurveyResponse.of("r", "c", 9, T0);
    assertThat(r.commentText()).isEmpty();
    assertThat(r.attribute("x")).isEmpty();
    assertThat(r.category()).isEqualTo(Category.PROMOTER);
    assertThat(SIX.get(0).commentText()).contains("fine, thanks");
    assertThatThrownBy(() -> SurveyResponse.of("r", "c", 11, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    assertThatThrownBy(() -> SurveyResponse.of(null, "c", 1, T0))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("id");
  }
}
