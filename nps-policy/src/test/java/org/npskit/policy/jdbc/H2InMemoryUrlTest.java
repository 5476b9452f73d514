package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Fixtures;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * {@code jdbc:h2:mem:NAME} without {@code DB_CLOSE_DELAY}: the database lives as long as its last
 * connection. createSchema runs on one connection, so it succeeds (it failed with "Table
 * NPSKIT_DECISION not found" when each statement had its own); a later call on a database that
 * was dropped meanwhile says what to do.
 */
class H2InMemoryUrlTest {
  private static final Instant T0 = Fixtures.T0;

  @Test
  void createSchemaSucceedsOnADatabaseThatLivesAsLongAsItsConnection() {
    JdbcContactHistory store = JdbcContactHistory.builder(
        new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID())).build();

    store.createSchema();

    assertThatThrownBy(() -> store.load(new HistoryQuery("C1", null, "O1", T0, T0)))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("npskit's tables do not exist: call JdbcContactHistory.createSchema()"
            + " or apply the schema migration first; an in-memory H2 database also needs"
            + " DB_CLOSE_DELAY=-1")
        .cause().hasMessageContaining("NPSKIT_");
  }

  @Test
  void withDbCloseDelayTheSchemaStays() {
    JdbcContactHistory store = JdbcContactHistory.builder(
        new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")).build();
    store.createSchema();
    assertThat(store.load(new HistoryQuery("C1", null, "O1", T0, T0)).orderDecided()).isFalse();
  }
}
