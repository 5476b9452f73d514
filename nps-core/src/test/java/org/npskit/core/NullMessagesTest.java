package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every NullPointerException names what was null (issue: six of them did not). */
class NullMessagesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void breakdownsNameTheCellsAndTheIndex() {
    Breakdown.Cell<String> cell = new Breakdown.Cell<>("a", NpsTally.ofCategories(1, 0, 1));
    assertThatThrownBy(() -> Breakdown.of(null))
        .isInstanceOf(NullPointerException.class).hasMessage("cells");
    assertThatThrownBy(() -> Breakdown.of(Arrays.asList(cell, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("cells[1]");
    assertThatThrownBy(() -> new Breakdown<String>(null, NpsTally.empty()))
        .isInstanceOf(NullPointerException.class).hasMessage("cells");
    assertThatThrownBy(() -> new Breakdown<>(Arrays.asList(null, cell), cell.tally()))
        .isInstanceOf(NullPointerException.class).hasMessage("cells[0]");
    assertThatThrownBy(() -> new Breakdown<>(List.of(cell), null))
        .isInstanceOf(NullPointerException.class).hasMessage("total");
  }

  @Test
  void responsesNameTheAttribute() {
    assertThatThrownBy(() -> new SurveyResponse("R1", "C1", 9, T0, null, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("attributes");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("store", null);
    assertThatThrownBy(() -> new SurveyResponse("R1", "C1", 9, T0, nullValue, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("attributes[store]");
    Map<String, String> nullName = new HashMap<>();
    nullName.put(null, "Groningen");
    assertThatThrownBy(() -> new SurveyResponse("R1", "C1", 9, T0, nullName, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("attributes: a null name");
  }
}
