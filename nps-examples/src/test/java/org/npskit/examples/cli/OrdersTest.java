package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrdersTest {
  private static final String HEADER =
      "consent,order_id,customer_id,ordered_at,delivered_at,sku,category,unit_price,quantity,"
          + "currency,services,extra\n";

  private static List<Orders.Order> read(String rows) {
    return Orders.read(Csv.parse(HEADER + rows, "o.csv"));
  }

  @Test
  void groupsConsecutiveRowsSortsByEventTimeAndKeepsRedeliveries() {
    List<Orders.Order> orders = read(
        ",A,K,2026-01-01T00:00:00Z,2026-01-05T00:00:00Z,S1,tv/oled,10.00,1,EUR,INSTALLATION;X,z\n"
            + ",A,K,2026-01-01T00:00:00Z,2026-01-05T00:00:00Z,S2,cables,1.5,2,EUR,,z\n"
            + "false,B,L,2026-01-02T00:00:00+01:00,,S3,tv,5,1,EUR,,z\n"
            + ",A,K,2026-01-01T00:00:00Z,2026-01-05T00:00:00Z,S1,tv/oled,10.00,1,EUR,,z\n");
    assertThat(orders).extracting(o -> o.purchase().orderId()).containsExactly("B", "A", "A");
    assertThat(orders.get(1).purchase().lines()).hasSize(2);
    assertThat(orders.get(1).purchase().consent()).isTrue();
    assertThat(orders.get(0).purchase().consent()).isFalse();
    assertThat(orders.get(1).purchase().lines().get(0).services()).hasSize(2);
    assertThat(orders.get(2).firstLine()).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "maybe,A,K,2026-01-01T00:00:00Z,,S,tv,1,1,EUR,,z | o.csv:2:1 (consent): value \"maybe\"",
    ",A,K,2026-01-01T00:00:00Z,,S,tv,-1,1,EUR,,z | o.csv:2:8 (unit_price): value \"-1\"",
    ",A,K,2026-01-01T00:00:00Z,,S,tv,1;5,1,EUR,,z | o.csv:2:8 (unit_price): value \"1;5\"",
    ",A,K,2026-01-01T00:00:00Z,,S,tv,1,0,EUR,,z | o.csv:2:9 (quantity): value \"0\"",
    ",A,K,2026-01-01T00:00:00Z,,S,tv,1,1,eur,,z | o.csv:2:10 (currency): value \"eur\"",
    ",A,K,2026-01-01T00:00:00,,S,tv,1,1,EUR,,z | o.csv:2:4 (ordered_at): value \"2026-01-01T00:00:00\"",
    ",A,,2026-01-01T00:00:00Z,,S,tv,1,1,EUR,,z | o.csv:2:3 (customer_id): value \"\"",
    ",A,K,2026-01-01T00:00:00Z,,S,a//b,1,1,EUR,,z | o.csv:2:7 (category): value \"a//b\"",
    ",A,K,2026-01-02T00:00:00Z,2026-01-01T23:59:59Z,S,tv,1,1,EUR,,z | o.csv:2:5 (delivered_at): value \"2026-01-01T23:59:59Z\": delivered_at must not be before ordered_at 2026-01-02T00:00:00Z",
  })
  void badCellsNameFileLineColumnAndValue(String row, String expected) {
    assertThatThrownBy(() -> read(row + "\n")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(expected);
  }

  @Test
  void orderLevelFieldsMustAgreeAcrossRows() {
    assertThatThrownBy(() -> read(",A,K,2026-01-01T00:00:00Z,,S,tv,1,1,EUR,,z\n"
        + ",A,K2,2026-01-01T00:00:00Z,,T,tv,1,1,EUR,,z\n"))
        .hasMessageStartingWith("o.csv:3:3 (customer_id): value \"K2\"")
        .hasMessageContaining("must agree");
  }
}
