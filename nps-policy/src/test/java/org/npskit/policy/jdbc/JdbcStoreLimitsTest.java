package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Fixtures;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The documented limits of the JDBC store on H2: every stored id is checked against the column
 * width before any SQL, naming the field and its length, and the builder's ranges are inclusive.
 */
class JdbcStoreLimitsTest {
  private static final Instant T0 = Fixtures.T0;
  private static final String LONG = "y".repeat(JdbcContactHistory.MAX_ID_LENGTH + 1);

  private final JdbcContactHistory store =
      JdbcContactHistory.builder(H2ContactHistoryTest.freshH2()).build();

  private static String tooLong(String field) {
    // an over-long id is quoted by its first 40 characters only
    return field + " must be at most 255 characters, was 256 characters: '"
        + LONG.substring(0, 40) + "...'";
  }

  private CommitRequest survey(String order, String customer, String account, String sku) {
    HistorySnapshot empty =
        store.load(new HistoryQuery("C1", null, "O0", T0.minusSeconds(60), T0.plusSeconds(60)));
    return CommitRequest.survey(new SurveyRecord(order, customer, account, sku, T0), empty);
  }

  @Test
  void everyIdOfACommitIsCheckedAndNamed() {
    store.createSchema();
    assertThatThrownBy(() -> store.commit(survey(LONG, "C1", null, "SKU")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("orderId"));
    assertThatThrownBy(() -> store.commit(survey("O1", LONG, null, "SKU")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("customerId"));
    assertThatThrownBy(() -> store.commit(survey("O1", "C1", LONG, "SKU")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("accountId"));
    assertThatThrownBy(() -> store.commit(survey("O1", "C1", "A1", LONG)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("sku"));
    assertThatThrownBy(() -> store.commit(CommitRequest.skip("O1", "C1", LONG, T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("accountId"));
    assertThatThrownBy(() -> store.recordResponse(LONG, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("customerId"));
    // nothing reached the database
    assertThat(store.load(new HistoryQuery("C1", "A1", "O1", T0.minusSeconds(60),
        T0.plusSeconds(60))).orderDecided()).isFalse();
  }

  @Test
  void builderRangesIncludeTheirEnds() {
    JdbcContactHistory.Builder b = JdbcContactHistory.builder(H2ContactHistoryTest.freshH2());
    assertThat(b.queryTimeout(Duration.ofSeconds(1)).build().queryTimeout())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(b.queryTimeout(Duration.ofHours(1)).build().queryTimeout())
        .isEqualTo(Duration.ofHours(1));
    b.purgeBatchSize(1).build().createSchema();
    b.purgeBatchSize(1_000_000);
    assertThatThrownBy(() -> b.purgeBatchSize(1_000_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("purgeBatchSize must be between 1 and 1000000, was 1000001");
  }
}
