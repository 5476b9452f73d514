package org.npskit.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.npskit.policy.internal.Checks;

/**
 * A category path such as {@code tv/oled}: segments split on {@code /}, trimmed and lower-cased
 * ({@link Locale#ROOT}), so comparisons are case-insensitive. Immutable and thread-safe.
 *
 * @param segments the normalized segments; not empty, no blank segment
 */
public record CategoryPath(List<String> segments) {

  /**
   * Validates and copies the segments, normalizing them (trimmed, lower case).
   *
   * @param segments the segments; not null, not empty, none blank
   * @throws NullPointerException if the list or a segment is null
   * @throws IllegalArgumentException if the list is empty or a segment is blank
   */
  public CategoryPath {
    Objects.requireNonNull(segments, "segments");
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty, was []");
    }
    List<String> given = segments;
    segments =
        segments.stream()
            .map(s -> Objects.requireNonNull(s, "segment").trim().toLowerCase(Locale.ROOT))
            .toList();
    if (segments.contains("")) {
      throw new IllegalArgumentException(
          Checks.format("category path must not have an empty segment, was %s", given));
    }
  }

  /**
   * Parses {@code a/b/c}.
   *
   * @param path the path text; not null
   * @return the path
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalArgumentException if the path is blank or has an empty segment (e.g.
   *     {@code a//b}, {@code /a})
   */
  public static CategoryPath parse(String path) {
    Objects.requireNonNull(path, "path");
    List<String> parts = List.of(path.split("/", -1));
    if (parts.stream().anyMatch(p -> p.isBlank() || p.trim().isEmpty())) {
      throw new IllegalArgumentException(
          Checks.format("category path must not have an empty segment, was '%s'", path));
    }
    return new CategoryPath(parts);
  }

  /**
   * Whether this path starts with all segments of {@code prefix} (whole segments, from the root):
   * {@code printing/toner/laser} starts with {@code printing/toner}, not with {@code toner}.
   *
   * @param prefix the candidate prefix; not null
   * @return true if {@code prefix} is a segment prefix of this path (or equal)
   */
  public boolean startsWith(CategoryPath prefix) {
    Objects.requireNonNull(prefix, "prefix");
    int n = prefix.segments.size();
    if (n > segments.size()) {
      return false;
    }
    // Segments are normalized (lower case) when a path is built, so plain equals is
    // case-insensitive; an index loop allocates no sub-list or iterator.
    for (int i = 0; i < n; i++) {
      if (!segments.get(i).equals(prefix.segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number of segments (the specificity of a rule).
   *
   * @return at least 1
   */
  public int depth() {
    return segments.size();
  }

  @Override
  public String toString() {
    return String.join("/", segments);
  }
}
