package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CsvProperties {

  /** Quoting any cells per RFC 4180 and parsing them back gives the same cells. */
  @Property
  void quotedCellsRoundTrip(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) String> cells) {
    String row = cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"")
        .collect(Collectors.joining(","));
    String header = java.util.stream.IntStream.range(0, cells.size()).mapToObj(i -> "h" + i)
        .collect(Collectors.joining(","));
    Csv.Table t = Csv.parse(header + "\r\n" + row + "\r\n", "p.csv");
    assertThat(t.rows()).hasSize(1);
    assertThat(t.rows().get(0).values()).containsExactlyElementsOf(cells);
  }
}
