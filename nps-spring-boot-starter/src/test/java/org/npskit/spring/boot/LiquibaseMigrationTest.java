package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.jupiter.api.Test;
import org.npskit.policy.jdbc.JdbcContactHistory;

/**
 * The Liquibase change log of docs/spring-boot.md (a {@code sqlFile} change set on the starter's
 * migration) creates the schema the starter uses, on H2 and on PostgreSQL; applied again, it
 * changes nothing.
 */
class LiquibaseMigrationTest {

  static final String CHANGE_LOG = "db/changelog/db.changelog-master.yaml";

  @Test
  void theChangeLogOfTheGuideIsTheOneTested() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "spring-boot.md"));
    Matcher block = Pattern.compile("(?s)```yaml\n(databaseChangeLog:.*?)```").matcher(guide);
    assertThat(block.find()).isTrue();
    String tested;
    try (InputStream in = getClass().getResourceAsStream("/" + CHANGE_LOG)) {
      assertThat(in).isNotNull();
      tested = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(block.group(1)).isEqualTo(tested);
  }

  @Test
  void liquibaseAppliesItOnH2() throws Exception {
    appliedTwiceItRunsOnceAndTheStarterUsesIt(NpskitAutoConfigurationTest.h2Memory());
  }

  @Test
  void liquibaseAppliesItOnPostgresql() throws Exception {
    appliedTwiceItRunsOnceAndTheStarterUsesIt(EmbeddedPostgresServer.newDatabase());
  }

  private static void appliedTwiceItRunsOnceAndTheStarterUsesIt(DataSource dataSource)
      throws Exception {
    update(dataSource);
    update(dataSource);
    assertThat(changeSetsRun(dataSource)).isEqualTo(JdbcContactHistory.SCHEMA_VERSION);
    FlywayMigrationTest.theStarterDecidesOnTheMigratedTables(dataSource);
  }

  private static long changeSetsRun(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*) FROM databasechangelog WHERE id LIKE 'npskit-schema-%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {@code liquibase update} with the change log from the class path; no analytics, warnings only. */
  private static void update(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(c));
      Map<String, Object> scope = Map.of(
          Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(),
          Scope.Attr.ui.name(), new LoggerUIService(),
          "liquibase.analytics.enabled", false,
          "liquibase.logLevel", "WARNING");
      Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
          .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGE_LOG)
          .execute());
    }
  }
}
