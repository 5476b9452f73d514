package org.npskit.spark.example;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.npskit.spark.NpsFunctions;

/**
 * Example job: the NPS with its 95 % adjusted Wald interval per store and month, over a Parquet
 * table of responses with the columns {@code store} (string), {@code answered_at} (timestamp) and
 * {@code score} (integer 0-10, null for no answer). Months are taken in the session time zone
 * ({@code spark.sql.session.timeZone}).
 *
 * <p>Run it with {@code spark-submit --class org.npskit.spark.example.StoreMonthNps --jars
 * nps-core.jar nps-spark.jar RESPONSES_PARQUET OUTPUT_DIR}; it writes Parquet with the columns
 * {@code store, month, n, nps, low, high}. Not thread-safe to call concurrently on one session (it
 * replaces a temporary view).
 */
public final class StoreMonthNps {
  private StoreMonthNps() {}

  /**
   * Reads the responses, writes the NPS per store and month.
   *
   * @param args the responses' Parquet path and the output directory (replaced)
   * @throws IllegalArgumentException if there are not exactly two arguments
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: StoreMonthNps RESPONSES_PARQUET OUTPUT_DIR, was " + args.length + " arguments");
    }
    SparkSession spark = SparkSession.builder().appName("npskit-store-month-nps").getOrCreate();
    byStoreAndMonth(spark, args[0]).write().mode("overwrite").parquet(args[1]);
  }

  /**
   * The NPS per store and month, ordered by store and month.
   *
   * @param spark a classic session
   * @param responses the responses' Parquet path
   * @return rows {@code store, month ("yyyy-MM"), n, nps, low, high}; a store-month whose scores
   *     are all null has a null n, nps, low and high
   */
  public static Dataset<Row> byStoreAndMonth(SparkSession spark, String responses) {
    NpsFunctions.register(spark);
    spark.read().parquet(responses).createOrReplaceTempView("responses");
    return spark.sql("""
        SELECT store, date_format(answered_at, 'yyyy-MM') AS month, nps_result(score) AS r
        FROM responses
        GROUP BY store, month
        ORDER BY store, month
        """).select("store", "month", "r.n", "r.nps", "r.low", "r.high");
  }
}
