package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerCustomerTest {
  /** A response type of the user's own, not {@link SurveyResponse}. */
  record Answer(String id, String customer, LocalDate day, int score) {}

  private static final List<Answer> ANSWERS =
      List.of(
          new Answer("a1", "K-1", LocalDate.parse("2026-01-05"), 3),
          new Answer("a2", "K-2", LocalDate.parse("2026-01-06"), 9),
          new Answer("a3", "K-1", LocalDate.parse("2026-02-01"), 10),
          new Answer("a4", "K-3", LocalDate.parse("2026-02-03"), 7),
          new Answer("a5", "K-2", LocalDate.parse("2026-01-02"), 0),
          new Answer("a6", "K-3", LocalDate.parse("2026-02-03"), 8),
          new Answer("a7", "K-1", LocalDate.parse("2026-01-20"), 6));

  @Test
  void keepsEachCustomersLatestAnswerInInputOrder() {
    // K-1: a3 (1 Feb) beats a1 and the later-listed but earlier-dated a7; K-2: a2 (6 Jan) beats
    // a5 (2 Jan); K-3: a4 and a6 tie on 3 Feb, so the later one in the list, a6, is kept.
    List<Answer> kept = PerCustomer.latest(ANSWERS, Answer::customer, Answer::day);
    assertThat(kept).extracting(Answer::id).containsExactly("a2", "a3", "a6");
  }

  @Test
  void withoutTimesTheLastAnswerOfEachCustomerIsKept() {
    assertThat(PerCustomer.last(ANSWERS, Answer::customer))
        .extracting(Answer::id)
        .containsExactly("a5", "a6", "a7");
  }

  @Test
  void anEmptyCollectionGivesAnEmptyList() {
    assertThat(PerCustomer.latest(List.<Answer>of(), Answer::customer, Answer::day)).isEmpty();
    assertThat(PerCustomer.last(List.<Answer>of(), Answer::customer)).isEmpty();
  }

  @Test
  void theResultIsUnmodifiable() {
    List<Answer> kept = PerCustomer.latest(ANSWERS, Answer::customer, Answer::day);
    assertThatThrownBy(() -> kept.add(ANSWERS.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullsNamingTheirPosition() {
    List<Answer> withNull = Arrays.asList(ANSWERS.get(0), null);
    assertThatThrownBy(() -> PerCustomer.latest(withNull, Answer::customer, Answer::day))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("index 1");
    List<Answer> noCustomer = List.of(ANSWERS.get(0), new Answer("x", null, LocalDate.EPOCH, 5));
    assertThatThrownBy(() -> PerCustomer.last(noCustomer, Answer::customer))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("customer id")
        .hasMessageContaining("index 1");
    List<Answer> noDay = List.of(new Answer("x", "K-9", null, 5));
    assertThatThrownBy(() -> PerCustomer.latest(noDay, Answer::customer, Answer::day))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("time")
        .hasMessageContaining("index 0");
    assertThatThrownBy(() -> PerCustomer.latest(null, Answer::customer, Answer::day))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("responses");
    assertThatThrownBy(() -> PerCustomer.latest(ANSWERS, null, Answer::day))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("customerId");
    assertThatThrownBy(() -> PerCustomer.latest(ANSWERS, Answer::customer, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("answeredAt");
  }

  @Test
  void reproducesTheContractReportWithOneAnswerPerCustomer() throws IOException {
    // ../shared/contract/v2/stats/shop.csv (a copy in the test resources) and
    // report-shop-latest-per-customer.args.json: 90 responses read, 48 kept, each channel
    // against the rest by adjusted Wald with Holm.
    List<SurveyResponse> all = readShop();
    List<SurveyResponse> kept =
        PerCustomer.latest(all, SurveyResponse::customerId, SurveyResponse::answeredAt);
    assertThat(all).hasSize(90);
    assertThat(kept).hasSize(48);
    Breakdown<String> byChannel =
        Breakdowns.byKey(kept, r -> r.attribute("channel").orElseThrow(), SurveyResponse::score);
    assertThat(byChannel.cells()).extracting(Breakdown.Cell::key)
        .containsExactly("app", "store", "web");
    assertThat(byChannel.cells()).extracting(cell -> cell.tally().toResult())
        .containsExactly(new NpsResult(3, 5, 11), new NpsResult(0, 2, 13), new NpsResult(5, 2, 7));
    List<Contrast<String>> c =
        Contrasts.againstRest(byChannel, IntervalMethod.ADJUSTED_WALD, PValueAdjustment.HOLM);
    double[][] expected = {
      {-9.618874773139744, 21.219501915241114, -0.4953633538784312, 0.6203436577595349,
        0.6203436577595349},
      {56.36363636363637, 18.66837514227403, 2.380734483088526, 0.017278160734334223,
        0.05183448220300267},
      {-47.47899159663866, 24.0853598492273, -1.868024856429423, 0.061758606353990005,
        0.12351721270798001}
    };
    for (int i = 0; i < 3; i++) {
      Contrast<String> x = c.get(i);
      assertThat(x.comparison().difference()).isCloseTo(expected[i][0], within(1e-9));
      assertThat(x.comparison().standardError()).isCloseTo(expected[i][1], within(1e-9));
      assertThat(x.comparison().z()).isCloseTo(expected[i][2], within(1e-9));
      assertThat(x.pValue()).isCloseTo(expected[i][3], within(1e-9));
      assertThat(x.adjustedPValue()).isCloseTo(expected[i][4], within(1e-9));
      assertThat(x.isSignificant(0.95)).isFalse();
    }
  }

  private static List<SurveyResponse> readShop() throws IOException {
    List<SurveyResponse> out = new ArrayList<>();
    try (InputStream in = PerCustomerTest.class.getResourceAsStream("contract-v2-shop.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).isEqualTo("response_id,customer_id,score,answered_at,channel");
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        out.add(
            new SurveyResponse(
                f[0], f[1], Integer.parseInt(f[2]), Instant.parse(f[3]), Map.of("channel", f[4]),
                ""));
      }
    }
    return out;
  }
}
