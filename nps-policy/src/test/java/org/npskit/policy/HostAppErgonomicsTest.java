package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.npskit.policy.testlog.LogCapture;
import org.slf4j.event.Level;

/** What a shop's own mapping and configuration code needs from the API (no glue, clear errors). */
class HostAppErgonomicsTest {
  private static final Instant T0 = Fixtures.T0;
  private static final OrderLine TV = OrderLine.of("OLED55", "tv/oled", Money.of("2000", "EUR"), 1);

  @Test
  void nullableColumnsMapWithoutAnIf() {
    Purchase p = Purchase.builder("O-1", "K-1").orderedAt(T0).accountId(null).deliveredAt(null)
        .line(TV).build();
    assertThat(p.accountId()).isEmpty();
    assertThat(p.deliveredAt()).isEmpty();
    assertThat(p.eventTime()).isEqualTo(T0);
    Purchase delivered = Purchase.builder("O-1", "K-1").orderedAt(T0).accountId("B-1")
        .deliveredAt(T0.plusSeconds(60)).accountId(null).line(TV).build();
    assertThat(delivered.accountId()).isEmpty();
    assertThatThrownBy(() -> Purchase.builder("O-1", "K-1").accountId(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountId");
  }

  @Test
  void linesFromACollectionKeepTheirOrderAndNameANullElement() {
    OrderLine cable = OrderLine.of("HDMI-2", "cables", Money.of("15", "EUR"), 2);
    Purchase p = Purchase.builder("O-1", "K-1").orderedAt(T0).lines(List.of(TV, cable)).build();
    assertThat(p.lines()).containsExactly(TV, cable);
    assertThatThrownBy(() -> Purchase.builder("O-1", "K-1").lines(Arrays.asList(TV, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("lines[1]");
    assertThatThrownBy(() -> Purchase.builder("O-1", "K-1").lines(null))
        .isInstanceOf(NullPointerException.class).hasMessage("lines");
  }

  @Test
  void orderLineNullsNameTheirParameter() {
    Money price = Money.of("10", "EUR");
    assertThatThrownBy(() -> OrderLine.of("S", null, price, 1))
        .isInstanceOf(NullPointerException.class).hasMessage("category");
    assertThatThrownBy(() -> OrderLine.of("S", "tv", price, 1, (String) null))
        .isInstanceOf(NullPointerException.class).hasMessage("services[0]");
    assertThatThrownBy(() -> OrderLine.of("S", "tv", price, 1, "INSTALLATION", null))
        .isInstanceOf(NullPointerException.class).hasMessage("services[1]");
    assertThatThrownBy(() -> OrderLine.of("S", "tv", price, 1, (String[]) null))
        .isInstanceOf(NullPointerException.class).hasMessage("services");
  }

  @Test
  void moneyFromABigDecimalKeepsItsDigitsAndScale() {
    Money m = Money.of(new BigDecimal("1899.50"), "EUR");
    assertThat(m).isEqualTo(Money.of("1899.50", "EUR"));
    assertThat(m.amount()).isEqualByComparingTo("1899.5").hasScaleOf(2);
    assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "EUR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 EUR");
    assertThatThrownBy(() -> Money.of((BigDecimal) null, "EUR"))
        .isInstanceOf(NullPointerException.class).hasMessage("amount");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class).hasMessage("currencyCode");
  }

  @Test
  void aSemicolonInAListIsAnErrorNotOnePath() {
    assertThatThrownBy(() -> policy("nps.policy.exclude-categories=printing/toner; cables"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps.policy.exclude-categories=printing/toner; cables: ';' does not separate"
            + " list elements: separate them with ','");
    assertThatThrownBy(() -> policy("nps.policy.always-services=INSTALLATION;DELIVERY"))
        .hasMessageStartingWith("nps.policy.always-services=INSTALLATION;DELIVERY: ';'");
  }

  @Test
  void aDecimalCommaInMoneySaysThatCommasSeparateAmounts() {
    assertThatThrownBy(() -> policy("nps.policy.min-order-value=100,00 EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps.policy.min-order-value=100,00 EUR: money must be 'AMOUNT CURRENCY' such"
            + " as '100 EUR', was '100' (',' separates amounts, one per currency: write decimals"
            + " with '.' as in '100.00 EUR')");
    assertThatThrownBy(() -> policy("nps.policy.min-order-value=EUR"))
        .hasMessage("nps.policy.min-order-value=EUR: money must be 'AMOUNT CURRENCY' such as"
            + " '100 EUR', was 'EUR'");
  }

  @Test
  void aByteOrderMarkBeforeTheFirstKeyIsNotPartOfIt() {
    SurveyPolicy p = policy("\uFEFFnps.policy.min-order-value=100000 EUR\n"
        + "nps.policy.send-delay=P1D");
    assertThat(p.minOrderValue(Money.of("1", "EUR").currency())).contains(
        Money.of("100000", "EUR"));
    assertThat(p.sendDelay()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void aMapOfSettingsReadsLikeProperties() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("nps.policy.min-order-value", "100 EUR");
    settings.put("nps.policy.exclude-categories", List.of("printing/toner", "cables"));
    settings.put("nps.policy.always-services", new String[] {"INSTALLATION"});
    settings.put("nps.policy.customer-cooldown", Duration.ofDays(60));
    settings.put("nps.policy.sampling-rate", 0.5);
    settings.put("server.port", 8080);
    SurveyPolicy fromMap = SurveyPolicy.fromProperties(settings);
    SurveyPolicy fromProperties = policy(
        "nps.policy.min-order-value=100 EUR\n"
            + "nps.policy.exclude-categories=printing/toner, cables\n"
            + "nps.policy.always-services=INSTALLATION\n"
            + "nps.policy.customer-cooldown=P60D\n"
            + "nps.policy.sampling-rate=0.5\n");
    assertThat(fromMap).hasToString(fromProperties.toString());
    settings.put("nps.policy.send-delay", null);
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps.policy.send-delay has no value (null)");
    Map<String, Object> bad = Map.of("nps.policy.customer-cooldown", List.of("P1D", "P2D"));
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(bad))
        .hasMessageStartingWith("nps.policy.customer-cooldown=P1D, P2D: malformed duration");
  }

  @Test
  void propertiesWithoutAnyPolicyKeyWarnOnceAboutTheMisspeltPrefix() {
    try (LogCapture log = LogCapture.start()) {
      SurveyPolicy p = policy("nps.polcy.min-order-value=100 EUR\nserver.port=8080\n");
      assertThat(p).hasToString(SurveyPolicy.defaults().toString());
      assertThat(log.events()).singleElement().satisfies(e -> {
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.message()).isEqualTo("no key under nps.policy. among the 2 keys given: the"
            + " policy has every default (a misspelt prefix?)");
      });
    }
    try (LogCapture log = LogCapture.start()) {
      policy("nps.policy.send-delay=P1D\n");
      assertThat(log.events()).isEmpty();
    }
  }

  @Test
  void toStringWritesDurationsAsConfigured() {
    SurveyPolicy p = policy("nps.policy.customer-cooldown=P90D\n"
        + "nps.policy.category-cooldown.tv=P180D\n"
        + "nps.policy.response-cooldown=PT12H\n");
    assertThat(p.toString())
        .contains("customerCooldown=P90D", "categoryCooldowns={tv=P180D}",
            "responseCooldown=PT12H", "sendDelay=P3D", "accountCooldown=PT0S")
        .doesNotContain("PT2160H");
  }

  private static SurveyPolicy policy(String text) {
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return SurveyPolicy.fromProperties(props);
  }
}
