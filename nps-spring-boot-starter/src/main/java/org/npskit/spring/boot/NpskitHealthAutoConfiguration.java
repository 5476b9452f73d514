package org.npskit.spring.boot;

import org.npskit.policy.spi.ContactHistory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health contributor {@code npskit} when Spring Boot's health support is present: UP when the
 * contact history answers a read, DOWN with its error otherwise; it never writes. Switched off
 * with {@code management.health.npskit.enabled=false}. Stateless and thread-safe.
 */
@AutoConfiguration(after = NpskitAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(ContactHistory.class)
@ConditionalOnEnabledHealthIndicator("npskit")
public class NpskitHealthAutoConfiguration {

  /** Created by Spring. */
  public NpskitHealthAutoConfiguration() {}

  /**
   * The health indicator of the store (contributor name {@code npskit}).
   *
   * @param history the store
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = {"npskitHealthIndicator", "npskitHealthContributor"})
  public HealthIndicator npskitHealthIndicator(ContactHistory history) {
    return new NpskitHealthIndicator(history);
  }
}
