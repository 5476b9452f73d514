package org.npskit.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.npskit.core.NpsTally;

/** {@code nps_tally(score)}: the category counts of the group, zeros when it has no score. */
final class TallyAggregator extends ScoreAggregator<Row> {
  private static final long serialVersionUID = 1L;

  TallyAggregator() {
    super(NpsFunctions.NPS_TALLY);
  }

  @Override
  Row finish(NpsTally tally) {
    return Rows.tally(tally);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(Rows.tallyType());
  }
}
