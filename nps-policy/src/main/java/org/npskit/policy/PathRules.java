package org.npskit.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.npskit.policy.internal.Checks;

/**
 * Category rules keyed by path: the most specific (deepest) rule whose path is a segment prefix
 * of a category wins. Two rules for the same path with different values are rejected when added.
 * Immutable after {@link #copyOf}; the builder side is {@link #with}.
 *
 * @param <V> the rule value
 */
final class PathRules<V> {
  private final Map<CategoryPath, V> rules;

  // The rules as parallel arrays, for a match loop without iterators or map look-ups.
  private final CategoryPath[] paths;
  private final V[] values;

  @SuppressWarnings("unchecked")
  private PathRules(Map<CategoryPath, V> rules) {
    this.rules = rules;
    this.paths = new CategoryPath[rules.size()];
    this.values = (V[]) new Object[rules.size()];
    int i = 0;
    for (Map.Entry<CategoryPath, V> e : rules.entrySet()) {
      paths[i] = e.getKey();
      values[i] = e.getValue();
      i++;
    }
  }

  /**
   * No rules.
   *
   * @param <V> the rule value
   * @return empty rules
   */
  static <V> PathRules<V> empty() {
    return new PathRules<>(Map.of());
  }

  /**
   * These rules plus one.
   *
   * @param path the path; not null
   * @param value the value; not null
   * @param describe how to name the rule kind in a conflict message
   * @return new rules
   * @throws IllegalArgumentException if the path already has a different value
   */
  PathRules<V> with(CategoryPath path, V value, String describe) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    V old = rules.get(path);
    if (old != null && !old.equals(value)) {
      throw new IllegalArgumentException(
          Checks.format(
              "conflicting %s rules for category '%s': %s and %s", describe, path, old, value));
    }
    Map<CategoryPath, V> copy = new LinkedHashMap<>(rules);
    copy.put(path, value);
    return new PathRules<>(Map.copyOf(copy));
  }

  /**
   * The value of the most specific rule matching the category.
   *
   * @param category the category; not null
   * @return the value, or empty if no rule matches
   */
  Optional<V> match(CategoryPath category) {
    return Optional.ofNullable(matchOrNull(category));
  }

  /**
   * The value of the most specific rule matching the category, without an {@code Optional}.
   *
   * @param category the category; not null
   * @return the value, or null if no rule matches
   */
  V matchOrNull(CategoryPath category) {
    Objects.requireNonNull(category, "category");
    CategoryPath[] paths = this.paths;
    V best = null;
    int bestDepth = 0;
    for (int i = 0; i < paths.length; i++) {
      CategoryPath rule = paths[i];
      int depth = rule.depth();
      if (depth > bestDepth && category.startsWith(rule)) {
        best = values[i];
        bestDepth = depth;
      }
    }
    return best;
  }

  /**
   * The rules as an unmodifiable map.
   *
   * @return the map
   */
  Map<CategoryPath, V> asMap() {
    return rules;
  }
}
