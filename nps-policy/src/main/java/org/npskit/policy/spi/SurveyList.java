package org.npskit.policy.spi;

import java.time.Instant;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of surveys that a store backs with its own compact arrays, for {@link
 * HistorySnapshot}'s survey components.
 *
 * <p>Why it exists: a snapshot copies every other list it is given ({@code List.copyOf}), but
 * keeps a {@code SurveyList} as it is, and the rules read survey times through {@link #at}
 * without building a {@link SurveyRecord} per element. A store that keeps its surveys in arrays
 * (the in-memory store does) so hands out a view of them at no cost. A store that builds records
 * anyway (the JDBC store does) does not need this class: any {@code List<SurveyRecord>} works.
 *
 * <p>Contract for subclasses: the list never changes after it is handed to a snapshot (it is
 * shared without copying, also across threads), holds no null element, and {@link #at at(i)}
 * equals {@code get(i).at()}. Mutators throw {@link UnsupportedOperationException} (as
 * {@link AbstractList}'s do).
 *
 * <p>Thread safety: instances must be immutable, hence safe to share between threads.
 */
public abstract class SurveyList extends AbstractList<SurveyRecord> implements RandomAccess {
  /** For subclasses. */
  protected SurveyList() {}

  /**
   * The time of survey {@code index}, equal to {@code get(index).at()}.
   *
   * @param index the index
   * @return the time
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public abstract Instant at(int index);
}
