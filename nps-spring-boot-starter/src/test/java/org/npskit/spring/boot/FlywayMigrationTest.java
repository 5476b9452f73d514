package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionKind;
import org.npskit.policy.Outcome;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The shipped Flyway migrations are the library's DDL for the default prefix, one per schema
 * version, and they work: on an empty database and on one that Flyway migrated to version 1
 * before (version 2 upgrades it in place, its rows kept); on H2 and on PostgreSQL.
 */
class FlywayMigrationTest {

  static final String LOCATION = "db/migration/npskit";
  static final List<String> MIGRATIONS =
      List.of("V1__npskit_schema.sql", "V2__npskit_relationship_surveys.sql");

  static String versionRow(int version) {
    return "\n-- Records schema version " + version + ", as JdbcContactHistory"
        + ".createSchema() does (this migration is that\n-- DDL for the default prefix \"npskit_\","
        + " for Flyway or Liquibase with initialize-schema=never).\n"
        + "INSERT INTO npskit_schema_version (version, installed_at) VALUES (" + version
        + ", CURRENT_TIMESTAMP);\n";
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = FlywayMigrationTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void eachMigrationIsThatVersionsRenderedDdlPlusItsVersionRow() throws IOException {
    assertThat(MIGRATIONS).hasSize(JdbcContactHistory.SCHEMA_VERSION);
    StringBuilder ddl = new StringBuilder();
    for (int version = 1; version <= JdbcContactHistory.SCHEMA_VERSION; version++) {
      String script = read("/org/npskit/policy/jdbc/schema-v" + version + ".sql")
          .replace("${prefix}", "npskit_");
      assertThat(read("/" + LOCATION + "/" + MIGRATIONS.get(version - 1)))
          .isEqualTo(script + versionRow(version));
      ddl.append(version == 1 ? "" : "\n").append(script);
    }
    assertThat(JdbcContactHistory.builder(NpskitAutoConfigurationTest.h2Memory()).build()
        .schemaDdl()).isEqualTo(ddl.toString());
  }

  @Test
  void flywayAppliesThemAndTheStarterUsesTheTablesWithoutCreatingThem() {
    JdbcDataSource dataSource = NpskitAutoConfigurationTest.h2Memory();
    migrate(dataSource);
    theStarterDecidesOnTheMigratedTables(dataSource);
  }

  @Test
  void flywayAppliesItOnPostgresql() throws SQLException {
    DataSource dataSource = EmbeddedPostgresServer.newDatabase();
    migrate(dataSource);
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
      for (int version = 1; version <= JdbcContactHistory.SCHEMA_VERSION; version++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(String.valueOf(version));
        assertThat(rs.getBoolean(2)).isTrue();
      }
      assertThat(rs.next()).isFalse();
    }
    theStarterDecidesOnTheMigratedTables(dataSource);
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION)
        .load().migrate();
  }

  /**
   * The migrated database holds the latest schema version; a later {@code createSchema()} changes nothing;
   * the starter with {@code initialize-schema=never} decides on it and records the decision.
   */
  static void theStarterDecidesOnTheMigratedTables(DataSource dataSource) {
    JdbcContactHistory probe = JdbcContactHistory.builder(dataSource).build();
    assertThat(probe.installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION);
    probe.createSchema(); // a later createSchema() on the migrated schema changes nothing
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(NpskitAutoConfiguration.class))
        .withBean(DataSource.class, () -> dataSource)
        .withPropertyValues("npskit.store.jdbc.initialize-schema=never")
        .run(context -> {
          SurveyGate gate = context.getBean(SurveyGate.class);
          assertThat(gate.decide(TestPurchases.tv("O-1", "C-1")).outcome())
              .isEqualTo(Outcome.SURVEY);
          assertThat(gate.decide(TestPurchases.tv("O-1", "C-1")).outcome())
              .isEqualTo(Outcome.SKIP);
        });
  }

  @Test
  void theVersion2MigrationUpgradesADatabaseFlywayMigratedToVersion1InPlace() {
    JdbcDataSource dataSource = NpskitAutoConfigurationTest.h2Memory();
    Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION)
        .target("1").load().migrate();
    JdbcContactHistory history = JdbcContactHistory.builder(dataSource).build();
    assertThat(history.installedSchemaVersion()).hasValue(1);
    // A version-1 row, as the version-1 store wrote it.
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO npskit_decision (order_id, customer_id, account_id, decided_at,"
          + " outcome, subject_sku, cancelled) VALUES ('V1-O1', 'C-1', NULL,"
          + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', 'SURVEY', 'TV-1', FALSE)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION)
        .load().migrate();

    assertThat(history.installedSchemaVersion()).hasValue(2);
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(NpskitAutoConfiguration.class))
        .withBean(DataSource.class, () -> dataSource)
        .withPropertyValues("npskit.store.jdbc.initialize-schema=never",
            "nps.policy.customer-cooldown=PT0S", "nps.policy.relationship-trigger=2/P30D")
        .run(context -> {
          SurveyGate gate = context.getBean(SurveyGate.class);
          // The version-1 order counts: the next order of C-1 is its second in 30 days.
          Decision d = gate.decide(TestPurchases.tv("O-2", "C-1"),
              Instant.parse("2026-03-02T10:00:00Z"));
          assertThat(d.kind()).contains(DecisionKind.RELATIONSHIP);
          assertThat(d.isSurvey()).isTrue();
        });
  }
}
