package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 30-second example of the README (nps-core section), compiled and checked. */
class QuickStartExampleTest {
  @Test
  void theReadmeExampleWorksAsDocumented() {
    List<SurveyResponse> responses =
        List.of(
            new SurveyResponse("r1", "c1", 3, Instant.parse("2026-01-03T10:00:00Z"), Map.of("channel", "web"), ""),
            new SurveyResponse("r2", "c2", 7, Instant.parse("2026-01-09T10:00:00Z"), Map.of("channel", "store"), ""),
            new SurveyResponse("r3", "c3", 8, Instant.parse("2026-02-01T09:30:00Z"), Map.of("channel", "web"), ""),
            new SurveyResponse("r4", "c4", 9, Instant.parse("2026-02-11T16:00:00Z"), Map.of("channel", "store"), ""),
            new SurveyResponse("r5", "c5", 10, Instant.parse("2026-02-20T08:00:00Z"), Map.of("channel", "web"), ""),
            new SurveyResponse("r6", "c6", 10, Instant.parse("2026-03-02T12:00:00Z"), Map.of("channel", "web"), "great"));

    NpsResult result = responses.stream().collect(Nps.collector(SurveyResponse::score)).toResult();
    assertThat(result.nps()).isCloseTo(33.333333333333336, within(1e-12));
    assertThat(result.standardError()).isCloseTo(30.429030972509224, within(1e-12));
    assertThat(result.interval(0.95).low()).isCloseTo(-26.743, within(1e-3));
    assertThat(result.interval(0.95, IntervalMethod.TANGO_SCORE).high()).isCloseTo(75.396, within(1e-3));

    NpsResult lastYear = NpsTally.ofCategories(15, 25, 60).toResult();
    Comparison c = result.differenceFrom(lastYear);
    assertThat(c.method()).isEqualTo(IntervalMethod.ADJUSTED_WALD);
    assertThat(c.difference()).isCloseTo(-11.667, within(1e-3));
    assertThat(c.pValue()).isCloseTo(0.410, within(1e-3));

    assertThat(SampleSize.forMarginOfError(5.0, 0.95).wald()).isEqualTo(1537);

    Breakdown<LocalDate> byMonth =
        Breakdowns.byPeriod(
            responses, SurveyResponse::answeredAt, SurveyResponse::score, TimeBucket.MONTH,
            ZoneId.of("Europe/Amsterdam"));
    assertThat(byMonth.cellsBelow(30)).hasSize(3);

    NpsAccumulator fast = NpsAccumulator.create();
    fast.addAll(new byte[] {10, 9, 7, 0, 10});
    assertThat(fast.tally().toResult().nps()).isCloseTo(40.0, within(1e-12));
  }
}
