package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReasonCodeTest {

  @Test
  void contractOrderOfReasonCodes() {
    assertThat(Arrays.stream(ReasonCode.values()).map(Enum::name))
        .containsExactly(
            "DUPLICATE_ORDER", "NO_CONSENT", "HOLDOUT", "EXCLUDED_CATEGORY",
            "BELOW_MIN_LINE_VALUE", "REPEAT_SUBJECT", "BELOW_MIN_ORDER_VALUE",
            "CUSTOMER_COOLDOWN", "RELATIONSHIP_INTERVAL", "CUSTOMER_CAP", "ACCOUNT_COOLDOWN", "ACCOUNT_CAP",
            "RESPONSE_COOLDOWN", "NOT_SAMPLED", "HISTORY_UNAVAILABLE", "HISTORY_EXPIRED");
  }
}
