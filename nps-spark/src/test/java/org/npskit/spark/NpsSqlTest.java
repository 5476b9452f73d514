package org.npskit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npskit.core.Interval;
import org.npskit.core.NpsAccumulator;
import org.npskit.core.NpsResult;
import org.npskit.core.NpsTally;
import org.npskit.core.Scale;

/** The SQL functions on a local session: counts, statistics, empty groups, nulls, bad input. */
class NpsSqlTest {
  private static SparkSession spark;

  /** Five stores with random scores (some null) and a store whose scores are all null. */
  @BeforeAll
  static void responses() {
    spark = SparkTestSession.get();
    Random random = new Random(19);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int store = random.nextInt(5);
      Integer score = random.nextInt(20) == 0 ? null : random.nextInt(11 - store) + store;
      rows.add(RowFactory.create("store-" + store, score));
    }
    rows.add(RowFactory.create("no-scores", null));
    rows.add(RowFactory.create("no-scores", null));
    StructType schema =
        new StructType().add("store", DataTypes.StringType).add("score", DataTypes.IntegerType);
    spark.createDataFrame(rows, schema).repartition(3).createOrReplaceTempView("responses");
  }

  @Test
  void perGroupCountsArePlainSparkSqlsAndStatisticsAreNpsCores() {
    List<Row> rows =
        spark
            .sql(
                """
                SELECT store, nps_tally(score) AS t, nps(score) AS nps, nps_result(score) AS r,
                       sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS d,
                       sum(CASE WHEN score IN (7, 8) THEN 1 ELSE 0 END) AS p,
                       sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS pr
                FROM responses WHERE store <> 'no-scores' GROUP BY store ORDER BY store
                """)
            .collectAsList();
    assertThat(rows).hasSize(5);
    for (Row row : rows) {
      long d = row.getLong(4);
      long p = row.getLong(5);
      long pr = row.getLong(6);
      assertThat(d + p + pr).isPositive();
      Row tally = row.getStruct(1);
      assertThat(List.of(tally.getLong(0), tally.getLong(1), tally.getLong(2)))
          .containsExactly(d, p, pr);
      NpsResult expected = new NpsResult(d, p, pr);
      assertThat(row.getDouble(2)).isEqualTo(expected.nps());
      assertResult(row.getStruct(3), expected, 0.95);
    }
  }

  @Test
  void aGroupWithoutScoresHasNullNpsAndResultAndAZeroTally() {
    Row row =
        spark
            .sql(
                "SELECT nps_tally(score), nps(score), nps_result(score), nps_result(score, 0.9)"
                    + " FROM responses WHERE store = 'no-scores' GROUP BY store")
            .first();
    assertThat(row.getStruct(0)).isEqualTo(RowFactory.create(0L, 0L, 0L));
    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.isNullAt(2)).isTrue();
    assertThat(row.isNullAt(3)).isTrue();
  }

  @Test
  void aTableWithoutRowsHasNullNpsAndResultAndAZeroTally() {
    Row row =
        spark
            .sql("SELECT nps_tally(score), nps(score), nps_result(score) FROM responses WHERE false")
            .first();
    assertThat(row.getStruct(0)).isEqualTo(RowFactory.create(0L, 0L, 0L));
    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.isNullAt(2)).isTrue();
  }

  @Test
  void nullScoresAreIgnored() {
    Row row =
        spark
            .sql(
                "SELECT nps_tally(score), nps_result(score) FROM VALUES (10), (NULL), (3), (NULL),"
                    + " (9) AS t(score)")
            .first();
    assertThat(row.getStruct(0)).isEqualTo(RowFactory.create(1L, 0L, 2L));
    assertResult(row.getStruct(1), new NpsResult(1, 0, 2), 0.95);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nps_tally", "nps", "nps_result"})
  void aScoreOf11FailsTheQueryNamingTheValue(String function) {
    Dataset<Row> query =
        spark.sql("SELECT " + function + "(score) FROM VALUES (9), (11), (3) AS t(score)");
    assertThatThrownBy(query::collectAsList)
        .hasStackTraceContaining(
            "java.lang.IllegalArgumentException: " + function + ": score must be in 0..10, was 11");
  }

  @Test
  void negativeAndHugeScoresAreNamedExactly() {
    assertThatThrownBy(() -> spark.sql("SELECT nps(-1)").collectAsList())
        .hasStackTraceContaining("nps: score must be in 0..10, was -1");
    // 2^32 + 11 would be 11 if it were cast to int on its way in.
    assertThatThrownBy(() -> spark.sql("SELECT nps_tally(4294967307)").collectAsList())
        .hasStackTraceContaining("nps_tally: score must be in 0..10, was 4294967307");
  }

  @Test
  void aConstantConfidenceGivesNpsCoresIntervalAtThatLevel() {
    Row row =
        spark
            .sql(
                "SELECT nps_result(score, 0.8), nps_result(score, CAST(0.99 AS DOUBLE)),"
                    + " nps_result(score, 0.95D), nps_result(score), nps_tally(score)"
                    + " FROM responses WHERE store = 'store-1'")
            .first();
    Row tally = row.getStruct(4);
    NpsResult expected = new NpsResult(tally.getLong(0), tally.getLong(1), tally.getLong(2));
    assertResult(row.getStruct(0), expected, 0.8);
    assertResult(row.getStruct(1), expected, 0.99);
    assertResult(row.getStruct(2), expected, 0.95);
    assertThat(row.getStruct(3)).isEqualTo(row.getStruct(2));
    assertThat(row.getStruct(0).getDouble(6)).isGreaterThan(row.getStruct(1).getDouble(6));
  }

  @Test
  void aConfidenceThatIsNotAConstantIsAnAnalysisError() {
    assertThatThrownBy(
            () -> spark.sql("SELECT nps_result(score, score / 20.0) FROM responses"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("NON_FOLDABLE_ARGUMENT")
        .hasMessageContaining("`confidence`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "0", "1", "-0.5", "CAST('NaN' AS DOUBLE)"})
  void aConfidenceOutsideZeroOneIsRejectedNamingTheValue(String confidence) {
    assertThatThrownBy(
            () -> spark.sql("SELECT nps_result(score, " + confidence + ") FROM responses"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("nps_result: confidence must be in (0, 1), was ");
    assertThatThrownBy(() -> spark.sql("SELECT nps_result(score, 1.5) FROM responses"))
        .hasMessage("nps_result: confidence must be in (0, 1), was 1.5");
  }

  @Test
  void aNullConfidenceIsRejected() {
    assertThatThrownBy(() -> spark.sql("SELECT nps_result(score, NULL) FROM responses"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps_result: confidence must be a number in (0, 1), was null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nps_tally(score, 1)",
        "nps_tally()",
        "nps(score, score)",
        "nps_result(score, 0.9, 1)",
        "nps_result()",
        "nps_tally_merge()"
      })
  void aWrongNumberOfArgumentsIsAnAnalysisError(String call) {
    assertThatThrownBy(() -> spark.sql("SELECT " + call + " FROM responses"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("WRONG_NUM_ARGS")
        .hasMessageContaining("`" + call.substring(0, call.indexOf('(')) + "`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CAST(score AS DOUBLE)", "CAST(score AS STRING)", "score / 1",
      "CAST(score AS DECIMAL(3, 1))", "true"})
  void scoresThatAreNotIntegersAreAnAnalysisErrorNamingTheType(String score) {
    assertThatThrownBy(() -> spark.sql("SELECT nps_result(" + score + ") FROM responses"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
        .hasMessageContaining("\"BIGINT\")");
  }

  @Test
  void everyIntegralTypeIsAccepted() {
    Row row =
        spark
            .sql(
                """
                SELECT nps_tally(CAST(score AS TINYINT)), nps_tally(CAST(score AS SMALLINT)),
                       nps_tally(score), nps_tally(CAST(score AS BIGINT)),
                       nps_tally(CAST(score AS DECIMAL(2, 0))), nps_tally(NULL)
                FROM responses
                """)
            .first();
    for (int i = 1; i < 5; i++) {
      assertThat(row.getStruct(i)).isEqualTo(row.getStruct(0));
    }
    assertThat(row.getStruct(0).getLong(0)).isPositive();
    assertThat(row.getStruct(5)).isEqualTo(RowFactory.create(0L, 0L, 0L));
  }

  @Test
  void scoresOnTheOneToTenScaleGiveTheSameCategories() {
    Random random = new Random(7);
    int[] scores = new int[500];
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      scores[i] = 1 + random.nextInt(10);
      rows.add(RowFactory.create(scores[i]));
    }
    NpsTally oneToTen = NpsAccumulator.create(Scale.ONE_TO_TEN).addAll(scores).tally();
    spark
        .createDataFrame(rows, new StructType().add("s", DataTypes.IntegerType))
        .createOrReplaceTempView("one_to_ten");
    Row row = spark.sql("SELECT nps_tally(s), nps_result(s) FROM one_to_ten").first();
    assertThat(row.getStruct(0))
        .isEqualTo(
            RowFactory.create(oneToTen.detractors(), oneToTen.passives(), oneToTen.promoters()));
    assertResult(row.getStruct(1), oneToTen.toResult(), 0.95);
  }

  @Test
  void theResultTypesAreTheDocumentedStructs() {
    StructType schema =
        spark
            .sql(
                "SELECT nps_tally(score) t, (SELECT nps_tally_merge(t) FROM (SELECT nps_tally(score)"
                    + " t FROM responses)) m, nps(score) n, nps_result(score) r,"
                    + " nps_result(score, 0.9) r9 FROM responses")
            .schema();
    assertThat(schema.apply("t").dataType().simpleString())
        .isEqualTo("struct<detractors:bigint,passives:bigint,promoters:bigint>");
    assertThat(schema.apply("m").dataType()).isEqualTo(schema.apply("t").dataType());
    assertThat(schema.apply("n").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(schema.apply("r").dataType().simpleString())
        .isEqualTo(
            "struct<n:bigint,detractors:bigint,passives:bigint,promoters:bigint,nps:double,"
                + "standard_error:double,low:double,high:double>");
    assertThat(schema.apply("r9").dataType()).isEqualTo(schema.apply("r").dataType());
    assertThat(schema.apply("t").dataType()).isEqualTo(NpsFunctions.tallyType());
    assertThat(schema.apply("r").dataType()).isEqualTo(NpsFunctions.resultType());
    assertThat(schema.apply("r").nullable()).isTrue();
    assertThat(schema.apply("n").nullable()).isTrue();
  }

  @Test
  void registrationIsRepeatableAndDescribesTheFunctions() {
    NpsFunctions.register(spark);
    String description =
        spark.sql("DESCRIBE FUNCTION nps_result").collectAsList().toString();
    assertThat(description).contains("nps_result(score[, confidence])", "adjusted Wald");
    assertThatNullPointerException().isThrownBy(() -> NpsFunctions.register(null));
  }

  /** Every field of a result struct against nps-core's result for the same counts, exactly. */
  static void assertResult(Row r, NpsResult expected, double confidence) {
    Interval interval = expected.interval(confidence);
    assertThat(r.getLong(0)).as("n").isEqualTo(expected.n());
    assertThat(r.getLong(1)).as("detractors").isEqualTo(expected.detractors());
    assertThat(r.getLong(2)).as("passives").isEqualTo(expected.passives());
    assertThat(r.getLong(3)).as("promoters").isEqualTo(expected.promoters());
    assertThat(r.getDouble(4)).as("nps").isEqualTo(expected.nps());
    assertThat(r.getDouble(5)).as("standard_error").isEqualTo(expected.standardError());
    assertThat(r.getDouble(6)).as("low").isEqualTo(interval.low());
    assertThat(r.getDouble(7)).as("high").isEqualTo(interval.high());
  }
}
