package org.npskit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(new HistoryUnavailableException("load", null))
        .hasMessage("contact history unavailable during load")
        .hasNoCause();
    IOException cause = new IOException("connection reset");
    assertThat(new HistoryUnavailableException("commit", cause))
        .hasMessage("contact history unavailable during commit: java.io.IOException: connection reset")
        .hasCause(cause);
    assertThat(new HistoryUnavailableException("commit", cause).operation()).isEqualTo("commit");
  }
}
