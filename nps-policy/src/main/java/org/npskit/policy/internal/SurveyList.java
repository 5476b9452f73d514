package org.npskit.policy.internal;

import java.time.Instant;
import java.util.AbstractList;
import java.util.RandomAccess;
import org.npskit.policy.spi.SurveyRecord;

/**
 * An immutable list of surveys that a store backs with its own compact arrays and builds records
 * from only on {@link #get}: snapshots keep it without copying and the rules read the times
 * through {@link #at} without building records. Implementations must be immutable and hold no
 * null element; mutators throw {@link UnsupportedOperationException}.
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
