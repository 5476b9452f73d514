package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npskit.policy.Fixtures;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyRecord;

/** Configuration, schema and failure behaviour of the JDBC store, on H2. */
class JdbcContactHistoryTest {
  private static final Instant T0 = Fixtures.T0;

  private final DataSource h2 = H2ContactHistoryTest.freshH2();

  private static HistoryQuery query(String customer, String account, String order) {
    return new HistoryQuery(customer, account, order, T0.minusSeconds(86_400), T0.plusSeconds(86_400));
  }

  private static boolean commitSurvey(
      JdbcContactHistory store, String order, String customer, String account, Instant at) {
    HistorySnapshot snapshot = store.load(query(customer, account, order));
    return store.commit(
        CommitRequest.survey(new SurveyRecord(order, customer, account, "SKU", at), snapshot));
  }

  private static long count(DataSource ds, String table) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void builderRejectsANullDataSource() {
    assertThatThrownBy(() -> JdbcContactHistory.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Npskit_",
        "1abc_",
        "_abc",
        "a-b_",
        "a b",
        "x; DROP TABLE y; --",
        "npskit_\"",
        "schema.table_",
        "abcdefghijabcdefghijabcdefghijabcdefghijk"
      })
  void tablePrefixOutsideThePatternIsRejectedWithItsValue(String prefix) {
    assertThatThrownBy(() -> JdbcContactHistory.builder(h2).tablePrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tablePrefix")
        .hasMessageContaining("'" + prefix + "'")
        .hasMessageContaining(SqlIdentifiers.PREFIX.pattern());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "npskit_", "shop1_nps_", "abcdefghijabcdefghijabcdefghijabcdefghij"})
  void tablePrefixInsideThePatternIsUsedForEveryTable(String prefix) {
    JdbcContactHistory store = JdbcContactHistory.builder(h2).tablePrefix(prefix).build();
    assertThat(store.tablePrefix()).isEqualTo(prefix);
    assertThat(store.schemaDdl())
        .doesNotContain("${prefix}")
        .contains("CREATE TABLE IF NOT EXISTS " + prefix + "decision (")
        .contains("CREATE TABLE IF NOT EXISTS " + prefix + "schema_version (");
  }

