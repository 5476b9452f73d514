package org.npskit.examples;

import java.time.*;
import java.util.*;
import org.npskit.core.*;

/**
 * The nps-core README example ("30-second example"), compiled and run as a test. The body of
 * {@link #run()} is exactly the README snippet.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuickStartCore {

  private QuickStartCore() {}

  /**
   * Runs the README snippet: prints the monthly breakdown to standard output.
   *
   * @return the tally of the six example responses
   */
  public static NpsResult run() {
    List<SurveyResponse> responses = List.of(
        new SurveyResponse("r1", "c1", 3, Instant.parse("2026-01-03T10:00:00Z"), Map.of("channel", "web"), ""),
        new SurveyResponse("r2", "c2", 7, Instant.parse("2026-01-09T10:00:00Z"), Map.of("channel", "store"), ""),
        new SurveyResponse("r3", "c3", 8, Instant.parse("2026-02-01T09:30:00Z"), Map.of("channel", "web"), ""),
        new SurveyResponse("r4", "c4", 9, Instant.parse("2026-02-11T16:00:00Z"), Map.of("channel", "store"), ""),
        new SurveyResponse("r5", "c5", 10, Instant.parse("2026-02-20T08:00:00Z"), Map.of("channel", "web"), ""),
        new SurveyResponse("r6", "c6", 10, Instant.parse("2026-03-02T12:00:00Z"), Map.of("channel", "web"), "great"));

    NpsResult result = responses.stream().collect(Nps.collector(SurveyResponse::score)).toResult();
    result.nps();                                        // 33.333333333333336
    result.standardError();                              // 30.429030972509224
    result.interval(0.95);                               // adjusted Wald (default): [-26.743, 71.188]
    result.interval(0.95, IntervalMethod.TANGO_SCORE);   // [-31.107, 75.396]

    NpsResult lastYear = NpsTally.ofCategories(15, 25, 60).toResult();
    Comparison c = result.differenceFrom(lastYear);      // adjusted Wald (default), signed A - B
    c.difference();                                      // -11.667
    c.pValue();                                          // 0.410

    SampleSize.forMarginOfError(5.0, 0.95).wald();       // 1537

    Breakdown<LocalDate> byMonth = Breakdowns.byPeriod(responses, SurveyResponse::answeredAt,
        SurveyResponse::score, TimeBucket.MONTH, ZoneId.of("Europe/Amsterdam"));
    for (Breakdown.Cell<LocalDate> cell : byMonth.cells()) {
      System.out.println(cell.key() + " n=" + cell.tally().n()
          + (cell.belowMinimumSample(30) ? " (too few)" : "")
          + " nps=" + cell.result().map(NpsResult::nps).orElseThrow());
    }

    NpsAccumulator fast = NpsAccumulator.create();       // mutable, not thread-safe
    fast.addAll(new byte[] {10, 9, 7, 0, 10});           // bulk add, validated, atomic
    fast.tally().toResult().nps();                       // 40.0
    return result;
  }
}
