package org.npskit.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import org.npskit.core.NpsTally;
import scala.Option;

/**
 * {@code nps_result(score[, confidence])}: counts, NPS, standard error and the adjusted Wald
 * interval at a fixed confidence; null when the group has no score.
 */
final class ResultAggregator extends ScoreAggregator<Option<Row>> {
  private static final long serialVersionUID = 1L;

  private final double confidence;

  /**
   * An aggregator at a confidence level.
   *
   * @param confidence in (0, 1), already validated
   */
  ResultAggregator(double confidence) {
    super(NpsFunctions.NPS_RESULT);
    this.confidence = confidence;
  }

  @Override
  Option<Row> finish(NpsTally tally) {
    return tally.isEmpty() ? Option.empty() : Option.apply(Rows.result(tally.toResult(), confidence));
  }

  /**
   * A nullable struct: Spark encodes a top-level row as a non-null struct, an {@code Option} of
   * it as a struct that may be null.
   */
  @Override
  @SuppressWarnings("unchecked")
  public Encoder<Option<Row>> outputEncoder() {
    AgnosticEncoder<Row> row = (AgnosticEncoder<Row>) Encoders.row(Rows.resultType());
    return new AgnosticEncoders.OptionEncoder<>(row);
  }
}
