package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter among Spring Boot's own auto-configurations, in the order Boot sorts them. */
class BootWiringTest {

  @Test
  void theAutoConfigurationsAreRegistered() {
    List<String> candidates = ImportCandidates
        .load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates();
    assertThat(candidates).contains(NpskitAutoConfiguration.class.getName(),
        NpskitMetricsAutoConfiguration.class.getName(),
        NpskitHealthAutoConfiguration.class.getName());
  }

  @Test
  void bootsEmbeddedDataSourceAndMeterRegistryAreSeen() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            // listed out of order on purpose: the annotations order them
            NpskitHealthAutoConfiguration.class, NpskitAutoConfiguration.class,
            NpskitMetricsAutoConfiguration.class, DataSourceAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
            "nps.policy.customer-cooldown=P30D")
        .run(context -> {
          assertThat(context).hasNotFailed();
          JdbcContactHistory history = (JdbcContactHistory) context.getBean(ContactHistory.class);
          assertThat(history.installedSchemaVersion())
              .hasValue(JdbcContactHistory.SCHEMA_VERSION);
          assertThat(context).hasBean("npskitDecisionMetrics").hasBean("npskitHealthIndicator");
          context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"));
          assertThat(context.getBean(MeterRegistry.class).get(DecisionMetrics.DECISIONS)
              .tag("outcome", "SURVEY").counter().count()).isEqualTo(1.0);
        });
  }
}
