package org.npskit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Families of comparisons with multiplicity-adjusted p-values: each segment of a breakdown
 * against all other responses together ("is Groningen really worse than the other stores?"), and
 * each period against the previous one ("did it change since last month?").
 *
 * <p>Each comparison follows {@link Comparison}: the cell is A, its reference B, the difference
 * A - B is signed and raw, and the method ({@link IntervalMethod#WALD} or {@link
 * IntervalMethod#ADJUSTED_WALD}; {@link IntervalMethod#comparisonMethod()} maps Tango to
 * adjusted Wald) sets the standard error, z, p and interval. The family adjusted together is
 * exactly the list returned; its p-values are adjusted by the given {@link PValueAdjustment}.
 * Cells without a comparison are left out of the list: an empty cell (no NPS), a cell whose rest
 * is empty, and the first non-empty period.
 *
 * <p>Weighted tallies are compared on their effective counts ({@link Comparison#ofWeighted}).
 *
 * <p>Stateless and thread-safe; no method accepts null, nor a map with a null key or value.
 */
public final class Contrasts {
  private Contrasts() {}

  /**
   * Each cell (A) against the rest of the breakdown (B: the total minus the cell).
   *
   * @param <K> the key type
   * @param breakdown the cells, for example {@link Breakdowns#byKey}
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param adjustment the multiplicity adjustment over the returned family
   * @return one contrast per non-empty cell with a non-empty rest, in cell order (empty when the
   *     breakdown has fewer than two non-empty cells)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public static <K> List<Contrast<K>> againstRest(
      Breakdown<K> breakdown, IntervalMethod method, PValueAdjustment adjustment) {
    Objects.requireNonNull(breakdown, "breakdown");
    check(method, adjustment);
    NpsTally total = breakdown.total();
    long d = total.detractors();
    long p = total.passives();
    long r = total.promoters();
    List<K> keys = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (Breakdown.Cell<K> cell : breakdown.cells()) {
      NpsTally t = cell.tally();
      long restN = total.n() - t.n();
      if (!t.isEmpty() && restN > 0) {
        NpsResult rest = new NpsResult(d - t.detractors(), p - t.passives(), r - t.promoters());
        keys.add(cell.key());
        comparisons.add(Comparison.of(t.toResult(), rest, method));
      }
    }
    return family(keys, comparisons, adjustment);
  }

  /**
   * Each non-empty cell (A) against the non-empty cell before it (B), in cell order; meant for
   * period breakdowns ({@link Breakdowns#byPeriod}, chronological). Empty cells are skipped: they
   * are neither compared nor a reference.
   *
   * @param <K> the key type
   * @param breakdown the cells in chronological order
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param adjustment the multiplicity adjustment over the returned family
   * @return one contrast per non-empty cell after the first non-empty one, in cell order
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public static <K> List<Contrast<K>> againstPrevious(
      Breakdown<K> breakdown, IntervalMethod method, PValueAdjustment adjustment) {
    Objects.requireNonNull(breakdown, "breakdown");
    check(method, adjustment);
    List<K> keys = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    NpsResult previous = null;
    for (Breakdown.Cell<K> cell : breakdown.cells()) {
      if (cell.tally().isEmpty()) {
        continue;
      }
      NpsResult current = cell.tally().toResult();
      if (previous != null) {
        keys.add(cell.key());
        comparisons.add(Comparison.of(current, previous, method));
      }
      previous = current;
    }
    return family(keys, comparisons, adjustment);
  }

  /**
   * Each weighted cell (A) against the sum of all other cells (B), on effective counts.
   *
   * @param <K> the key type
   * @param cells the weighted tallies by key, in the map's iteration order
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param adjustment the multiplicity adjustment over the returned family
   * @return one contrast per cell with a positive weight whose rest has a positive weight, in
   *     iteration order
   * @throws NullPointerException if an argument, a key or a value is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public static <K> List<Contrast<K>> weightedAgainstRest(
      Map<K, WeightedNpsTally> cells, IntervalMethod method, PValueAdjustment adjustment) {
    List<K> keys = new ArrayList<>();
    List<WeightedNpsTally> tallies = new ArrayList<>();
    entries(cells, method, adjustment, keys, tallies);
    int m = tallies.size();
    // rest(i) = (sum of the cells before i) + (sum of the cells after i): O(m), no subtraction.
    WeightedNpsTally[] after = new WeightedNpsTally[m + 1];
    after[m] = WeightedNpsTally.empty();
    for (int i = m - 1; i >= 0; i--) {
      after[i] = tallies.get(i).plus(after[i + 1]);
    }
    List<K> compared = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    WeightedNpsTally before = WeightedNpsTally.empty();
    for (int i = 0; i < m; i++) {
      WeightedNpsTally cell = tallies.get(i);
      WeightedNpsTally rest = before.plus(after[i + 1]);
      if (!cell.isEmpty() && !rest.isEmpty()) {
        compared.add(keys.get(i));
        comparisons.add(Comparison.ofWeighted(cell, rest, method));
      }
      before = before.plus(cell);
    }
    return family(compared, comparisons, adjustment);
  }

  /**
   * Each weighted cell with a positive weight (A) against the one before it (B), on effective
   * counts; cells of total weight 0 are skipped.
   *
   * @param <K> the key type
   * @param cells the weighted tallies by period, in chronological iteration order (a {@code
   *     TreeMap} of period starts, for example)
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param adjustment the multiplicity adjustment over the returned family
   * @return one contrast per non-empty cell after the first non-empty one, in iteration order
   * @throws NullPointerException if an argument, a key or a value is null
   * @throws IllegalArgumentException for {@link IntervalMethod#TANGO_SCORE}
   */
  public static <K> List<Contrast<K>> weightedAgainstPrevious(
      Map<K, WeightedNpsTally> cells, IntervalMethod method, PValueAdjustment adjustment) {
    List<K> keys = new ArrayList<>();
    List<WeightedNpsTally> tallies = new ArrayList<>();
    entries(cells, method, adjustment, keys, tallies);
    List<K> compared = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    WeightedNpsTally previous = null;
    for (int i = 0; i < tallies.size(); i++) {
      WeightedNpsTally current = tallies.get(i);
      if (current.isEmpty()) {
        continue;
      }
      if (previous != null) {
        compared.add(keys.get(i));
        comparisons.add(Comparison.ofWeighted(current, previous, method));
      }
      previous = current;
    }
    return family(compared, comparisons, adjustment);
  }

  private static void check(IntervalMethod method, PValueAdjustment adjustment) {
    Comparison.requireTwoSample(method);
    Objects.requireNonNull(adjustment, "adjustment");
  }

  private static <K> void entries(
      Map<K, WeightedNpsTally> cells,
      IntervalMethod method,
      PValueAdjustment adjustment,
      List<K> keys,
      List<WeightedNpsTally> tallies) {
    Objects.requireNonNull(cells, "cells");
    check(method, adjustment);
    for (Map.Entry<K, WeightedNpsTally> e : cells.entrySet()) {
      K key = Objects.requireNonNull(e.getKey(), "key of a cell");
      keys.add(key);
      tallies.add(Objects.requireNonNull(e.getValue(), () -> "tally of the cell " + key));
    }
  }

  private static <K> List<Contrast<K>> family(
      List<K> keys, List<Comparison> comparisons, PValueAdjustment adjustment) {
    double[] raw = new double[comparisons.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = comparisons.get(i).pValue();
    }
    double[] adjusted = adjustment.adjust(raw);
    List<Contrast<K>> out = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      out.add(new Contrast<>(keys.get(i), comparisons.get(i), adjusted[i]));
    }
    return List.copyOf(out);
  }
}
