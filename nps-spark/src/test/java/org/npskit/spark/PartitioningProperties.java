package org.npskit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.WithNull;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.npskit.core.NpsAccumulator;
import org.npskit.core.NpsTally;

/**
 * Partial aggregation and the shuffle give the same exact answer for any partitioning and row
 * order, equal to nps-core's tally of the same scores.
 */
class PartitioningProperties {
  private static final StructType SCHEMA =
      new StructType().add("g", DataTypes.IntegerType).add("score", DataTypes.IntegerType);

  /** Each try is one Spark job (two partitionings side by side), about a second on 2 cores. */
  @Property(tries = 15)
  void talliesAndResultsDoNotDependOnPartitionsOrOrder(
      @ForAll @Size(max = 400) List<@WithNull(0.05) @IntRange(min = 0, max = 10) Integer> scores,
      @ForAll @IntRange(min = 1, max = 37) int partitions,
      @ForAll @IntRange(min = 1, max = 37) int otherPartitions,
      @ForAll long seed) {
    List<Row> rows = rows(scores);
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    List<Row> expected = expected(scores);
    List<List<Row>> both = aggregate(rows, partitions, shuffled, otherPartitions);
    assertThat(both.get(0)).isEqualTo(expected);
    assertThat(both.get(1)).isEqualTo(expected);
  }

  @Test
  void theSameTalliesForOneOr37Partitions() {
    Random random = new Random(37);
    List<Integer> scores = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      scores.add(random.nextInt(50) == 0 ? null : random.nextInt(11));
    }
    List<Row> rows = rows(scores);
    List<List<Row>> both = aggregate(rows, 1, rows, 37);
    assertThat(both.get(0)).hasSize(3).isEqualTo(both.get(1)).isEqualTo(expected(scores));
  }

  /** Row i is in group i % 3, so each group's rows are spread over the partitions. */
  private static List<Row> rows(List<Integer> scores) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      rows.add(RowFactory.create(i % 3, scores.get(i)));
    }
    return rows;
  }

  /** Per group: the tally and the NPS of the result, as nps-core computes them. */
  private static List<Row> expected(List<Integer> scores) {
    List<Row> out = new ArrayList<>();
    for (int g = 0; g < 3 && g < scores.size(); g++) {
      NpsAccumulator acc = NpsAccumulator.create();
      for (int i = g; i < scores.size(); i += 3) {
        if (scores.get(i) != null) {
          acc.add(scores.get(i));
        }
      }
      NpsTally t = acc.tally();
      Row tally = RowFactory.create(t.detractors(), t.passives(), t.promoters());
      Row result = t.result().map(r -> Rows.result(r, 0.95)).orElse(null);
      out.add(RowFactory.create(g, tally, result));
    }
    return out;
  }

  /**
   * The per-group answer for two lists of rows, each spread over its own number of partitions,
   * in one job: a union keeps each side's partitions, the group key keeps the sides apart.
   */
  private static List<List<Row>> aggregate(
      List<Row> a, int partitionsOfA, List<Row> b, int partitionsOfB) {
    SparkSession spark = SparkTestSession.get();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> left = spark.createDataFrame(jsc.parallelize(a, partitionsOfA), SCHEMA);
    Dataset<Row> right = spark.createDataFrame(jsc.parallelize(b, partitionsOfB), SCHEMA);
    assertThat(left.rdd().getNumPartitions()).isEqualTo(partitionsOfA);
    assertThat(right.rdd().getNumPartitions()).isEqualTo(partitionsOfB);
    left.selectExpr("0 AS side", "*")
        .union(right.selectExpr("1 AS side", "*"))
        .createOrReplaceTempView("partitioned");
    List<Row> rows =
        spark
            .sql(
                "SELECT side, g, nps_tally(score), nps_result(score) FROM partitioned"
                    + " GROUP BY side, g ORDER BY side, g")
            .collectAsList();
    List<List<Row>> sides = List.of(new ArrayList<>(), new ArrayList<>());
    for (Row r : rows) {
      sides.get(r.getInt(0)).add(RowFactory.create(r.getInt(1), r.get(2), r.get(3)));
    }
    return sides;
  }
}
