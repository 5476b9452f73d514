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
        .hasMessage("a skip carries no account version, and a customer version only when"
            + " version-checked, was expectedCustomerVersion=1 expectedAccountVersion=0"
            + " versionChecked=false");
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

  @Test
  void aRelationshipSurveyHasNoSkuAndATransactionalOneNeedsOne() {
    SurveyRecord relationship = SurveyRecord.relationship("O1", "C1", "A1", FROM);
    assertThat(relationship.kind()).isEqualTo(SurveyKind.RELATIONSHIP);
    assertThat(relationship.sku()).isNull();
    assertThat(relationship.subjectSku()).isEmpty();
    SurveyRecord transactional = new SurveyRecord("O1", "C1", "A1", "TV-1", FROM);
    assertThat(transactional.kind()).isEqualTo(SurveyKind.TRANSACTIONAL);
    assertThat(transactional.subjectSku()).contains("TV-1");
    assertThat(transactional).isNotEqualTo(relationship);
    assertThatThrownBy(() -> new SurveyRecord("O1", "C1", null, null, FROM))
        .isInstanceOf(NullPointerException.class).hasMessage("sku");
    assertThatThrownBy(
            () -> new SurveyRecord("O1", "C1", null, "TV-1", FROM, SurveyKind.RELATIONSHIP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sku must be null for a RELATIONSHIP survey, was 'TV-1'");
    assertThatThrownBy(() -> new SurveyRecord("O1", "C1", null, "TV-1", FROM, null))
        .isInstanceOf(NullPointerException.class).hasMessage("kind");
  }

  @Test
  void aQueryAsksForDecidedOrdersFromAnInstantInsideItsRange() {
    assertThat(new HistoryQuery("C1", null, "O1", FROM, TO).decidedOrdersFrom()).isEmpty();
    assertThat(new HistoryQuery("C1", null, "O1", FROM, TO, TO).decidedOrdersFrom()).contains(TO);
    assertThat(new HistoryQuery("C1", null, "O1", FROM, TO, FROM).ordersFrom()).isEqualTo(FROM);
    assertThatThrownBy(() -> new HistoryQuery("C1", null, "O1", FROM, TO, FROM.minusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ordersFrom must lie in [from=2026-01-01T00:00:00Z, to=2026-02-01T00:00:00Z],"
            + " was 2025-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> new HistoryQuery("C1", null, "O1", FROM, TO, TO.plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ordersFrom must lie in");
  }

  @Test
  void aSnapshotKeepsTheCustomersDecidedOrdersAndTheShorterFormsHaveNone() {
    java.util.List<Instant> orders = new java.util.ArrayList<>(java.util.List.of(FROM, TO));
    HistorySnapshot s = new HistorySnapshot(false, false, java.util.List.of(),
        java.util.List.of(), java.util.List.of(), 1L, 0L, null, orders);
    orders.clear();
    assertThat(s.customerOrders()).containsExactly(FROM, TO);
    assertThat(new HistorySnapshot(false, false, java.util.List.of(), java.util.List.of(),
        java.util.List.of(), 1L, 0L, null).customerOrders()).isEmpty();
    assertThat(new HistorySnapshot(false, false, java.util.List.of(), java.util.List.of(),
        java.util.List.of(), 1L, 0L).customerOrders()).isEmpty();
    assertThat(HistorySnapshot.empty().customerOrders()).isEmpty();
    assertThatThrownBy(() -> new HistorySnapshot(false, false, java.util.List.of(),
        java.util.List.of(), java.util.List.of(), 1L, 0L, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("customerOrders");
  }

  @Test
  void aVersionCheckedSkipCarriesTheCustomerVersionOnly() {
    HistorySnapshot snapshot = new HistorySnapshot(false, false, java.util.List.of(),
        java.util.List.of(), java.util.List.of(), 7L, 9L);
    CommitRequest checked = CommitRequest.skip("O2", "C1", "A1", FROM, snapshot);
    assertThat(checked.isSurvey()).isFalse();
    assertThat(checked.versionChecked()).isTrue();
    assertThat(checked.expectedCustomerVersion()).isEqualTo(7L);
    assertThat(checked.expectedAccountVersion()).isZero();
    assertThat(CommitRequest.skip("O2", "C1", "A1", FROM).versionChecked()).isFalse();
    assertThat(CommitRequest.survey(new SurveyRecord("O1", "C1", null, "TV-1", FROM), snapshot)
        .versionChecked()).isTrue();
    assertThat(new CommitRequest("O2", "C1", null, FROM, null, 0L, 0L).versionChecked())
        .isFalse();
    assertThatThrownBy(() -> new CommitRequest("O2", "C1", null, FROM, null, 7L, 9L, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a skip carries no account version");
    SurveyRecord survey = new SurveyRecord("O1", "C1", null, "TV-1", FROM);
    assertThatThrownBy(() -> new CommitRequest("O1", "C1", null, FROM, survey, 7L, 0L, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a survey is always version-checked");
  }
}
