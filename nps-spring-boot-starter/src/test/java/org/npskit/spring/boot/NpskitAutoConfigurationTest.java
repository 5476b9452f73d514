package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.Outcome;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

class NpskitAutoConfigurationTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(NpskitAutoConfiguration.class));

  static JdbcDataSource h2Memory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:starter" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  static JdbcDataSource h2File() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:./target/h2/starter" + DATABASES.incrementAndGet()
        + System.nanoTime());
    return ds;
  }

  @Configuration(proxyBeanMethods = false)
  static class OneMemoryDataSource {
    @Bean
    DataSource dataSource() {
      return h2Memory();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OneFileDataSource {
    @Bean
    DataSource dataSource() {
      return h2File();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDataSources {
    @Bean
    DataSource first() {
      return h2Memory();
    }

    @Bean
    DataSource second() {
      return h2Memory();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDataSourcesOnePrimary {
    @Bean
    @Primary
    DataSource first() {
      return h2Memory();
    }

    @Bean
    DataSource second() {
      return h2Memory();
    }
  }

  @Nested
  class StoreSelection {

    @Test
    void withoutDataSourceTheStoreIsInMemoryAndTheGateUsesIt() {
      runner.run(context -> {
        assertThat(context).hasNotFailed();
        assertThat(context).hasSingleBean(SurveyPolicy.class).hasSingleBean(SurveyGate.class);
        assertThat(context.getBean(ContactHistory.class))
            .isInstanceOf(InMemoryContactHistory.class);
        SurveyGate gate = context.getBean(SurveyGate.class);
        assertThat(gate.history()).isSameAs(context.getBean(ContactHistory.class));
        assertThat(gate.decide(TestPurchases.tv("O-1", "C-1")).outcome())
            .isEqualTo(Outcome.SURVEY);
        assertThat(gate.decide(TestPurchases.tv("O-1", "C-1")).outcome())
            .isEqualTo(Outcome.SKIP);
      });
    }

    @Test
    void oneDataSourceGivesTheJdbcStoreWithItsTablesOnAnEmbeddedDatabase() {
      runner.withUserConfiguration(OneMemoryDataSource.class).run(context -> {
        JdbcContactHistory history = (JdbcContactHistory) context.getBean(ContactHistory.class);
        assertThat(history.tablePrefix()).isEqualTo("npskit_");
        assertThat(history.installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION);
        Decision d = context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"));
        assertThat(d.outcome()).isEqualTo(Outcome.SURVEY);
      });
    }

    @Test
    void twoDataSourcesWithoutPrimaryFallBackToMemory() {
      runner.withUserConfiguration(TwoDataSources.class).run(context ->
          assertThat(context.getBean(ContactHistory.class))
              .isInstanceOf(InMemoryContactHistory.class));
    }

    @Test
    void twoDataSourcesWithAPrimaryUseThePrimary() {
      runner.withUserConfiguration(TwoDataSourcesOnePrimary.class).run(context -> {
        assertThat(context.getBean(ContactHistory.class)).isInstanceOf(JdbcContactHistory.class);
        DataSource primary = context.getBean("first", DataSource.class);
        assertThat(JdbcContactHistory.builder(primary).build().installedSchemaVersion())
            .hasValue(JdbcContactHistory.SCHEMA_VERSION);
        DataSource second = context.getBean("second", DataSource.class);
        assertThat(JdbcContactHistory.builder(second).build().installedSchemaVersion())
            .isEmpty();
      });
    }

    @Test
    void typeMemoryIgnoresTheDataSource() {
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withPropertyValues("npskit.store.type=memory")
          .run(context -> assertThat(context.getBean(ContactHistory.class))
              .isInstanceOf(InMemoryContactHistory.class));
    }

    @Test
    void typeJdbcWithoutDataSourceFailsNamingTheSetting() {
      runner.withPropertyValues("npskit.store.type=jdbc").run(context ->
          assertThat(context).getFailure().rootCause()
              .hasMessageContaining("npskit.store.type=jdbc")
              .hasMessageContaining("found 0"));
    }

    @Test
    void typeJdbcWithTwoDataSourcesFailsNamingTheCount() {
      runner.withUserConfiguration(TwoDataSources.class)
          .withPropertyValues("npskit.store.type=jdbc").run(context ->
              assertThat(context).getFailure().rootCause().hasMessageContaining("found 2"));
    }

    @Test
    void anUnknownTypeFailsNamingKeyAndValue() {
      runner.withPropertyValues("npskit.store.type=redis").run(context ->
          assertThat(context).getFailure()
              .hasStackTraceContaining("npskit.store.type")
              .hasStackTraceContaining("redis"));
    }

    @Test
    void tablePrefixIsPassedToTheStore() {
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withPropertyValues("npskit.store.jdbc.table-prefix=shop_nps_")
          .run(context -> {
            JdbcContactHistory history =
                (JdbcContactHistory) context.getBean(ContactHistory.class);
            assertThat(history.tablePrefix()).isEqualTo("shop_nps_");
            assertThat(history.installedSchemaVersion())
                .hasValue(JdbcContactHistory.SCHEMA_VERSION);
          });
    }

    @Test
    void anInvalidTablePrefixFailsStartUpNamingIt() {
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withPropertyValues("npskit.store.jdbc.table-prefix=drop table;")
          .run(context -> assertThat(context).getFailure().rootCause()
              .hasMessageContaining("drop table;"));
    }

    @Test
    void memoryRetentionIsTheConfiguredOne() {
      runner.withPropertyValues("npskit.store.memory.retention=P7D")
          .withBean(Clock.class, NpskitAutoConfigurationTest::yearLater)
          .run(context -> assertThat(decidedOrdersAfterEightDays(context)).isEqualTo(1));
    }

    @Test
    void memoryRetentionDefaultsToTwiceTheLongestWindow() {
      // default policy: the longest window is the customer cooldown P90D, so 180 days
      runner.withBean(Clock.class, NpskitAutoConfigurationTest::yearLater)
          .run(context -> assertThat(decidedOrdersAfterEightDays(context)).isEqualTo(2));
    }

    private int decidedOrdersAfterEightDays(ApplicationContext context) {
      SurveyGate gate = context.getBean(SurveyGate.class);
      gate.decide(TestPurchases.tv("O-1", "C-1"), TestPurchases.T0);
      // the newest decision time moves on by more than a 7-day retention: the store sweeps
      gate.decide(TestPurchases.tv("O-2", "C-2"), TestPurchases.T0.plus(Duration.ofDays(8)));
      return ((InMemoryContactHistory) context.getBean(ContactHistory.class)).decidedOrders();
    }
  }

  static Clock yearLater() {
    return Clock.fixed(TestPurchases.T0.plus(Duration.ofDays(365)), ZoneOffset.UTC);
  }

  @Nested
  class InitializeSchema {

    @Test
    void embeddedCreatesTheTablesOnAnInMemoryDatabase() {
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withPropertyValues("npskit.store.jdbc.initialize-schema=embedded")
          .run(context -> assertThat(jdbc(context.getBean(ContactHistory.class))
              .installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION));
    }

    @Test
    void embeddedLeavesAFileDatabaseAlone() {
      runner.withUserConfiguration(OneFileDataSource.class).run(context ->
          assertThat(jdbc(context.getBean(ContactHistory.class)).installedSchemaVersion())
              .isEmpty());
    }

    @Test
    void alwaysCreatesTheTablesOnAFileDatabase() {
      runner.withUserConfiguration(OneFileDataSource.class)
          .withPropertyValues("npskit.store.jdbc.initialize-schema=always")
          .run(context -> assertThat(jdbc(context.getBean(ContactHistory.class))
              .installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION));
    }

    @Test
    void neverLeavesEvenAnInMemoryDatabaseAlone() {
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withPropertyValues("npskit.store.jdbc.initialize-schema=never")
          .run(context -> assertThat(jdbc(context.getBean(ContactHistory.class))
              .installedSchemaVersion()).isEmpty());
    }

    @Test
    void anUnknownModeFailsNamingKeyAndValue() {
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withPropertyValues("npskit.store.jdbc.initialize-schema=sometimes")
          .run(context -> assertThat(context).getFailure()
              .hasStackTraceContaining("npskit.store.jdbc.initialize-schema")
              .hasStackTraceContaining("sometimes"));
    }

    private JdbcContactHistory jdbc(ContactHistory history) {
      assertThat(history).isInstanceOf(JdbcContactHistory.class);
      return (JdbcContactHistory) history;
    }
  }

  @Nested
  class UserBeans {

    @Test
    void theApplicationsPolicyReplacesOurs() {
      SurveyPolicy own = SurveyPolicy.builder().customerCooldown(Duration.ofDays(7)).build();
      runner.withBean(SurveyPolicy.class, () -> own)
          .withPropertyValues("nps.policy.customer-cooldown=not-even-read")
          .run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SurveyPolicy.class)).isSameAs(own);
            assertThat(context.getBean(SurveyGate.class).policy()).isSameAs(own);
          });
    }

    @Test
    void theApplicationsStoreReplacesOurs() {
      ContactHistory own = InMemoryContactHistory.withRetention(Duration.ofDays(400));
      runner.withUserConfiguration(OneMemoryDataSource.class)
          .withBean(ContactHistory.class, () -> own)
          .run(context -> {
            assertThat(context.getBean(ContactHistory.class)).isSameAs(own);
            assertThat(context.getBean(SurveyGate.class).history()).isSameAs(own);
          });
    }

    @Test
    void theApplicationsGateReplacesOurs() {
      SurveyGate own = SurveyGate.builder(SurveyPolicy.defaults()).build();
      runner.withBean(SurveyGate.class, () -> own).run(context ->
          assertThat(context.getBean(SurveyGate.class)).isSameAs(own));
    }

    @Test
    void theApplicationsClockDecidesNow() {
      Instant now = Instant.parse("2026-03-04T05:06:07Z");
      runner.withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC)).run(context -> {
        Decision d = context.getBean(SurveyGate.class)
            .decideNow(TestPurchases.tv("O-1", "C-1"));
        assertThat(d.decidedAt()).isEqualTo(now);
      });
    }

    @Test
    void withoutClockBeanTheSystemClockDecidesNow() {
      runner.run(context -> {
        Instant before = Instant.now().minusSeconds(1);
        Decision d = context.getBean(SurveyGate.class)
            .decideNow(TestPurchases.tv("O-1", "C-1"));
        assertThat(d.decidedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
      });
    }

    @Test
    void everyListenerBeanHearsEveryDecision() {
      AtomicInteger first = new AtomicInteger();
      AtomicInteger second = new AtomicInteger();
      runner.withBean("first", DecisionListener.class, () -> new DecisionListener() {
            @Override
            public void onDecision(Decision decision, boolean recorded) {
              first.incrementAndGet();
              throw new IllegalStateException("a broken listener");
            }
          })
          .withBean("second", DecisionListener.class, () -> new DecisionListener() {
            @Override
            public void onDecision(Decision decision, boolean recorded) {
              second.incrementAndGet();
            }
          })
          .run(context -> {
            SurveyGate gate = context.getBean(SurveyGate.class);
            gate.decide(TestPurchases.tv("O-1", "C-1"));
            gate.evaluate(TestPurchases.tv("O-2", "C-2"));
            assertThat(first).hasValue(2);
            assertThat(second).hasValue(2);
          });
    }

    @Test
    void aSingleListenerBeanIsTheGatesListener() {
      AtomicInteger heard = new AtomicInteger();
      runner.withBean(DecisionListener.class, () -> new DecisionListener() {
            @Override
            public void onDecision(Decision decision, boolean recorded) {
              heard.incrementAndGet();
            }
          })
          .run(context -> {
            context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"));
            assertThat(heard).hasValue(1);
          });
    }
  }
}
