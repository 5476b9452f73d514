package org.npskit.spark;

import java.util.Locale;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.npskit.core.NpsTally;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import scala.Option;

/**
 * {@code nps_tally_merge(tally)}: the sum of stored category tallies, null tallies ignored,
 * zeros when the group has none.
 */
final class TallyMergeAggregator extends Aggregator<Option<Row>, TallyBuffer, Row> {
  private static final long serialVersionUID = 1L;
  private static final String[] FIELDS = {"detractors", "passives", "promoters"};

  @Override
  public TallyBuffer zero() {
    return new TallyBuffer();
  }

  @Override
  public TallyBuffer reduce(TallyBuffer buffer, Option<Row> input) {
    Row tally = input == null || input.isEmpty() ? null : input.get();
    if (tally == null) {
      return buffer;
    }
    long[] c = new long[3];
    for (int i = 0; i < 3; i++) {
      if (tally.isNullAt(i)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "%s: tally.%s must not be null", NpsFunctions.NPS_TALLY_MERGE,
                FIELDS[i]));
      }
      c[i] = tally.getLong(i);
      if (c[i] < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: tally.%s must be >= 0, was %d",
                NpsFunctions.NPS_TALLY_MERGE,
                FIELDS[i],
                c[i]));
      }
    }
    return buffer.add(NpsTally.ofCategories(c[0], c[1], c[2]));
  }

  @Override
  public TallyBuffer merge(TallyBuffer a, TallyBuffer b) {
    return a.add(b.tally());
  }

  @Override
  public Row finish(TallyBuffer buffer) {
    return Rows.tally(buffer.tally());
  }

  @Override
  public Encoder<TallyBuffer> bufferEncoder() {
    return Encoders.bean(TallyBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(Rows.tallyType());
  }

  /**
   * The input encoder: one nullable struct column (a bare row encoder would ask for three
   * non-null columns); its fields may be null so that the reduce step reports them.
   */
  @SuppressWarnings("unchecked")
  static Encoder<Option<Row>> inputEncoder() {
    AgnosticEncoder<Row> row = (AgnosticEncoder<Row>) Encoders.row(Rows.tallyType(true));
    return new AgnosticEncoders.OptionEncoder<>(row);
  }
}
