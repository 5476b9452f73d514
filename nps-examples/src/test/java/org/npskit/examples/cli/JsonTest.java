package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesEveryKind() {
    Map<String, Object> o = Json.object();
    o.put("s", "a\"b\\c\n\t\u0001");
    o.put("d", 33.333333333333336);
    o.put("l", 1537L);
    o.put("nan", Double.NaN);
    o.put("null", null);
    o.put("list", Arrays.asList(true, "x", null));
    assertThat(Json.write(o)).isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001\",\"d\":33.333333333333336,"
        + "\"l\":1537,\"nan\":null,\"null\":null,\"list\":[true,\"x\",null]}");
    assertThat(Json.write(List.of())).isEqualTo("[]");
  }

  /** Doubles keep full precision: the printed text parses back to the same double. */
  @Property
  void doublesRoundTrip(@ForAll double d) {
    String s = Json.write(d);
    if (Double.isFinite(d)) {
      assertThat(Double.parseDouble(s)).isEqualTo(d);
    } else {
      assertThat(s).isEqualTo("null");
    }
  }

  /** A written string has no raw control character and unescapes to the original. */
  @Property
  void stringsAreEscaped(@ForAll String s) {
    String w = Json.write(s);
    assertThat(w.chars().noneMatch(c -> c < 0x20)).isTrue();
    assertThat(unescape(w.substring(1, w.length() - 1))).isEqualTo(s);
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    return sb.toString();
  }
}
