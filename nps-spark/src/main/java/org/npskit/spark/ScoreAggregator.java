package org.npskit.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.npskit.core.NpsTally;

/**
 * The common part of the aggregators over scores: a {@link TallyBuffer} filled score by score,
 * null scores ignored, partial buffers merged by {@link NpsTally#plus(NpsTally)}.
 *
 * @param <O> the output type
 */
abstract class ScoreAggregator<O> extends Aggregator<Long, TallyBuffer, O> {
  private static final long serialVersionUID = 1L;

  private final String function;

  ScoreAggregator(String function) {
    this.function = function;
  }

  @Override
  public final TallyBuffer zero() {
    return new TallyBuffer();
  }

  @Override
  public final TallyBuffer reduce(TallyBuffer buffer, Long score) {
    return score == null ? buffer : buffer.addScore(function, score);
  }

  @Override
  public final TallyBuffer merge(TallyBuffer a, TallyBuffer b) {
    return a.add(b.tally());
  }

  @Override
  public final O finish(TallyBuffer buffer) {
    return finish(buffer.tally());
  }

  /**
   * The output for the group's tally.
   *
   * @param tally the tally of the group's non-null scores, possibly empty
   * @return the output
   */
  abstract O finish(NpsTally tally);

  @Override
  public final Encoder<TallyBuffer> bufferEncoder() {
    return Encoders.bean(TallyBuffer.class);
  }
}
