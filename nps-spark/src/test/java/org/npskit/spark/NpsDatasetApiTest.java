package org.npskit.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npskit.core.NpsAccumulator;
import org.npskit.core.NpsResult;

/** The Dataset API equivalents give what the SQL functions give. */
class NpsDatasetApiTest {
  private static SparkSession spark;
  private static Dataset<Row> responses;

  @BeforeAll
  static void responses() {
    spark = SparkTestSession.get();
    Random random = new Random(4);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(RowFactory.create(random.nextInt(3), random.nextInt(30) == 0 ? null
          : (long) random.nextInt(11)));
    }
    responses =
        spark.createDataFrame(
            rows,
            new StructType().add("channel", DataTypes.IntegerType).add("score", DataTypes.LongType));
    responses.createOrReplaceTempView("channel_responses");
  }

  @Test
  void columnFunctionsEqualTheSqlFunctions() {
    List<Row> api =
        responses
            .groupBy("channel")
            .agg(
                NpsFunctions.npsTally(col("score")),
                NpsFunctions.nps(col("score")),
                NpsFunctions.npsResult(col("score")),
                NpsFunctions.npsResult(col("score"), 0.9))
            .orderBy("channel")
            .collectAsList();
    List<Row> sql =
        spark
            .sql(
                "SELECT channel, nps_tally(score), nps(score), nps_result(score),"
                    + " nps_result(score, 0.9D) FROM channel_responses GROUP BY channel"
                    + " ORDER BY channel")
            .collectAsList();
    assertThat(api).hasSize(3).isEqualTo(sql);
  }

  @Test
  void theColumnsCarryTheSqlNames() {
    Dataset<Row> df =
        responses.agg(
            NpsFunctions.npsTally(col("score")), NpsFunctions.npsResult(col("score"), 0.9));
    assertThat(df.columns()).containsExactly("nps_tally(score)", "nps_result(score, 0.9)");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(NpsFunctions.tallyType());
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(NpsFunctions.resultType());
  }

  @Test
  void theResultMatchesNpsCoreOnTheSameScores() {
    NpsAccumulator acc = NpsAccumulator.create();
    for (Row r : responses.collectAsList()) {
      if (!r.isNullAt(1)) {
        acc.add((int) r.getLong(1));
      }
    }
    Row row = responses.agg(NpsFunctions.npsResult(col("score"), 0.99)).first();
    NpsResult expected = acc.tally().toResult();
    NpsSqlTest.assertResult(row.getStruct(0), expected, 0.99);
  }

  @Test
  void mergingTalliesWorksThroughTheColumnApiToo() {
    Row merged =
        responses
            .groupBy("channel")
            .agg(NpsFunctions.npsTally(col("score")).as("tally"))
            .agg(NpsFunctions.npsTallyMerge(col("tally")))
            .first();
    Row direct = responses.agg(NpsFunctions.npsTally(col("score"))).first();
    assertThat(merged).isEqualTo(direct);
  }

  @Test
  void aBadConfidenceOrANullColumnIsRejectedAtOnce() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NpsFunctions.npsResult(col("score"), 1.0))
        .withMessage("nps_result: confidence must be in (0, 1), was 1.0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NpsFunctions.npsResult(col("score"), Double.NaN))
        .withMessage("nps_result: confidence must be in (0, 1), was NaN");
    assertThatNullPointerException().isThrownBy(() -> NpsFunctions.npsTally(null));
    assertThatNullPointerException().isThrownBy(() -> NpsFunctions.npsTallyMerge(null));
    assertThatNullPointerException().isThrownBy(() -> NpsFunctions.nps(null));
    assertThatNullPointerException().isThrownBy(() -> NpsFunctions.npsResult(null));
    assertThatNullPointerException().isThrownBy(() -> NpsFunctions.npsResult(null, 0.9));
  }

  @Test
  void aBadScoreFailsTheJobThroughTheColumnApiToo() {
    Dataset<Row> bad = responses.select(col("score").plus(5).as("score"));
    assertThatThrownBy(() -> bad.agg(NpsFunctions.nps(col("score"))).collectAsList())
        .hasStackTraceContaining("nps: score must be in 0..10, was 1");
  }
}
