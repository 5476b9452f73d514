package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Outcome;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The shipped Flyway migration is the library's DDL for the default prefix, and it works. */
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
  void flywayAppliesItAndTheStarterUsesTheTablesWithoutCreatingThem() {
    JdbcDataSource dataSource = NpskitAutoConfigurationTest.h2Memory();
    Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION)
        .load().migrate();
    JdbcContactHistory probe = JdbcContactHistory.builder(dataSource).build();
    assertThat(probe.installedSchemaVersion()).hasValue(1);
    probe.createSchema(); // a later createSchema() on the migrated schema changes nothing
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(NpskitAutoConfiguration.class))
        .withBean(javax.sql.DataSource.class, () -> dataSource)
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
