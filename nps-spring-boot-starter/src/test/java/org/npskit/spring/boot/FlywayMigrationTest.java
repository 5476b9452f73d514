package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Outcome;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The shipped Flyway migration is the library's DDL for the default prefix, and Flyway applies
 * it on H2 and on PostgreSQL for the starter to use.
 */
class FlywayMigrationTest {

  static final String LOCATION = "db/migration/npskit";
  static final String VERSION_ROW = "\n-- Records schema version 1, as JdbcContactHistory"
      + ".createSchema() does (this migration is that\n-- DDL for the default prefix \"npskit_\","
      + " for Flyway or Liquibase with initialize-schema=never).\n"
      + "INSERT INTO npskit_schema_version (version, installed_at) VALUES (1, CURRENT_TIMESTAMP);\n";

  @Test
  void theMigrationIsTheRenderedDdlPlusTheVersionRow() throws IOException {
    String migration;
    try (InputStream in = getClass().getResourceAsStream("/" + LOCATION
        + "/V1__npskit_schema.sql")) {
      assertThat(in).isNotNull();
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String ddl = JdbcContactHistory.builder(NpskitAutoConfigurationTest.h2Memory()).build()
        .schemaDdl();
    assertThat(JdbcContactHistory.SCHEMA_VERSION).isEqualTo(1);
    assertThat(migration).isEqualTo(ddl + VERSION_ROW);
  }

  @Test
  void flywayAppliesItOnH2AndTheStarterUsesTheTablesWithoutCreatingThem() {
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
            "SELECT version, success FROM flyway_schema_history")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
      assertThat(rs.getBoolean(2)).isTrue();
      assertThat(rs.next()).isFalse();
    }
    theStarterDecidesOnTheMigratedTables(dataSource);
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION)
        .load().migrate();
  }

  /**
   * The migrated database holds schema version 1; a later {@code createSchema()} changes nothing;
   * the starter with {@code initialize-schema=never} decides on it and records the decision.
   */
  static void theStarterDecidesOnTheMigratedTables(DataSource dataSource) {
    JdbcContactHistory probe = JdbcContactHistory.builder(dataSource).build();
    assertThat(probe.installedSchemaVersion()).hasValue(1);
    probe.createSchema();
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
}
