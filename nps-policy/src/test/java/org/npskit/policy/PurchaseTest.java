package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.line;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PurchaseTest {

  @Test
  void blankIdsAreRejectedByName() {
    assertThatThrownBy(() -> Purchase.builder(" ", "C1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderId");
    assertThatThrownBy(() -> Purchase.builder("O1", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId");
    assertThatThrownBy(() -> Purchase.builder("O1", "C1").accountId(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountId");
    assertThatThrownBy(() -> line(" ", "x", "1", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sku");
    assertThatThrownBy(() -> Purchase.builder(null, "C1"))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("orderId");
  }

  @Test
  void negativePriceZeroQuantityAndBadCurrencyAreRejected() {
    assertThatThrownBy(() -> Money.of("-0.01", "EUR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount")
        .hasMessageContaining("-0.01");
    assertThatThrownBy(() -> line("A", "x", "1", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> Money.of("1", "eur"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'eur'");
    assertThatThrownBy(() -> Money.of("1,5", "EUR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'1,5'");
  }

  @Test
  void mixedCurrenciesAreRejectedNamingTheLine() {
    Purchase.Builder b = Purchase.builder("O1", "C1").orderedAt(T0)
        .line(line("A", "x", "1", 1))
        .line(OrderLine.of("B", "x", Money.of("1", "USD"), 1));
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lines[1].unitPrice.currency").hasMessageContaining("USD");
  }

  @Test
  void noLinesOrNoOrderTimeAreRejected() {
    assertThatThrownBy(() -> Purchase.builder("O1", "C1").orderedAt(T0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines");
    assertThatThrownBy(() -> Purchase.builder("O1", "C1").line(line("A", "x", "1", 1)).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("orderedAt");
  }

  @Test
  void malformedCategoryPathsAreRejected() {
    for (String bad : new String[] {"", "a//b", "/a", "a/", " / "}) {
      assertThatThrownBy(() -> CategoryPath.parse(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty segment");
    }
    assertThat(CategoryPath.parse(" Printing / Toner ").toString()).isEqualTo("printing/toner");
  }

  @Test
  void valuesAndEventTime() {
    Purchase p = Purchase.builder("O1", "C1").orderedAt(T0)
        .line(line("A", "x", "59.95", 2, "installation")).line(line("B", "y", "0.10", 1))
        .build();
    assertThat(p.orderValue().amount()).isEqualByComparingTo("120.00");
    assertThat(p.lines().get(0).services()).isEqualTo(Set.of("INSTALLATION"));
    assertThat(p.eventTime()).isEqualTo(T0);
    assertThat(p.accountId()).isEmpty();
    Purchase delivered = Purchase.builder("O1", "C1").orderedAt(T0)
        .deliveredAt(T0.plus(Duration.ofDays(2))).line(line("A", "x", "1", 1)).build();
    assertThat(delivered.eventTime()).isEqualTo(T0.plus(Duration.ofDays(2)));
  }
}
