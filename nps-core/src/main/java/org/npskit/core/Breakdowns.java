package org.npskit.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Builds {@link Breakdown}s by segment key or by calendar period, and rolling windows.
 *
 * <p>Stateless and thread-safe. Scores are validated on the 0-10 scale unless a {@link Scale}
 * is given; a null item, key or instant is rejected with {@link NullPointerException}.
 */
public final class Breakdowns {
  private Breakdowns() {}

  /**
   * Tallies items per key on the 0-10 scale. Cells are sorted by key when all keys are {@link
   * Comparable} (natural order), else kept in first-seen order.
   *
   * @param <T> the item type
   * @param <K> the key type
   * @param items the items
   * @param key extracts the key
   * @param score extracts the score
   * @return the breakdown
   * @throws NullPointerException if an argument, item or key is null
   * @throws IllegalArgumentException if a score is outside 0..10
   */
  public static <T, K> Breakdown<K> byKey(
      Collection<? extends T> items,
      Function<? super T, ? extends K> key,
      ToIntFunction<? super T> score) {
    return byKey(items, key, score, Scale.ZERO_TO_TEN);
  }

  /**
   * Tallies items per key on a scale (see {@link #byKey(Collection, Function, ToIntFunction)}).
   *
   * @param <T> the item type
   * @param <K> the key type
   * @param items the items
   * @param key extracts the key
   * @param score extracts the score
   * @param scale the scale
   * @return the breakdown
   * @throws NullPointerException if an argument, item or key is null
   * @throws IllegalArgumentException if a score is off the scale
   */
  public static <T, K> Breakdown<K> byKey(
      Collection<? extends T> items,
      Function<? super T, ? extends K> key,
      ToIntFunction<? super T> score,
      Scale scale) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(scale, "scale");
    Map<K, NpsAccumulator> groups = new LinkedHashMap<>();
    boolean comparable = true;
    for (T item : items) {
      Objects.requireNonNull(item, "item");
      K k = Objects.requireNonNull(key.apply(item), "key of an item");
      comparable &= k instanceof Comparable<?>;
      groups.computeIfAbsent(k, x -> NpsAccumulator.create(scale)).add(score.applyAsInt(item));
    }
    Map<K, NpsAccumulator> ordered = groups;
    if (comparable && !groups.isEmpty()) {
      ordered = new TreeMap<>(naturalOrder());
      ordered.putAll(groups);
    }
    return toBreakdown(ordered);
  }

  /**
   * Tallies items per calendar period (day, ISO week, month or quarter) in a zone. Cells are
   * keyed by the period's first day, chronological; periods without responses are omitted.
   *
   * @param <T> the item type
   * @param items the items
   * @param instant extracts when an item was answered
   * @param score extracts the score (0-10)
   * @param bucket the period length
   * @param zone the zone the calendar is read in
   * @return the breakdown
   * @throws NullPointerException if an argument, item or instant is null
   * @throws IllegalArgumentException if a score is outside 0..10
   */
  public static <T> Breakdown<LocalDate> byPeriod(
      Collection<? extends T> items,
      Function<? super T, Instant> instant,
      ToIntFunction<? super T> score,
      TimeBucket bucket,
      ZoneId zone) {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(instant, "instant");
    return byKey(
        items,
        item -> bucket.start(Objects.requireNonNull(instant.apply(item), "instant of an item"), zone),
        score);
  }

  /**
   * Rolling windows: for every day from the first to the last answer day (in the zone), the
   * tally of the {@code days} days ending on that day (inclusive). Windows overlap, so they do
   * not sum to the total; each window is a cell keyed by its last day. There is one cell per
   * day of the span, so the span of the answer days (not the number of items) sets the size of
   * the result: filter out implausible dates first.
   *
   * @param <T> the item type
   * @param items the items
   * @param instant extracts when an item was answered
   * @param score extracts the score (0-10)
   * @param days the window length in days, &gt;= 1 (e.g. 30)
   * @param zone the zone the calendar is read in
   * @return the windows in chronological order (empty when there are no items)
   * @throws NullPointerException if an argument, item or instant is null
   * @throws IllegalArgumentException if days &lt; 1 or a score is outside 0..10
   */
  public static <T> List<Breakdown.Cell<LocalDate>> rolling(
      Collection<? extends T> items,
      Function<? super T, Instant> instant,
      ToIntFunction<? super T> score,
      int days,
      ZoneId zone) {
    if (days < 1) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "days must be >= 1, was %d", days));
    }
    Map<LocalDate, NpsTally> daily = byPeriod(items, instant, score, TimeBucket.DAY, zone).toMap();
    List<Breakdown.Cell<LocalDate>> out = new ArrayList<>();
    if (daily.isEmpty()) {
      return List.of();
    }
    LocalDate first = daily.keySet().iterator().next();
    LocalDate last = first;
    for (LocalDate d : daily.keySet()) {
      last = d;
    }
    long[] window = new long[11];
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      addInto(window, daily.get(day), 1);
      addInto(window, daily.get(day.minusDays(days)), -1);
      out.add(new Breakdown.Cell<>(day, NpsTally.of(window)));
    }
    return List.copyOf(out);
  }

  private static void addInto(long[] window, NpsTally tally, int sign) {
    if (tally != null) {
      for (int s = 0; s < 11; s++) {
        window[s] += sign * tally.count(s);
      }
    }
  }

  private static <K> Breakdown<K> toBreakdown(Map<K, NpsAccumulator> groups) {
    List<Breakdown.Cell<K>> cells = new ArrayList<>(groups.size());
    for (Map.Entry<K, NpsAccumulator> e : groups.entrySet()) {
      cells.add(new Breakdown.Cell<>(e.getKey(), e.getValue().tally()));
    }
    return Breakdown.of(cells);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <K> Comparator<K> naturalOrder() {
    return (a, b) -> ((Comparable) a).compareTo(b);
  }
}
