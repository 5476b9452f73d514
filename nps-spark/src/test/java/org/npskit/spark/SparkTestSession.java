package org.npskit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test JVM (starting one costs seconds): two cores, loopback
 * driver, no UI, few shuffle partitions, the NPS functions registered.
 */
final class SparkTestSession {
  private static SparkSession spark;

  static synchronized SparkSession get() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("nps-spark-tests")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.warehouse.dir", "target/spark-warehouse")
              .getOrCreate();
      NpsFunctions.register(spark);
    }
    return spark;
  }

  private SparkTestSession() {}
}
