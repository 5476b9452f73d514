package org.npskit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Money;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

/** The shop as {@code java -jar} starts it: Boot's embedded H2, on a random port. */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = ShopContract.QUIET)
class H2ShopTest extends ShopContract {

  @Autowired ApplicationContext context;

  @Test
  void itRunsOnBootsEmbeddedH2() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
    }
  }

  @Test
  void theGateIsTheStartersBuiltFromApplicationYml() {
    assertThat(context.getBeanNamesForType(SurveyGate.class))
        .containsExactly("npskitSurveyGate");
    assertThat(context.getBeanNamesForType(SurveyPolicy.class))
        .containsExactly("npskitSurveyPolicy");
    SurveyPolicy policy = context.getBean(SurveyPolicy.class);
    assertThat(policy.minOrderValue(Currency.getInstance("EUR")))
        .hasValue(Money.of("100", "EUR"));
    assertThat(context.getBean(SurveyGate.class).history())
        .isInstanceOf(JdbcContactHistory.class);
  }
}
