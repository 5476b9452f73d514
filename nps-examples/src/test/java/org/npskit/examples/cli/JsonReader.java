package org.npskit.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON parser for tests (objects as insertion-ordered maps, arrays as lists, numbers as
 * doubles, true/false, null), and the subset comparison of the contract checker: every field of
 * the expected value must be present and equal, numbers within a tolerance, arrays of equal
 * length. Not thread-safe (one instance per text).
 */
final class JsonReader {
  private final String s;
  private int i;

  private JsonReader(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    JsonReader r = new JsonReader(text);
    Object v = r.value();
    r.space();
    if (r.i != r.s.length()) {
      throw new IllegalArgumentException("trailing text at " + r.i + ": " + text);
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private Object value() {
    space();
    char c = s.charAt(i);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      space();
      if (s.charAt(i) == '}') {
        i++;
        return m;
      }
      while (true) {
        space();
        String k = string();
        space();
        expect(':');
        m.put(k, value());
        space();
        if (s.charAt(i) == ',') {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      i++;
      space();
      if (s.charAt(i) == ']') {
        i++;
        return l;
      }
      while (true) {
        l.add(value());
        space();
        if (s.charAt(i) == ',') {
          i++;
        } else {
          expect(']');
          return l;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (s.startsWith(word, i)) {
        i += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return Double.parseDouble(s.substring(start, i));
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i + ": " + s);
    }
    i++;
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (s.charAt(i) != '"') {
      char c = s.charAt(i++);
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
    i++;
    return b.toString();
  }

  /**
   * The first difference between an actual value and the expected one (fields of expected
   * objects only; numbers within the tolerance), as a path and the two values; null when the
   * actual value matches.
   */
  static String difference(String path, Object actual, Object expected, double tolerance) {
    if (expected instanceof Double e) {
      return actual instanceof Double a && Math.abs(a - e) <= tolerance ? null
          : path + " = " + actual + ", expected " + expected;
    }
    if (expected instanceof Map<?, ?> e) {
      if (!(actual instanceof Map<?, ?> a)) {
        return path + " = " + actual + ", expected an object";
      }
      for (Map.Entry<?, ?> f : e.entrySet()) {
        if (!a.containsKey(f.getKey())) {
          return path + "." + f.getKey() + " is missing";
        }
        String d = difference(path + "." + f.getKey(), a.get(f.getKey()), f.getValue(),
            tolerance);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected instanceof List<?> e) {
      if (!(actual instanceof List<?> a) || a.size() != e.size()) {
        return path + " = " + actual + ", expected " + e.size() + " elements";
      }
      for (int k = 0; k < e.size(); k++) {
        String d = difference(path + "[" + k + "]", a.get(k), e.get(k), tolerance);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return java.util.Objects.equals(actual, expected) ? null
        : path + " = " + actual + ", expected " + expected;
  }
}
