package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.npskit.policy.Fixtures;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Events arrive out of order, yet a snapshot lists surveys and responses ordered by time (the
 * {@link HistorySnapshot} contract) and every survey keeps the account its purchase carried.
 */
class SnapshotOrderTest {
  private static final Instant T0 = Fixtures.T0;

  static Stream<Arguments> stores() {
    Supplier<ContactHistory> memory = () -> InMemoryContactHistory.withRetention(Duration.ofDays(400));
    Supplier<ContactHistory> h2 =
        () -> {
          JdbcContactHistory store =
              JdbcContactHistory.builder(H2ContactHistoryTest.freshH2()).build();
          store.createSchema();
          return store;
        };
    return Stream.of(Arguments.of("in memory", memory), Arguments.of("H2", h2));
  }

  private static HistorySnapshot load(ContactHistory store, String order) {
    return store.load(
        new HistoryQuery("C1", "A1", order, T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(30))));
  }

  private static void survey(ContactHistory store, String order, String account, Instant at) {
    HistorySnapshot snapshot = load(store, order);
    assertThat(store.commit(CommitRequest.survey(
        new SurveyRecord(order, "C1", account, "SKU-" + order, at), snapshot))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void surveysAndResponsesComeBackInTimeOrderWithTheirAccounts(
      String name, Supplier<ContactHistory> factory) {
    ContactHistory store = factory.get();
    survey(store, "O3", "A1", T0.plus(Duration.ofDays(3)));
    survey(store, "O1", null, T0.plus(Duration.ofDays(1)));
    survey(store, "O2", "A1", T0.plus(Duration.ofDays(2)));
    survey(store, "O0", "A1", T0);
    store.recordResponse("C1", T0.plus(Duration.ofHours(50)));
    store.recordResponse("C1", T0.plus(Duration.ofHours(5)));
    store.recordResponse("C1", T0.plus(Duration.ofHours(20)));

    HistorySnapshot s = load(store, "NEW");

    assertThat(s.customerSurveys()).extracting(SurveyRecord::orderId)
        .containsExactly("O0", "O1", "O2", "O3");
    assertThat(s.customerSurveys()).extracting(r -> r.account().orElse("-"))
        .containsExactly("A1", "-", "A1", "A1");
    assertThat(s.accountSurveys()).extracting(SurveyRecord::orderId)
        .containsExactly("O0", "O2", "O3");
    assertThat(s.customerResponses())
        .isEqualTo(List.of(T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(20)),
            T0.plus(Duration.ofHours(50))));
  }
}
