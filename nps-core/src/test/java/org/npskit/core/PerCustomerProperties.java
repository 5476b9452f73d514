package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PerCustomerProperties {
  /** A response: its position in the input (to see which one was kept), customer and time. */
  record Row(int position, int customer, int time) {}

  /** Few customers and few distinct times, so that repeats and ties are common. */
  @Provide
  Arbitrary<List<Row>> rows() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 4))
        .as((c, t) -> new int[] {c, t})
        .list()
        .ofMaxSize(60)
        .map(
            l -> {
              List<Row> out = new ArrayList<>();
              for (int i = 0; i < l.size(); i++) {
                out.add(new Row(i, l.get(i)[0], l.get(i)[1]));
              }
              return out;
            });
  }

  @Property
  void keepsExactlyTheLatestAndOnTiesTheLastRowOfEachCustomer(@ForAll("rows") List<Row> rows) {
    List<Row> kept = PerCustomer.latest(rows, Row::customer, Row::time);
    // oracle: for each customer, scan for the largest time; on equal times the later row wins
    List<Row> expected = new ArrayList<>();
    for (Row candidate : rows) {
      boolean beaten = false;
      for (Row other : rows) {
        if (other.customer() == candidate.customer()
            && (other.time() > candidate.time()
                || (other.time() == candidate.time() && other.position() > candidate.position()))) {
          beaten = true;
        }
      }
      if (!beaten) {
        expected.add(candidate);
      }
    }
    assertThat(kept).containsExactlyElementsOf(expected);
  }

  @Property
  void keepsOneRowPerCustomerAndIsIdempotent(@ForAll("rows") List<Row> rows) {
    List<Row> kept = PerCustomer.latest(rows, Row::customer, Row::time);
    Set<Integer> customers = new HashSet<>();
    rows.forEach(r -> customers.add(r.customer()));
    assertThat(kept).extracting(Row::customer).doesNotHaveDuplicates().hasSize(customers.size());
    assertThat(PerCustomer.latest(kept, Row::customer, Row::time)).isEqualTo(kept);
    assertThat(PerCustomer.last(kept, Row::customer)).isEqualTo(kept);
  }

  @Property
  void withoutTimesItIsTheLatestWithAllTimesEqual(@ForAll("rows") List<Row> rows) {
    assertThat(PerCustomer.last(rows, Row::customer))
        .isEqualTo(PerCustomer.latest(rows, Row::customer, r -> 0));
  }
}
