package org.npskit.core;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * Static entry points: a {@link Collector} that tallies any response type, and grouping.
 *
 * <p>Stateless and thread-safe.
 */
public final class Nps {
  private Nps() {}

  /**
   * A collector tallying scores on the 0-10 scale. It is unordered and safe for parallel
   * streams (partial tallies are merged exactly).
   *
   * @param <T> the element type
   * @param score extracts the score of an element
   * @return the collector; it throws {@link IllegalArgumentException} for a score outside 0..10
   * @throws NullPointerException if score is null
   */
  public static <T> Collector<T, ?, NpsTally> collector(ToIntFunction<? super T> score) {
    return collector(score, Scale.ZERO_TO_TEN);
  }

  /**
   * A collector tallying scores on a scale.
   *
   * @param <T> the element type
   * @param score extracts the score of an element
   * @param scale the scale scores are validated against
   * @return the collector; it throws {@link IllegalArgumentException} for a score off the scale
   * @throws NullPointerException if an argument is null
   */
  public static <T> Collector<T, ?, NpsTally> collector(
      ToIntFunction<? super T> score, Scale scale) {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(scale, "scale");
    return Collector.of(
        () -> NpsAccumulator.create(scale),
        (acc, item) -> acc.add(score.applyAsInt(item)),
        NpsAccumulator::merge,
        NpsAccumulator::tally,
        Collector.Characteristics.UNORDERED);
  }

  /**
   * Tallies items per key (0-10 scale). Keys are sorted when they are all {@link Comparable},
   * else kept in first-seen order; see {@link Breakdowns#byKey} for cells with results and
   * minimum-sample flags.
   *
   * @param <T> the item type
   * @param <K> the key type
   * @param items the items
   * @param key extracts the key of an item (never null)
   * @param score extracts the score of an item
   * @return an unmodifiable map from key to tally
   * @throws NullPointerException if an argument or a key is null
   * @throws IllegalArgumentException if a score is outside 0..10
   */
  public static <T, K> Map<K, NpsTally> groupBy(
      Collection<? extends T> items,
      Function<? super T, ? extends K> key,
      ToIntFunction<? super T> score) {
    return Breakdowns.<T, K>byKey(items, key, score).toMap();
  }
}
