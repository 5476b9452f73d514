package org.npskit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SPI value types a store implementation reads. */
class SpiValueTypesTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

  @Test
  void aQueryCoversItsClosedRange() {
    HistoryQuery q = new HistoryQuery("C1", null, "O1", FROM, TO);
    assertThat(q.covers(FROM)).isTrue();
    assertThat(q.covers(TO)).isTrue();
    assertThat(q.covers(Instant.parse("2026-01-15T00:00:00Z"))).isTrue();
    assertThat(q.covers(FROM.minusNanos(1))).isFalse();
    assertThat(q.covers(TO.plusNanos(1))).isFalse();
    assertThatThrownBy(() -> q.covers(null))
        .isInstanceOf(NullPointerException.class).hasMessage("instant");
  }

  @Test
  void accountsAreOptional() {
    assertThat(new HistoryQuery("C1", "A1", "O1", FROM, TO).account()).contains("A1");
    assertThat(new HistoryQuery("C1", null, "O1", FROM, TO).account()).isEmpty();
    assertThat(new SurveyRecord("O1", "C1", "A1", "TV-1", FROM).account()).contains("A1");
    assertThat(new SurveyRecord("O1", "C1", null, "TV-1", FROM).account()).isEmpty();
  }

  @Test
  void unavailableNamesTheOperationAndTheCauseWhenThereIsOne() {
    assertThat(new HistoryUnavailableException(StoreOperation.LOAD, null))
        .hasMessage("contact history unavailable during load")
        .hasNoCause();
    IOException cause = new IOException("connection reset");
    assertThat(new HistoryUnavailableException(StoreOperation.COMMIT, cause))
        .hasMessage(
            "contact history unavailable during commit: java.io.IOException: connection reset")
        .hasCause(cause);
    assertThat(new HistoryUnavailableException(StoreOperation.COMMIT, cause).operation())
        .isEqualTo(StoreOperation.COMMIT);
  }

  @Test
  void everyOperationReadsAsTheMethodThatFailed() {
    assertThat(StoreOperation.values())
        .extracting(StoreOperation::toString)
        .containsExactly("load", "commit", "cancel", "recordResponse", "setOptedOut", "purge",
            "eraseCustomer", "createSchema", "installedSchemaVersion");
  }

  @Test
  void aSurveyRequestCarriesTheSnapshotVersionsAndASkipNone() {
    SurveyRecord survey = new SurveyRecord("O1", "C1", "A1", "TV-1", FROM);
    HistorySnapshot snapshot =
        new HistorySnapshot(false, false, java.util.List.of(), java.util.List.of(),
            java.util.List.of(), 7L, 9L);
    CommitRequest request = CommitRequest.survey(survey, snapshot);
    assertThat(request.isSurvey()).isTrue();
    assertThat(request.surveyRecord()).contains(survey);
    assertThat(request.expectedCustomerVersion()).isEqualTo(7L);
    assertThat(request.expectedAccountVersion()).isEqualTo(9L);
    CommitRequest skip = CommitRequest.skip("O2", "C1", null, FROM);
    assertThat(skip.isSurvey()).isFalse();
    assertThat(skip.surveyRecord()).isEmpty();
    assertThatThrownBy(() -> new CommitRequest("O2", "C1", null, FROM, null, 1L, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a skip carries no versions, was expectedCustomerVersion=1"
            + " expectedAccountVersion=0");
    assertThatThrownBy(() -> new CommitRequest("O2", "C1", null, FROM, survey, 0L, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("survey must match the commit's order");
  }

  @Test
  void aSnapshotSaysWhatIsRecordedForADecidedOrderOnly() {
    DecidedOrder recorded = new DecidedOrder(true, FROM);
    HistorySnapshot decided = new HistorySnapshot(true, false, java.util.List.of(),
        java.util.List.of(), java.util.List.of(), 1L, 0L, recorded);
    assertThat(decided.recordedDecision()).contains(recorded);
    HistorySnapshot older = new HistorySnapshot(true, false, java.util.List.of(),
        java.util.List.of(), java.util.List.of(), 1L, 0L);
    assertThat(older.decidedOrder()).isNull();
    assertThat(older.recordedDecision()).isEmpty();
    assertThatThrownBy(() -> new HistorySnapshot(false, false, java.util.List.of(),
        java.util.List.of(), java.util.List.of(), 1L, 0L, recorded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decidedOrder must be null for an order that is not decided, was "
            + "DecidedOrder[survey=true, decidedAt=2026-01-01T00:00:00Z]");
    assertThatThrownBy(() -> new DecidedOrder(false, null))
        .isInstanceOf(NullPointerException.class).hasMessage("decidedAt");
  }
}
