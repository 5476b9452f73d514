package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npskit.policy.CategoryPath;
import org.npskit.policy.Money;
import org.npskit.policy.RelationshipTrigger;
import org.npskit.policy.StoreFailureMode;
import org.npskit.policy.SurveyPolicy;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PolicyBindingTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(NpskitAutoConfiguration.class));

  /** The library's error in the start-up failure: the outermost IllegalArgumentException. */
  static Throwable policyError(Throwable failure) {
    assertThat(failure).as("start-up failure").isNotNull();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return t;
      }
    }
    throw new AssertionError("no IllegalArgumentException in", failure);
  }

  @Test
  void everyKeyOfTheContractIsRead() {
    runner.withPropertyValues(
            "nps.policy.min-order-value=100 EUR, 110 USD",
            "nps.policy.min-line-value=50 EUR",
            "nps.policy.exclude-categories=printing/toner, cables",
            "nps.policy.always-categories=tv/oled",
            "nps.policy.always-services=INSTALLATION",
            "nps.policy.customer-cooldown=P60D",
            "nps.policy.category-cooldown.phones=P30D",
            "nps.policy.max-surveys-per-customer=3/P365D",
            "nps.policy.account-cooldown=P30D",
            "nps.policy.max-surveys-per-account=10/P30D",
            "nps.policy.response-cooldown=P14D",
            "nps.policy.repeat-subject-window=P200D",
            "nps.policy.sampling-rate=0.5",
            "nps.policy.sampling-salt=2026-q1",
            "nps.policy.holdout-rate=0.05",
            "nps.policy.holdout-salt=hold",
            "nps.policy.send-delay=P2D",
            "nps.policy.store-failure=fail-open",
            "nps.policy.relationship-trigger=8/P30D",
            "nps.policy.relationshipInterval=P90D")
        .run(context -> {
          SurveyPolicy p = context.getBean(SurveyPolicy.class);
          assertThat(p.minOrderValue(Currency.getInstance("USD")))
              .hasValue(Money.of("110", "USD"));
          assertThat(p.minLineValue(Currency.getInstance("EUR"))).hasValue(Money.of("50", "EUR"));
          assertThat(p.excludeCategories()).containsExactlyInAnyOrder(
              CategoryPath.parse("printing/toner"), CategoryPath.parse("cables"));
          assertThat(p.alwaysCategories()).containsExactly(CategoryPath.parse("tv/oled"));
          assertThat(p.alwaysServices()).hasSize(1);
          assertThat(p.customerCooldown()).isEqualTo(Duration.ofDays(60));
          assertThat(p.categoryCooldowns())
              .containsEntry(CategoryPath.parse("phones"), Duration.ofDays(30));
          assertThat(p.maxSurveysPerCustomer()).isPresent();
          assertThat(p.accountCooldown()).isEqualTo(Duration.ofDays(30));
          assertThat(p.maxSurveysPerAccount()).isPresent();
          assertThat(p.responseCooldown()).isEqualTo(Duration.ofDays(14));
          assertThat(p.repeatSubjectWindow()).isEqualTo(Duration.ofDays(200));
          assertThat(p.samplingRate()).isEqualTo(0.5);
          assertThat(p.samplingSalt()).isEqualTo("2026-q1");
          assertThat(p.holdoutRate()).isEqualTo(0.05);
          assertThat(p.holdoutSalt()).isEqualTo("hold");
          assertThat(p.sendDelay()).isEqualTo(Duration.ofDays(2));
          assertThat(p.storeFailure()).isEqualTo(StoreFailureMode.FAIL_OPEN);
          assertThat(p.relationshipTrigger())
              .hasValue(new RelationshipTrigger(8, Duration.ofDays(30)));
          assertThat(p.relationshipInterval()).isEqualTo(Duration.ofDays(90));
        });
  }

  @Test
  void noKeyGivesTheDefaultPolicy() {
    runner.run(context -> assertThat(context.getBean(SurveyPolicy.class).toString())
        .isEqualTo(SurveyPolicy.defaults().toString()));
  }

  @Test
  void yamlSequencesAndNumbersAreRead() {
    // What Spring Boot's YAML loader makes of a sequence and of a number.
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new MapPropertySource("yaml", Map.of(
                "nps.policy.exclude-categories[0]", "printing/toner",
                "nps.policy.exclude-categories[1]", "cables",
                "nps.policy.min-order-value[0]", "100 EUR",
                "nps.policy.min-order-value[1]", "110 USD",
                "nps.policy.sampling-rate", 0.25,
                "nps.policy.category-cooldown[phones/android]", "P20D",
                "nps.policy.category-cooldown.[tv/oled]", "P21D"))))
        .run(context -> {
          SurveyPolicy p = context.getBean(SurveyPolicy.class);
          assertThat(p.excludeCategories()).containsExactlyInAnyOrder(
              CategoryPath.parse("printing/toner"), CategoryPath.parse("cables"));
          assertThat(p.minOrderValue(Currency.getInstance("USD")))
              .hasValue(Money.of("110", "USD"));
          assertThat(p.samplingRate()).isEqualTo(0.25);
          assertThat(p.categoryCooldowns())
              .containsEntry(CategoryPath.parse("phones/android"), Duration.ofDays(20))
              .containsEntry(CategoryPath.parse("tv/oled"), Duration.ofDays(21));
        });
  }

  @Test
  void relaxedNamesMeanTheContractsKeys() {
    runner.withPropertyValues("nps.policy.customerCooldown=P10D",
            "nps.policy.send_delay=P1D", "nps.policy.categoryCooldown.phones=P5D")
        .run(context -> {
          SurveyPolicy p = context.getBean(SurveyPolicy.class);
          assertThat(p.customerCooldown()).isEqualTo(Duration.ofDays(10));
          assertThat(p.sendDelay()).isEqualTo(Duration.ofDays(1));
          assertThat(p.categoryCooldowns())
              .containsEntry(CategoryPath.parse("phones"), Duration.ofDays(5));
        });
  }

  @Test
  void environmentVariablesAreRead() {
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("env", Map.of(
                "NPS_POLICY_CUSTOMER_COOLDOWN", "P11D",
                "NPS_POLICY_EXCLUDECATEGORIES_0", "cables",
                "NPS_POLICY_EXCLUDECATEGORIES_1", "toner",
                "NPS_POLICY_CATEGORY_COOLDOWN_PHONES", "P3D"))))
        .run(context -> {
          SurveyPolicy p = context.getBean(SurveyPolicy.class);
          assertThat(p.customerCooldown()).isEqualTo(Duration.ofDays(11));
          assertThat(p.excludeCategories()).containsExactlyInAnyOrder(
              CategoryPath.parse("cables"), CategoryPath.parse("toner"));
          assertThat(p.categoryCooldowns())
              .containsEntry(CategoryPath.parse("phones"), Duration.ofDays(3));
        });
  }

  @Test
  void theFirstSourceWinsPerKey() {
    runner.withPropertyValues("nps.policy.customer-cooldown=P1D",
            "nps.policy.send-delay=P4D")
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new MapPropertySource("override", Map.of("nps.policy.customer-cooldown", "P2D"))))
        .run(context -> {
          SurveyPolicy p = context.getBean(SurveyPolicy.class);
          assertThat(p.customerCooldown()).isEqualTo(Duration.ofDays(2));
          assertThat(p.sendDelay()).isEqualTo(Duration.ofDays(4));
        });
  }

  @Test
  void placeholdersAreResolved() {
    runner.withPropertyValues("shop.cooldown=P8D", "nps.policy.customer-cooldown=${shop.cooldown}")
        .run(context -> assertThat(context.getBean(SurveyPolicy.class).customerCooldown())
            .isEqualTo(Duration.ofDays(8)));
  }

  @Test
  void anUnknownKeyFailsStartUpNamingKeyAndValue() {
    runner.withPropertyValues("nps.policy.customer-coolddown=P90D").run(context ->
        assertThat(policyError(context.getStartupFailure()))
            .hasMessageContaining("nps.policy.customer-coolddown=P90D"));
  }

  @Test
  void aMalformedDurationFailsStartUpNamingKeyAndValue() {
    runner.withPropertyValues("nps.policy.customer-cooldown=P1W").run(context ->
        assertThat(policyError(context.getStartupFailure()))
            .hasMessageContaining("nps.policy.customer-cooldown=P1W"));
  }

  @Test
  void aSemicolonInAListFailsStartUpNamingKeyAndValue() {
    runner.withPropertyValues("nps.policy.exclude-categories=cables; toner").run(context ->
        assertThat(policyError(context.getStartupFailure()))
            .hasMessageContaining("nps.policy.exclude-categories=cables; toner")
            .hasMessageContaining("';'"));
  }

  @Test
  void theSameMessageAsTheLibrarysOwnParser() {
    String expected;
    try {
      SurveyPolicy.fromProperties(Map.of("nps.policy.sampling-rate", "1.5"));
      throw new AssertionError("the library accepted sampling-rate=1.5");
    } catch (IllegalArgumentException e) {
      expected = e.getMessage();
    }
    String message = expected;
    runner.withPropertyValues("nps.policy.sampling-rate=1.5").run(context ->
        assertThat(policyError(context.getStartupFailure())).hasMessage(message));
  }
}
