package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.line;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A delivery cannot precede its order: such a purchase is rejected, naming both times. */
class PurchaseTimesTest {
  @Test
  void deliveryBeforeTheOrderIsRejectedNamingTheFieldAndValues() {
    Purchase.Builder b = Purchase.builder("O-7", "C1").orderedAt(T0)
        .deliveredAt(T0.minusSeconds(1)).line(line("A", "x", "1", 1));
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deliveredAt")
        .hasMessageContaining(T0.toString())
        .hasMessageContaining(T0.minusSeconds(1).toString())
        .hasMessageContaining("O-7");
  }

  @Test
  void deliveryAtTheOrderInstantOrLaterIsAccepted() {
    Purchase same = Purchase.builder("O-8", "C1").orderedAt(T0).deliveredAt(T0)
        .line(line("A", "x", "1", 1)).build();
    assertThat(same.eventTime()).isEqualTo(T0);
    Purchase later = Purchase.builder("O-9", "C1").orderedAt(T0)
        .deliveredAt(T0.plus(Duration.ofNanos(1))).line(line("A", "x", "1", 1)).build();
    assertThat(later.eventTime()).isEqualTo(T0.plus(Duration.ofNanos(1)));
  }
}
