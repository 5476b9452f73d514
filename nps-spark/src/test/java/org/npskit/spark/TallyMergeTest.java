package org.npskit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored daily tallies, rolled up per month, equal the direct tally of the month's scores. */
class TallyMergeTest {
  private static SparkSession spark;

  @BeforeAll
  static void responses() {
    spark = SparkTestSession.get();
    Random random = new Random(31);
    List<Row> rows = new ArrayList<>();
    LocalDate start = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < 3_000; i++) {
      LocalDate day = start.plusDays(random.nextInt(90));
      Integer score = random.nextInt(25) == 0 ? null : random.nextInt(11);
      rows.add(RowFactory.create("store-" + random.nextInt(3), Date.valueOf(day), score));
    }
    StructType schema =
        new StructType()
            .add("store", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("score", DataTypes.IntegerType);
    spark.createDataFrame(rows, schema).createOrReplaceTempView("daily_responses");
  }

  @Test
  void mergedDailyTalliesStoredInParquetEqualTheDirectMonthlyTally(@TempDir Path dir) {
    String daily = dir.resolve("daily_tallies").toString();
    spark
        .sql(
            "SELECT store, day, nps_tally(score) AS tally FROM daily_responses GROUP BY store, day")
        .write()
        .parquet(daily);
    spark.read().parquet(daily).createOrReplaceTempView("daily_tallies");
    List<Row> merged =
        spark
            .sql(
                """
                SELECT store, date_format(day, 'yyyy-MM') AS month, nps_tally_merge(tally) AS t
                FROM daily_tallies GROUP BY store, month ORDER BY store, month
                """)
            .collectAsList();
    List<Row> direct =
        spark
            .sql(
                """
                SELECT store, date_format(day, 'yyyy-MM') AS month, nps_tally(score) AS t
                FROM daily_responses GROUP BY store, month ORDER BY store, month
                """)
            .collectAsList();
    assertThat(merged).hasSize(9).isEqualTo(direct);
    assertThat(merged.get(0).getStruct(2).getLong(0)).isPositive();
  }

  @Test
  void nullTalliesAreIgnoredAndNoTallyIsZero() {
    Row row =
        spark
            .sql(
                """
                SELECT nps_tally_merge(t), nps_tally_merge(IF(false, t, NULL))
                FROM VALUES (named_struct('detractors', 1L, 'passives', 2L, 'promoters', 3L)),
                            (NULL),
                            (named_struct('detractors', 4, 'passives', 0, 'promoters', 10))
                     AS v(t)
                """)
            .first();
    assertThat(row.getStruct(0)).isEqualTo(RowFactory.create(5L, 2L, 13L));
    assertThat(row.getStruct(1)).isEqualTo(RowFactory.create(0L, 0L, 0L));
  }

  @Test
  void aNegativeOrNullCountFailsTheQueryNamingTheField() {
    assertThatThrownBy(
            () ->
                spark
                    .sql(
                        "SELECT nps_tally_merge(named_struct('detractors', 1L, 'passives', -2L,"
                            + " 'promoters', 3L))")
                    .collectAsList())
        .hasStackTraceContaining("nps_tally_merge: tally.passives must be >= 0, was -2");
    assertThatThrownBy(
            () ->
                spark
                    .sql(
                        "SELECT nps_tally_merge(named_struct('detractors', 1L, 'passives', 2L,"
                            + " 'promoters', CAST(NULL AS BIGINT)))")
                    .collectAsList())
        .hasStackTraceContaining("nps_tally_merge: tally.promoters must not be null");
  }

  @Test
  void aStructThatIsNotATallyIsAnAnalysisError() {
    for (String tally :
        List.of(
            "named_struct('promoters', 1L, 'passives', 2L, 'detractors', 3L)",
            "named_struct('detractors', 1L, 'passives', 2L)",
            "named_struct('detractors', 1.5D, 'passives', 2L, 'promoters', 3L)",
            "42")) {
      assertThatThrownBy(() -> spark.sql("SELECT nps_tally_merge(" + tally + ")"))
          .as(tally)
          .isInstanceOf(AnalysisException.class)
          .hasMessageContaining("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
          .hasMessageContaining("STRUCT<detractors: BIGINT, passives: BIGINT, promoters: BIGINT>");
    }
  }
}