  @Test
  void nullTablePrefixIsRejected() {
    assertThatThrownBy(() -> JdbcContactHistory.builder(h2).tablePrefix(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tablePrefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT0.5S", "PT1.5S", "PT1H0.001S", "PT2H", "PT-1S"})
  void queryTimeoutOutOfRangeIsRejectedWithItsValue(String timeout) {
    assertThatThrownBy(
            () -> JdbcContactHistory.builder(h2).queryTimeout(Duration.parse(timeout)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queryTimeout")
        .hasMessageContaining(Duration.parse(timeout).toString());
  }

  @Test
  void queryTimeoutAndDefaultsAreReported() {
    assertThat(JdbcContactHistory.builder(h2).build().queryTimeout())
        .isEqualTo(Duration.ofSeconds(2));
    JdbcContactHistory store =
        JdbcContactHistory.builder(h2).queryTimeout(Duration.ofSeconds(7)).build();
    assertThat(store.queryTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(store.tablePrefix()).isEqualTo(JdbcContactHistory.DEFAULT_TABLE_PREFIX);
    assertThat(store.toString()).contains("npskit_").contains("PT7S");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1_000_001})
  void purgeBatchSizeOutOfRangeIsRejectedWithItsValue(int rows) {
    assertThatThrownBy(() -> JdbcContactHistory.builder(h2).purgeBatchSize(rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("purgeBatchSize")
        .hasMessageContaining(Integer.toString(rows));
  }

  @Test
  void shippedDdlIsTheResourcesOfEveryVersionRenderedForThePrefix() throws Exception {
    String version1 = resource("/org/npskit/policy/jdbc/schema-v1.sql");
    String latest = resource(JdbcContactHistory.SCHEMA_RESOURCE);
    JdbcContactHistory store = JdbcContactHistory.builder(h2).tablePrefix("shop_").build();
    assertThat(store.schemaDdl())
        .isEqualTo((version1 + "\n" + latest).replace("${prefix}", "shop_"));
    assertThat(version1).contains("schema version 1.");
    assertThat(latest).contains("schema version " + JdbcContactHistory.SCHEMA_VERSION + ":");
    assertThat(JdbcContactHistory.SCHEMA_VERSION).isEqualTo(2);
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = JdbcContactHistory.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void createSchemaIsIdempotentAndRecordsTheVersion() throws SQLException {
    JdbcContactHistory store = JdbcContactHistory.builder(h2).build();
    assertThat(store.installedSchemaVersion()).isEqualTo(OptionalInt.empty());

    store.createSchema();
    store.createSchema();

    assertThat(store.installedSchemaVersion())
        .isEqualTo(OptionalInt.of(JdbcContactHistory.SCHEMA_VERSION));
    // One row per applied version: 1 (the tables) and 2 (the survey kind).
    assertThat(count(h2, "npskit_schema_version")).isEqualTo(2);
  }

  @Test
  void twoPrefixesInOneDatabaseAreIndependentStores() {
    JdbcContactHistory a = JdbcContactHistory.builder(h2).tablePrefix("a_").build();
    JdbcContactHistory b = JdbcContactHistory.builder(h2).tablePrefix("b_").build();
    a.createSchema();
    b.createSchema();

    assertThat(commitSurvey(a, "O1", "C1", null, T0)).isTrue();

    assertThat(b.load(query("C1", null, "O1")).orderDecided()).isFalse();
    assertThat(commitSurvey(b, "O1", "C1", null, T0)).isTrue();
  }

  @Test
  void idsLongerThanTheColumnAreRejectedBeforeAnySql() {
    JdbcContactHistory store = JdbcContactHistory.builder(h2).build();
    store.createSchema();
    String longId = "x".repeat(JdbcContactHistory.MAX_ID_LENGTH + 1);

    assertThatThrownBy(() -> store.commit(CommitRequest.skip(longId, "C1", null, T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderId")
        .hasMessageContaining("256");
    assertThatThrownBy(() -> store.setOptedOut(longId, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customerId");
    assertThat(store.commit(CommitRequest.skip("x".repeat(255), "C1", null, T0))).isTrue();
  }

  @Test
  void unreachableDatabaseThrowsHistoryUnavailableNamingTheOperation() {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    JdbcContactHistory store = JdbcContactHistory.builder(faulty).build();
    store.createSchema();
    faulty.goDown();

    assertThatThrownBy(() -> store.load(query("C1", null, "O1")))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasCauseInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((HistoryUnavailableException) e).operation()).isEqualTo(StoreOperation.LOAD))
        .hasMessageContaining("load");
    assertThatThrownBy(() -> store.commit(CommitRequest.skip("O1", "C1", null, T0)))
        .isInstanceOf(HistoryUnavailableException.class)
        .satisfies(
            e -> assertThat(((HistoryUnavailableException) e).operation()).isEqualTo(StoreOperation.COMMIT));
    assertThatThrownBy(() -> store.cancel("O1"))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("cancel");
    assertThatThrownBy(() -> store.recordResponse("C1", T0))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("recordResponse");
    assertThatThrownBy(() -> store.setOptedOut("C1", true))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("setOptedOut");
    assertThatThrownBy(() -> store.purge(T0))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("purge");
    assertThatThrownBy(() -> store.eraseCustomer("C1"))
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("eraseCustomer");
    assertThatThrownBy(store::createSchema)
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("createSchema");

    faulty.comeBack();
    assertThat(store.load(query("C1", null, "O1")).orderDecided()).isFalse();
  }

  @Test
  void aFailureHalfWayThroughACommitLeavesNothingWritten() throws SQLException {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    JdbcContactHistory store = JdbcContactHistory.builder(faulty).build();
    store.createSchema();
    assertThat(commitSurvey(store, "O1", "C1", "A1", T0)).isTrue();
    HistorySnapshot before = store.load(query("C1", "A1", "O2"));

    // The customer and account versions are claimed first; the decision insert then fails.
    faulty.failStatementsContaining("INSERT INTO npskit_decision");
    assertThatThrownBy(
            () ->
                store.commit(
                    CommitRequest.survey(
                        new SurveyRecord("O2", "C1", "A1", "SKU", T0.plusSeconds(1)), before)))
        .isInstanceOf(HistoryUnavailableException.class);
    faulty.comeBack();

    HistorySnapshot after = store.load(query("C1", "A1", "O2"));
    assertThat(after).isEqualTo(before);
    assertThat(count(h2, "npskit_decision")).isEqualTo(1);
    // The rolled-back snapshot is still current: the retried decision commits.
    assertThat(
            store.commit(
                CommitRequest.survey(
                    new SurveyRecord("O2", "C1", "A1", "SKU", T0.plusSeconds(1)), before)))
        .isTrue();
  }

  @Test
  void purgeWorksThroughABacklogInBatchesAndKeepsOptOuts() throws SQLException {
    JdbcContactHistory store = JdbcContactHistory.builder(h2).purgeBatchSize(2).build();
    store.createSchema();
    for (int i = 0; i < 7; i++) {
      assertThat(commitSurvey(store, "O" + i, "C" + i, "A" + (i % 2), T0.minusSeconds(i + 1)))
          .isTrue();
      store.recordResponse("C" + i, T0.minusSeconds(i + 1));
    }
    assertThat(commitSurvey(store, "keep", "C0", "A0", T0)).isTrue();
    store.setOptedOut("C5", true);

    store.purge(T0);

    assertThat(count(h2, "npskit_decision")).isEqualTo(1);
    assertThat(count(h2, "npskit_response")).isZero();
    // C0 still has a decision, C5 an opt-out; the others hold nothing and are gone.
    assertThat(count(h2, "npskit_customer")).isEqualTo(2);
    assertThat(count(h2, "npskit_account")).isEqualTo(1);
    assertThat(store.load(query("C5", null, "X")).optedOut()).isTrue();
  }

  @Test
  void writesAreCommittedEvenWhenThePoolHandsOutConnectionsWithoutAutoCommit() {
    SimpleDataSource manualCommit =
        () -> {
          Connection c = h2.getConnection();
          c.setAutoCommit(false);
          return c;
        };
    JdbcContactHistory store = JdbcContactHistory.builder(manualCommit).build();
    store.createSchema();

    assertThat(store.commit(CommitRequest.skip("O1", "C1", null, T0))).isTrue();
    assertThat(commitSurvey(store, "O2", "C1", null, T0)).isTrue();
    store.setOptedOut("C2", true);

    JdbcContactHistory reader = JdbcContactHistory.builder(h2).build();
    assertThat(reader.installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION);
    assertThat(reader.load(query("C1", null, "O1")).orderDecided()).isTrue();
    assertThat(reader.load(query("C1", null, "O2")).customerSurveys()).hasSize(1);
    assertThat(reader.load(query("C2", null, "x")).optedOut()).isTrue();
  }
}
