package org.npskit.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.SurveyGate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the gate when the application has a {@link MeterRegistry}: counters
 * {@code npskit.decisions} (tags {@code outcome}, {@code reason}), {@code npskit.store.failures}
 * (tag {@code operation}) and {@code npskit.conflicts}, timer {@code npskit.decide}. Fed by a
 * {@link DecisionListener} bean named {@code npskitDecisionMetrics}, beside any other listener
 * of the application. Stateless and thread-safe.
 */
@AutoConfiguration(
    before = NpskitAutoConfiguration.class,
    afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, SurveyGate.class})
@ConditionalOnBean(MeterRegistry.class)
public class NpskitMetricsAutoConfiguration {

  /** Created by Spring. */
  public NpskitMetricsAutoConfiguration() {}

  /**
   * The listener that feeds the meters.
   *
   * @param registry the application's registry
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean(name = "npskitDecisionMetrics")
  public DecisionListener npskitDecisionMetrics(MeterRegistry registry) {
    return new DecisionMetrics(registry);
  }
}
