package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Which survey commit a store uses: the dialect set on the builder, or else the one detected from
 * the database's product name, once, on the first survey commit; unknown names get the portable
 * commit, and a detection that fails is not kept.
 */
class JdbcDialectChoiceTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private static HistoryQuery query(String customer, String account, String order) {
    return new HistoryQuery(customer, account, order, T0.minusSeconds(3_600), T0.plusSeconds(3_600));
  }

  private static boolean commitSurvey(
      JdbcContactHistory store, String order, String customer, String account) {
    HistorySnapshot snapshot = store.load(query(customer, account, order));
    return store.commit(
        CommitRequest.survey(new SurveyRecord(order, customer, account, "SKU", T0), snapshot));
  }

  /** The survey of a new customer ran as PostgreSQL's one statement. */
  private static boolean ranSingleStatement(WatchedDataSource ds, String prefix) {
    String head = "WITH c AS (" + SqlText.forPrefix(prefix).insertCustomer();
    return ds.prepared().stream().anyMatch(s -> s.startsWith(head));
  }

  /** The survey of a new customer ran as the portable transaction of separate statements. */
  private static boolean ranPortable(WatchedDataSource ds, String prefix) {
    return ds.prepared().contains(SqlText.forPrefix(prefix).insertCustomer());
  }

  private static WatchedDataSource postgres(String productName) {
    return new WatchedDataSource(EmbeddedPostgresHolder.pooledDataSource(), productName);
  }

  private static JdbcContactHistory schemaOn(DataSource ds, String prefix, JdbcDialect dialect) {
    JdbcContactHistory.Builder builder = JdbcContactHistory.builder(ds).tablePrefix(prefix);
    JdbcContactHistory store = (dialect == null ? builder : builder.dialect(dialect)).build();
    store.createSchema();
    return store;
  }

  @ParameterizedTest
  @CsvSource({
    "PostgreSQL, POSTGRESQL",
    "postgresql, POSTGRESQL",
    "POSTGRESQL, POSTGRESQL",
    "H2, PORTABLE",
    "Oracle, PORTABLE",
    "MySQL, PORTABLE",
    "PostgreSQL 14, PORTABLE",
    "Postgres, PORTABLE",
    "'', PORTABLE"
  })
  void theProductNameSelectsTheDialect(String productName, JdbcDialect expected) {
    assertThat(JdbcDialect.ofProductName(productName)).isEqualTo(expected);
  }

  @Test
  void noProductNameSelectsThePortableDialect() {
    assertThat(JdbcDialect.ofProductName(null)).isEqualTo(JdbcDialect.PORTABLE);
  }

  @Test
  void builderRejectsANullDialect() {
    assertThatThrownBy(() -> JdbcContactHistory.builder(H2ContactHistoryTest.freshH2()).dialect(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dialect");
  }

  @Test
  void onH2TheDialectIsDetectedOnceOnTheFirstSurveyAndIsPortable() {
    WatchedDataSource h2 = new WatchedDataSource(H2ContactHistoryTest.freshH2(), null);
    JdbcContactHistory store = JdbcContactHistory.builder(h2).build();
    assertThat(h2.connections()).as("build() borrows no connection").isZero();
    store.createSchema();
    store.load(query("C1", null, "O0"));
    assertThat(store.commit(CommitRequest.skip("O0", "C1", null, T0))).isTrue();
    assertThat(h2.metadataReads()).as("loads and skips need no dialect").isZero();

    assertThat(commitSurvey(store, "O1", "C1", null)).isTrue();
    assertThat(commitSurvey(store, "O2", "C2", "A1")).isTrue();
    assertThat(commitSurvey(store, "O3", "C3", "A1")).isTrue();

    assertThat(h2.metadataReads()).isEqualTo(1);
    assertThat(ranPortable(h2, "npskit_")).isTrue();
    assertThat(h2.prepared()).noneMatch(s -> s.startsWith("WITH"));
  }

  @Test
  void anUnknownProductNameFallsBackToThePortableCommit() {
    WatchedDataSource unknown =
        new WatchedDataSource(H2ContactHistoryTest.freshH2(), "Acme Cloud SQL 7");
    JdbcContactHistory store = schemaOn(unknown, "npskit_", null);

    assertThat(commitSurvey(store, "O1", "C1", "A1")).isTrue();

    assertThat(unknown.metadataReads()).isEqualTo(1);
    assertThat(ranPortable(unknown, "npskit_")).isTrue();
    assertThat(store.load(query("C1", "A1", "O1")).customerSurveys()).hasSize(1);
  }

  @Test
  void onPostgresTheDetectedDialectIsTheSingleStatement() {
    WatchedDataSource pg = postgres(null);
    String prefix = EmbeddedPostgresHolder.freshPrefix("detect");
    JdbcContactHistory store = schemaOn(pg, prefix, null);

    assertThat(commitSurvey(store, "O1", "C1", null)).isTrue();
    assertThat(commitSurvey(store, "O2", "C2", "A1")).isTrue();
    assertThat(commitSurvey(store, "O3", "C3", "A1")).isTrue();

    assertThat(pg.metadataReads()).isEqualTo(1);
    assertThat(ranSingleStatement(pg, prefix)).isTrue();
    assertThat(ranPortable(pg, prefix)).isFalse();
    assertThat(store.load(query("C3", "A1", "x")).accountSurveys()).hasSize(2);
  }

  @Test
  void concurrentFirstSurveyCommitsDetectTheDialectOnce() throws Exception {
    WatchedDataSource pg = postgres(null);
    JdbcContactHistory store = schemaOn(pg, EmbeddedPostgresHolder.freshPrefix("once"), null);
    int threads = 8;
    List<HistorySnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      snapshots.add(store.load(query("C" + i, null, "O" + i)));
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> commits = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        CommitRequest commit =
            CommitRequest.survey(
                new SurveyRecord("O" + i, "C" + i, null, "SKU", T0), snapshots.get(i));
        commits.add(
            executor.submit(
                () -> {
                  start.await();
                  return store.commit(commit);
                }));
      }
      start.countDown();
      for (Future<Boolean> commit : commits) {
        assertThat(commit.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(pg.metadataReads()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void anExplicitDialectIsUsedWithoutAskingTheDatabase(JdbcDialect dialect) {
    WatchedDataSource pg = postgres(null);
    String prefix = EmbeddedPostgresHolder.freshPrefix("explicit");
    JdbcContactHistory store = schemaOn(pg, prefix, dialect);
    HistorySnapshot stale = store.load(query("C1", "A1", "O2"));

    assertThat(commitSurvey(store, "O1", "C1", "A1")).isTrue();
    assertThat(
            store.commit(
                CommitRequest.survey(new SurveyRecord("O2", "C1", "A1", "SKU", T0), stale)))
        .as("a stale snapshot loses")
        .isFalse();

    assertThat(pg.metadataReads()).isZero();
    assertThat(ranSingleStatement(pg, prefix)).isEqualTo(dialect == JdbcDialect.POSTGRESQL);
    assertThat(ranPortable(pg, prefix)).isEqualTo(dialect == JdbcDialect.PORTABLE);
    assertThat(store.load(query("C1", "A1", "O2")).customerSurveys())
        .extracting(SurveyRecord::orderId)
        .containsExactly("O1");
  }

  @Test
  void theDialectOfADatabaseThatIsDownAtFirstIsDetectedOnceItIsBack() {
    FaultyDataSource faulty = new FaultyDataSource(EmbeddedPostgresHolder.pooledDataSource());
    WatchedDataSource pg = new WatchedDataSource(faulty, null);
    String prefix = EmbeddedPostgresHolder.freshPrefix("down");
    schemaOn(pg, prefix, null);
    faulty.goDown();

    JdbcContactHistory store = JdbcContactHistory.builder(pg).tablePrefix(prefix).build();
    HistorySnapshot empty = HistorySnapshot.empty();
    CommitRequest first =
        CommitRequest.survey(new SurveyRecord("O1", "C1", null, "SKU", T0), empty);
    assertThatThrownBy(() -> store.commit(first))
        .isInstanceOf(HistoryUnavailableException.class)
        .satisfies(
            e ->
                assertThat(((HistoryUnavailableException) e).operation())
                    .isEqualTo(StoreOperation.COMMIT));

    faulty.comeBack();
    assertThat(store.commit(first)).isTrue();
    assertThat(pg.metadataReads()).isEqualTo(1);
    assertThat(ranSingleStatement(pg, prefix)).as("not a fallback kept from the outage").isTrue();
  }

  @Test
  void thePostgresDialectOnADatabaseThatDoesNotSpeakItFailsAndWritesNothing() {
    DataSource h2 = H2ContactHistoryTest.freshH2();
    JdbcContactHistory store = schemaOn(h2, "npskit_", JdbcDialect.POSTGRESQL);

    assertThatThrownBy(() -> commitSurvey(store, "O1", "C1", null))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("commit");

    HistorySnapshot after = store.load(query("C1", null, "O1"));
    assertThat(after.orderDecided()).isFalse();
    assertThat(after.customerVersion()).isZero();
  }
}
