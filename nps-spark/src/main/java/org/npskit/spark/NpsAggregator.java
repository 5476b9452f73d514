package org.npskit.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.npskit.core.NpsTally;

/** {@code nps(score)}: the NPS in points, null when the group has no score. */
final class NpsAggregator extends ScoreAggregator<Double> {
  private static final long serialVersionUID = 1L;

  NpsAggregator() {
    super(NpsFunctions.NPS);
  }

  @Override
  Double finish(NpsTally tally) {
    return tally.isEmpty() ? null : tally.toResult().nps();
  }

  @Override
  public Encoder<Double> outputEncoder() {
    return Encoders.DOUBLE();
  }
}
