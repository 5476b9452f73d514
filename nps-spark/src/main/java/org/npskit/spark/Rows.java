package org.npskit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.npskit.core.Interval;
import org.npskit.core.NpsResult;
import org.npskit.core.NpsTally;

/** The SQL struct types of the functions' results and how nps-core values fill them. */
final class Rows {
  /** {@code struct<detractors: bigint, passives: bigint, promoters: bigint>}. */
  static StructType tallyType() {
    return tallyType(false);
  }

  /** The tally type with fields that may be null or not (the input of nps_tally_merge). */
  static StructType tallyType(boolean nullableFields) {
    return new StructType()
        .add("detractors", DataTypes.LongType, nullableFields)
        .add("passives", DataTypes.LongType, nullableFields)
        .add("promoters", DataTypes.LongType, nullableFields);
  }

  /**
   * {@code struct<n: bigint, detractors: bigint, passives: bigint, promoters: bigint, nps: double,
   * standard_error: double, low: double, high: double>}.
   */
  static StructType resultType() {
    return new StructType()
        .add("n", DataTypes.LongType, false)
        .add("detractors", DataTypes.LongType, false)
        .add("passives", DataTypes.LongType, false)
        .add("promoters", DataTypes.LongType, false)
        .add("nps", DataTypes.DoubleType, false)
        .add("standard_error", DataTypes.DoubleType, false)
        .add("low", DataTypes.DoubleType, false)
        .add("high", DataTypes.DoubleType, false);
  }

  static Row tally(NpsTally tally) {
    return RowFactory.create(tally.detractors(), tally.passives(), tally.promoters());
  }

  static Row result(NpsResult r, double confidence) {
    Interval interval = r.interval(confidence);
    return RowFactory.create(
        r.n(),
        r.detractors(),
        r.passives(),
        r.promoters(),
        r.nps(),
        r.standardError(),
        interval.low(),
        interval.high());
  }

  private Rows() {}
}
