package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.line;
import static org.npskit.policy.Fixtures.props;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every policy property key, its default, and its errors. */
class SurveyPolicyConfigTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void defaultsFollowTheContractTable() {
    SurveyPolicy p = SurveyPolicy.fromProperties(props());
    assertThat(p.minOrderValue(EUR)).isEmpty();
    assertThat(p.minLineValue(EUR)).isEmpty();
    assertThat(p.excludeCategories()).isEmpty();
    assertThat(p.alwaysCategories()).isEmpty();
    assertThat(p.alwaysServices()).isEmpty();
    assertThat(p.customerCooldown()).isEqualTo(Duration.ofDays(90));
    assertThat(p.categoryCooldowns()).isEmpty();
    assertThat(p.maxSurveysPerCustomer()).isEmpty();
    assertThat(p.accountCooldown()).isZero();
    assertThat(p.maxSurveysPerAccount()).isEmpty();
    assertThat(p.responseCooldown()).isZero();
    assertThat(p.repeatSubjectWindow()).isZero();
    assertThat(p.samplingRate()).isEqualTo(1.0);
    assertThat(p.samplingSalt()).isEmpty();
    assertThat(p.holdoutRate()).isEqualTo(0.0);
    assertThat(p.holdoutSalt()).isEqualTo("holdout");
    assertThat(p.sendDelay()).isEqualTo(Duration.ofDays(3));
    assertThat(p.storeFailure()).isEqualTo(StoreFailureMode.FAIL_CLOSED);
    assertThat(p.longestWindow()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void everyKeyIsRead() {
    SurveyPolicy p = SurveyPolicy.fromProperties(props(
        "nps.policy.min-order-value=100 EUR, 110 USD",
        "nps.policy.min-line-value=50 EUR",
        "nps.policy.exclude-categories=printing/toner, Cables",
        "nps.policy.always-categories=tv/oled",
        "nps.policy.always-services=installation, Delivery",
        "nps.policy.customer-cooldown=PT0S",
        "nps.policy.category-cooldown.Phones/Smart=P60D",
        "nps.policy.max-surveys-per-customer=3/P365D",
        "nps.policy.account-cooldown=P30D",
        "nps.policy.max-surveys-per-account=10/P30D",
        "nps.policy.response-cooldown=P14D",
        "nps.policy.repeat-subject-window=P400D",
        "nps.policy.sampling-rate=0.25",
        "nps.policy.sampling-salt=s",
        "nps.policy.holdout-rate=0.05",
        "nps.policy.holdout-salt=h",
        "nps.policy.send-delay=PT12H",
        "nps.policy.store-failure=fail-open",
        "other.key=ignored",
        "nps.policyx=ignored too"));
    assertThat(p.minOrderValue(EUR)).contains(Money.of("100", "EUR"));
    assertThat(p.minOrderValue(USD)).contains(Money.of("110", "USD"));
    assertThat(p.minLineValue(EUR)).contains(Money.of("50", "EUR"));
    assertThat(p.excludeCategories()).containsExactly(
        CategoryPath.parse("cables"), CategoryPath.parse("printing/toner"));
    assertThat(p.alwaysCategories()).containsExactly(CategoryPath.parse("tv/oled"));
    assertThat(p.alwaysServices()).containsExactlyInAnyOrder("INSTALLATION", "DELIVERY");
    assertThat(p.customerCooldown()).isZero();
    assertThat(p.cooldownFor(CategoryPath.parse("phones/smart/x"))).isEqualTo(Duration.ofDays(60));
    assertThat(p.cooldownFor(CategoryPath.parse("phones"))).isZero();
    assertThat(p.maxSurveysPerCustomer()).contains(new FrequencyCap(3, Duration.ofDays(365)));
    assertThat(p.accountCooldown()).isEqualTo(Duration.ofDays(30));
    assertThat(p.maxSurveysPerAccount()).contains(new FrequencyCap(10, Duration.ofDays(30)));
    assertThat(p.responseCooldown()).isEqualTo(Duration.ofDays(14));
    assertThat(p.repeatSubjectWindow()).isEqualTo(Duration.ofDays(400));
    assertThat(p.samplingRate()).isEqualTo(0.25);
    assertThat(p.samplingSalt()).isEqualTo("s");
    assertThat(p.holdoutRate()).isEqualTo(0.05);
    assertThat(p.holdoutSalt()).isEqualTo("h");
    assertThat(p.sendDelay()).isEqualTo(Duration.ofHours(12));
    assertThat(p.storeFailure()).isEqualTo(StoreFailureMode.FAIL_OPEN);
    assertThat(p.longestWindow()).isEqualTo(Duration.ofDays(400));
    assertThat(p.isExcluded(CategoryPath.parse("CABLES/usb"))).isTrue();
    assertThat(p.isAlways(line("X", "a", "1", 1, "delivery"))).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nps.policy.unknown-key|1",
      "nps.policy.min-order-value|100",
      "nps.policy.min-order-value|100 EUR, 90 EUR",
      "nps.policy.min-order-value|-1 EUR",
      "nps.policy.min-line-value|ten EUR",
      "nps.policy.min-line-value|10 euro",
      "nps.policy.exclude-categories|a//b",
      "nps.policy.exclude-categories|a,,b",
      "nps.policy.always-categories|/tv",
      "nps.policy.always-services|A,",
      "nps.policy.customer-cooldown|P1W",
      "nps.policy.customer-cooldown|P1M",
      "nps.policy.customer-cooldown|-P1D",
      "nps.policy.category-cooldown.phones|90 days",
      "nps.policy.category-cooldown.|P1D",
      "nps.policy.max-surveys-per-customer|0/P365D",
      "nps.policy.max-surveys-per-customer|3",
      "nps.policy.max-surveys-per-customer|3/PT0S",
      "nps.policy.account-cooldown|-PT1H",
      "nps.policy.max-surveys-per-account|x/P30D",
      "nps.policy.response-cooldown|P2Y",
      "nps.policy.repeat-subject-window|forever",
      "nps.policy.sampling-rate|1.5",
      "nps.policy.sampling-rate|NaN",
      "nps.policy.holdout-rate|-0.1",
      "nps.policy.send-delay|-PT1S",
      "nps.policy.store-failure|fail-sometimes"})
  void badKeysAndValuesAreRejectedNamingKeyAndValue(String key, String value) {
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(props(key + "=" + value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(value);
  }

  @Test
  void conflictingCategoryRulesAreRejected() {
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(props(
        "nps.policy.exclude-categories=tv/oled", "nps.policy.always-categories=TV/OLED")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tv/oled");
    assertThatThrownBy(() -> SurveyPolicy.builder()
        .categoryCooldown("phones", Duration.ofDays(1))
        .categoryCooldown("Phones", Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phones");
    // Different depths are not a conflict: the most specific wins.
    SurveyPolicy p = SurveyPolicy.builder().excludeCategories("tv").alwaysCategories("tv/oled")
        .build();
    assertThat(p.isExcluded(CategoryPath.parse("tv/oled"))).isFalse();
    assertThat(p.isExcluded(CategoryPath.parse("tv/lcd"))).isTrue();
  }

  @Test
  void builderArgumentsAreValidatedByName() {
    assertThatThrownBy(() -> SurveyPolicy.builder().customerCooldown(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerCooldown")
        .hasMessageContaining("PT-24H");
    assertThatThrownBy(() -> SurveyPolicy.builder().sampling(2, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samplingRate");
    assertThatThrownBy(() -> SurveyPolicy.builder().holdout(-1, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holdoutRate");
    assertThatThrownBy(() -> SurveyPolicy.builder().minOrderValue(
        Money.of("1", "EUR"), Money.of("2", "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    assertThatThrownBy(() -> SurveyPolicy.builder().storeFailure(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("storeFailure");
    assertThatThrownBy(() -> new FrequencyCap(0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
  }

  @Test
  void theFormattedPolicyNamesItsSettings() {
    SurveyPolicy p = SurveyPolicy.builder().maxSurveysPerCustomer(FrequencyCap.parse("3/P365D"))
        .build();
    assertThat(p.toString()).contains("3/P365D", "fail-closed");
    assertThat(List.of(StoreFailureMode.values())).extracting(StoreFailureMode::propertyValue)
        .containsExactly("fail-closed", "fail-open");
  }
}
