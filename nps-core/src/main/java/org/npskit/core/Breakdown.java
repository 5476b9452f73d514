package org.npskit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tallies per key (a segment or a period start), in a fixed order, with their total.
 *
 * <p>The total is the sum of the cells by construction. Immutable and thread-safe when the keys
 * are; no method accepts null.
 *
 * @param <K> the key type
 * @param cells the cells in report order (copied; keys distinct)
 * @param total the sum of all cells
 */
public record Breakdown<K>(List<Cell<K>> cells, NpsTally total) {
  /**
   * Validates the cells and the total.
   *
   * @param cells see the record component
   * @param total see the record component
   * @throws NullPointerException if an argument or a cell is null
   * @throws IllegalArgumentException if the total is not the sum of the cells
   */
  public Breakdown {
    cells = copyOfCells(cells);
    Objects.requireNonNull(total, "total");
    NpsTally sum = NpsTally.empty();
    for (Cell<K> c : cells) {
      sum = sum.plus(c.tally());
    }
    if (!sum.equals(total)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "total must be the sum of the cells %s, was %s", sum, total));
    }
  }

  /**
   * A breakdown from cells; the total is their sum.
   *
   * @param <K> the key type
   * @param cells the cells in report order
   * @return the breakdown
   * @throws NullPointerException if cells or a cell is null (the message names {@code cells} or
   *     {@code cells[i]})
   */
  public static <K> Breakdown<K> of(List<Cell<K>> cells) {
    List<Cell<K>> copy = copyOfCells(cells);
    NpsTally sum = NpsTally.empty();
    for (Cell<K> c : copy) {
      sum = sum.plus(c.tally());
    }
    return new Breakdown<>(copy, sum);
  }

  /** An immutable copy; a null list or cell is an NPE naming {@code cells} or {@code cells[i]}. */
  private static <K> List<Cell<K>> copyOfCells(List<Cell<K>> cells) {
    Objects.requireNonNull(cells, "cells");
    for (int i = 0; i < cells.size(); i++) {
      Objects.requireNonNull(cells.get(i), "cells[" + i + "]");
    }
    return List.copyOf(cells);
  }

  /**
   * The statistics of the total, absent when it is empty.
   *
   * @return the total result
   */
  public Optional<NpsResult> totalResult() {
    return total.result();
  }

  /**
   * The cells as an ordered map from key to tally.
   *
   * @return an unmodifiable, insertion-ordered map
   */
  public Map<K, NpsTally> toMap() {
    Map<K, NpsTally> map = new LinkedHashMap<>();
    for (Cell<K> c : cells) {
      map.put(c.key(), c.tally());
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The cells with fewer than {@code minimum} responses.
   *
   * @param minimum the minimum sample size, &gt;= 0
   * @return those cells, in order
   * @throws IllegalArgumentException if minimum is negative
   */
  public List<Cell<K>> cellsBelow(int minimum) {
    List<Cell<K>> out = new ArrayList<>();
    for (Cell<K> c : cells) {
      if (c.belowMinimumSample(minimum)) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * One cell of a breakdown.
   *
   * @param <K> the key type
   * @param key the segment key or period start
   * @param tally the responses in the cell
   */
  public record Cell<K>(K key, NpsTally tally) {
    /**
     * Validates the cell.
     *
     * @param key see the record component
     * @param tally see the record component
     * @throws NullPointerException if an argument is null
     */
    public Cell {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(tally, "tally");
    }

    /**
     * The statistics of the cell, absent when it is empty.
     *
     * @return the result
     */
    public Optional<NpsResult> result() {
      return tally.result();
    }

    /**
     * Whether the cell has fewer responses than a minimum (too few to report on their own).
     *
     * @param minimum the minimum sample size, &gt;= 0
     * @return true if n &lt; minimum
     * @throws IllegalArgumentException if minimum is negative
     */
    public boolean belowMinimumSample(int minimum) {
      if (minimum < 0) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "minimum must be >= 0, was %d", minimum));
      }
      return tally.n() < minimum;
    }
  }
}
