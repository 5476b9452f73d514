package org.npskit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;

/**
 * Measures {@code nps_result(score)} against the native SQL a Spark user would otherwise write,
 * over the same cached table in one session, alternating the queries round by round; not a test.
 *
 * <p>Run: {@code mvn -B -o -q -pl nps-core,nps-spark -Pspark-benchmark -DskipTests
 * -Djacoco.skip=true verify} (arguments: {@code -Dnpskit.spark.benchmark.args="ROWS ROUNDS"},
 * default 20000000 rows and 7 measured rounds after 2 warm-up rounds). Prints a Markdown table:
 * median wall time per query, rows per second, and the ratio of each query's speed to the native
 * one's.
 *
 * <p>Besides the global aggregate it runs the same pair grouped by 100 stores and by 5,000 cells
 * (store and month, say; more groups per task than Spark's object hash aggregate keeps before it
 * falls back to sorting, 128 by default), and a do-nothing {@link Aggregator} over the same input:
 * the cost of Spark's typed-aggregator path itself, which bounds any function built on it.
 */
public final class NpsSparkBenchmark {
  private static final String NATIVE =
      """
      SELECT count(score) AS n,
             100.0 * (sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END)
                      - sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / count(score) AS nps
      FROM scores""";

  private NpsSparkBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional row count and number of measured rounds
   */
  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("nps-spark-benchmark")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    NpsFunctions.register(spark);
    spark.udf().register("noop_agg", functions.udaf(new Noop(), Encoders.LONG()));

    long t0 = System.nanoTime();
    spark
        .range(0, rows, 1, 2)
        .selectExpr(
            "CAST(id % 100 AS INT) AS store",
            "CAST(id % 5000 AS INT) AS cell",
            "CAST(pmod(hash(id), 11) AS INT) AS score")
        .cache()
        .createOrReplaceTempView("scores");
    long cached = spark.table("scores").count();
    System.out.printf(
        Locale.ROOT, "cached %,d rows in %.1f s%n", cached, (System.nanoTime() - t0) / 1e9);

    String grouped = " GROUP BY store";
    List<Query> queries =
        List.of(
            new Query("native sum(case when ...)", NATIVE),
            new Query("nps_result(score)", "SELECT nps_result(score) FROM scores"),
            new Query("no-op typed Aggregator", "SELECT noop_agg(score) FROM scores"),
            new Query("native, GROUP BY 100 stores", NATIVE.replace("SELECT ", "SELECT store, ")
                + grouped),
            new Query("nps_result, GROUP BY 100 stores",
                "SELECT store, nps_result(score) FROM scores" + grouped),
            new Query("native, GROUP BY 5,000 cells", NATIVE.replace("SELECT ", "SELECT cell, ")
                + " GROUP BY cell"),
            new Query("nps_result, GROUP BY 5,000 cells",
                "SELECT cell, nps_result(score) FROM scores GROUP BY cell"));
    checkSameCounts(spark);
    for (int r = 0; r < 2 + rounds; r++) {
      for (Query q : queries) {
        long start = System.nanoTime();
        List<Row> result = spark.sql(q.sql).collectAsList();
        long nanos = System.nanoTime() - start;
        if (result.isEmpty()) {
          throw new IllegalStateException(q.name + " returned no row");
        }
        if (r >= 2) {
          q.nanos.add(nanos);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n%,d cached rows, local[2], median of %d rounds (after 2 warm-up rounds)%n%n",
        rows,
        rounds);
    System.out.println("| query | median | rows/s | speed vs native |");
    System.out.println("|---|---:|---:|---:|");
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      Query base = queries.get(i < 3 ? 0 : i < 5 ? 3 : 5);
      double seconds = q.median() / 1e9;
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f s | %,.0f | %.2fx |%n",
          q.name,
          seconds,
          rows / seconds,
          base.median() / q.median());
    }
    System.out.println("\nall rounds (ms): ");
    for (Query q : queries) {
      System.out.println("  " + q.name + ": " + q.nanos.stream().map(n -> n / 1_000_000).toList());
    }
    spark.stop();
  }

  /** The benchmark compares like with like: both queries count the same categories. */
  private static void checkSameCounts(SparkSession spark) {
    Row nativeRow = spark.sql(NATIVE).first();
    Row ours = spark.sql("SELECT nps_result(score) FROM scores").first().getStruct(0);
    Supplier<String> both = () -> nativeRow + " vs " + ours;
    if (nativeRow.getLong(0) != ours.getLong(0)
        || Math.abs(nativeRow.getDecimal(1).doubleValue() - ours.getDouble(4)) > 1e-9) {
      throw new IllegalStateException("native and nps_result disagree: " + both.get());
    }
  }

  private static final class Query {
    final String name;
    final String sql;
    final List<Long> nanos = new ArrayList<>();

    Query(String name, String sql) {
      this.name = name;
      this.sql = sql;
    }

    double median() {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      return sorted.length % 2 == 1
          ? sorted[sorted.length / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    @Override
    public String toString() {
      return name + Arrays.toString(nanos.toArray());
    }
  }

  /** Reads each score and keeps nothing: the floor of the typed-aggregator path. */
  private static final class Noop extends Aggregator<Long, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long zero() {
      return 0L;
    }

    @Override
    public Long reduce(Long b, Long a) {
      return b;
    }

    @Override
    public Long merge(Long b1, Long b2) {
      return b1;
    }

    @Override
    public Long finish(Long reduction) {
      return reduction;
    }

    @Override
    public Encoder<Long> bufferEncoder() {
      return Encoders.LONG();
    }

    @Override
    public Encoder<Long> outputEncoder() {
      return Encoders.LONG();
    }
  }
}
