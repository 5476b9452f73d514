package org.npskit.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import scala.Option;
import scala.Tuple2;

/**
 * {@code nps_result(score, confidence)}: {@link ResultAggregator} at the constant confidence the
 * analysis checked. Spark passes the constant along with each score (so the call keeps both
 * arguments, and its name, in the plan); only the score is read.
 */
final class ResultAtConfidenceAggregator
    extends Aggregator<Tuple2<Long, Double>, TallyBuffer, Option<Row>> {
  private static final long serialVersionUID = 1L;

  private final ResultAggregator result;

  ResultAtConfidenceAggregator(double confidence) {
    this.result = new ResultAggregator(confidence);
  }

  @Override
  public TallyBuffer zero() {
    return result.zero();
  }

  @Override
  public TallyBuffer reduce(TallyBuffer buffer, Tuple2<Long, Double> input) {
    return result.reduce(buffer, input == null ? null : input._1());
  }

  @Override
  public TallyBuffer merge(TallyBuffer a, TallyBuffer b) {
    return result.merge(a, b);
  }

  @Override
  public Option<Row> finish(TallyBuffer buffer) {
    return result.finish(buffer);
  }

  @Override
  public Encoder<TallyBuffer> bufferEncoder() {
    return result.bufferEncoder();
  }

  @Override
  public Encoder<Option<Row>> outputEncoder() {
    return result.outputEncoder();
  }
}
