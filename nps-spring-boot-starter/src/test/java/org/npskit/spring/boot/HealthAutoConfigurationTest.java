package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HealthAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          NpskitAutoConfiguration.class, NpskitHealthAutoConfiguration.class));

  @Test
  void upWhenTheStoreAnswersARead() {
    runner.run(context -> {
      Health health = context.getBean("npskitHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("store", "InMemoryContactHistory");
    });
  }

  @Test
  void downWithTheErrorWhenTheStoreFails() {
    FlakyHistory history = new FlakyHistory();
    history.down = true;
    runner.withBean(ContactHistory.class, () -> history).run(context -> {
      Health health = context.getBean("npskitHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("error")))
          .contains("HistoryUnavailableException");
      assertThat(history.writes).hasValue(0);
    });
  }

  @Test
  void downOnADatabaseWithoutTheTables() {
    runner.withBean(DataSource.class, NpskitAutoConfigurationTest::h2Memory)
        .withPropertyValues("npskit.store.jdbc.initialize-schema=never")
        .run(context -> {
          Health h = context.getBean("npskitHealthIndicator", HealthIndicator.class).health();
          assertThat(h.getStatus()).isEqualTo(Status.DOWN);
          assertThat(String.valueOf(h.getDetails().get("error")))
              .contains("tables do not exist");
        });
  }

  @Test
  void anUnreachableDatabaseStartsAndIsReportedDown() {
    JdbcDataSource unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
    runner.withBean(DataSource.class, () -> unreachable).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(ContactHistory.class)).isInstanceOf(JdbcContactHistory.class);
      assertThat(context.getBean("npskitHealthIndicator", HealthIndicator.class).health()
          .getStatus()).isEqualTo(Status.DOWN);
    });
  }

  @Test
  void theCheckWritesNothingToTheDatabase() {
    runner.withBean(DataSource.class, NpskitAutoConfigurationTest::h2Memory).run(context -> {
      HealthIndicator indicator = context.getBean("npskitHealthIndicator", HealthIndicator.class);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      try (Connection c = context.getBean(DataSource.class).getConnection();
          Statement st = c.createStatement()) {
        for (String table : new String[] {"customer", "account", "decision", "response"}) {
          try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM npskit_" + table)) {
            rs.next();
            assertThat(rs.getLong(1)).as(table).isZero();
          }
        }
      }
    });
  }

  @Test
  void switchedOffByTheUsualProperty() {
    runner.withPropertyValues("management.health.npskit.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean("npskitHealthIndicator"));
  }

  @Test
  void absentWithoutSpringBootHealth() {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean("npskitHealthIndicator"));
  }

  @Test
  void theApplicationsIndicatorOfTheSameNameReplacesOurs() {
    HealthIndicator own = () -> Health.up().build();
    runner.withBean("npskitHealthIndicator", HealthIndicator.class, () -> own).run(context ->
        assertThat(context.getBean("npskitHealthIndicator")).isSameAs(own));
  }
}
