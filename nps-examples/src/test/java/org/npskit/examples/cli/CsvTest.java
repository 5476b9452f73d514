package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesCommasNewlinesAndBom() {
    Csv.Table t = Csv.parse("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,z,w",
        "f.csv");
    assertThat(t.header().values()).containsExactly("a", "b", "c");
    assertThat(t.rows()).hasSize(3);
    assertThat(t.rows().get(0).values()).containsExactly("1", "x, y", "say \"hi\"");
    assertThat(t.rows().get(1).values()).containsExactly("2", "two\nlines", "");
    // Each cell keeps the line it starts on, so an error in the cell after a multi-line one
    // names line 4, not the record's line 3.
    assertThat(t.rows().get(1).lines()).containsExactly(3, 3, 4);
    assertThat(t.error(t.rows().get(1), 2, "bad")).hasMessageStartingWith("f.csv:4:3");
    assertThat(t.rows().get(2).line()).isEqualTo(5);
    assertThat(t.rows().get(2).values()).containsExactly("3", "z", "w");
  }

  @Test
  void blankLinesAreSkippedAndLinesCounted() {
    Csv.Table t = Csv.parse("a\n\n1\n", "f.csv");
    assertThat(t.rows()).hasSize(1);
    assertThat(t.rows().get(0).line()).isEqualTo(3);
  }

  @Test
  void errorsNameFileLineColumnAndValue() {
    assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open\n", "f.csv").rows())
        .hasMessageStartingWith("f.csv:2:2").hasMessageContaining("not closed");
    assertThatThrownBy(() -> Csv.parse("a,b\n1,x\"y\n", "f.csv").rows())
        .hasMessageStartingWith("f.csv:2:2").hasMessageContaining("value \"x\\\"\"");
    assertThatThrownBy(() -> Csv.parse("a,b\n1,2,3\n", "f.csv").rows())
        .hasMessageStartingWith("f.csv:2:3").hasMessageContaining("3 fields");
    assertThatThrownBy(() -> Csv.parse("a,b\n1,\"q\"x\n", "f.csv").rows())
        .hasMessageStartingWith("f.csv:2:2").hasMessageContaining("closing quote");
    assertThatThrownBy(() -> Csv.parse("", "f.csv")).hasMessageContaining("empty");
  }

  @Test
  void requiredColumnNamesTheHeader() {
    Csv.Table t = Csv.parse("id,rating\n1,9\n", "f.csv");
    assertThat(t.column("rating")).isEqualTo(1);
    assertThatThrownBy(() -> t.required("score")).isInstanceOf(BadInputException.class)
        .hasMessage("f.csv:1:3: value \"id,rating\": required column 'score' is missing from the "
            + "header");
    assertThat(t.rows().get(0).lines()).containsExactly(2, 2);
  }
}
