package org.npskit.spring.boot.yamlapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.npskit.policy.CategoryPath;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Outcome;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Boot application (its own package, so it scans no other test configuration) with nothing but application.yml (read by Boot's own YAML loader) and an
 * embedded H2 from Boot's DataSource auto-configuration.
 */
@SpringBootTest(classes = YamlApplicationTest.App.class,
    properties = "spring.config.location=classpath:yamlapp/application.yml")
class YamlApplicationTest {

  @SpringBootApplication
  static class App {}

  private static Purchase tv() {
    return Purchase.builder("Y-1", "K-1").orderedAt(Instant.parse("2026-01-01T12:00:00Z"))
        .consent(true).line(OrderLine.of("TV-1", "tv/lcd", Money.of("500", "EUR"), 1)).build();
  }

  @Autowired SurveyPolicy policy;
  @Autowired ContactHistory history;
  @Autowired SurveyGate gate;

  @Test
  void thePolicyIsTheYamlsAndTheStoreIsJdbcWithItsTables() {
    assertThat(policy.minOrderValue(Currency.getInstance("USD"))).hasValue(Money.of("110", "USD"));
    assertThat(policy.excludeCategories()).containsExactlyInAnyOrder(
        CategoryPath.parse("printing/toner"), CategoryPath.parse("cables"));
    assertThat(policy.alwaysServices()).hasSize(1);
    assertThat(policy.customerCooldown()).isEqualTo(Duration.ofDays(60));
    assertThat(policy.categoryCooldowns())
        .containsEntry(CategoryPath.parse("phones/android"), Duration.ofDays(20))
        .containsEntry(CategoryPath.parse("tv"), Duration.ofDays(10));
    assertThat(policy.samplingRate()).isEqualTo(0.5);
    assertThat(((JdbcContactHistory) history).installedSchemaVersion())
        .hasValue(JdbcContactHistory.SCHEMA_VERSION);
  }

  @Test
  void decisionsAsTheContractSays() {
    // customer K-1 is in the 0.5 sample: its bucket is 0.366 (policy.md, sticky sampling)
    assertThat(gate.decide(tv()).outcome()).isEqualTo(Outcome.SURVEY);
    assertThat(gate.decide(tv()).reasonCodes().get(0).name())
        .isEqualTo("DUPLICATE_ORDER");
  }
}
