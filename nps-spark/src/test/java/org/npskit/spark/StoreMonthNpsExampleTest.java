package org.npskit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npskit.core.Interval;
import org.npskit.core.NpsResult;
import org.npskit.spark.example.StoreMonthNps;

/** Runs the README's example job on a Parquet table and checks the README shows its code. */
class StoreMonthNpsExampleTest {
  private static final Path TWIN =
      Path.of("src/main/java/org/npskit/spark/example/StoreMonthNps.java");

  @Test
  void theJobGivesNpsCoresResultPerStoreAndMonth(@TempDir Path dir) {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>();
    // Amsterdam, January: scores 10, 9, 9, 3 -> D 1, P 0, R 3; February: 7, 8 -> passives only.
    add(rows, "amsterdam", 1, 10, 9, 9, 3);
    add(rows, "amsterdam", 2, 7, 8);
    // Utrecht, January: 0, 6, 10 and one response without a score; March: no score at all.
    add(rows, "utrecht", 1, 0, 6, 10, null);
    add(rows, "utrecht", 3, (Integer) null);
    StructType schema =
        new StructType()
            .add("store", DataTypes.StringType)
            .add("answered_at", DataTypes.TimestampType)
            .add("score", DataTypes.IntegerType);
    String table = dir.resolve("responses").toString();
    spark.createDataFrame(rows, schema).repartition(2).write().parquet(table);

    List<Row> out = StoreMonthNps.byStoreAndMonth(spark, table).collectAsList();

    assertThat(out).extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly(
            "amsterdam 2026-01", "amsterdam 2026-02", "utrecht 2026-01", "utrecht 2026-03");
    assertRow(out.get(0), new NpsResult(1, 0, 3));
    assertRow(out.get(1), new NpsResult(0, 2, 0));
    assertRow(out.get(2), new NpsResult(2, 0, 1));
    assertThat(out.get(3).isNullAt(2)).isTrue();
    assertThat(out.get(3).isNullAt(3)).isTrue();
  }

  @Test
  void mainWritesTheResultAsParquet(@TempDir Path dir) {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>();
    add(rows, "leiden", 5, 9, 10, 2);
    String in = dir.resolve("in").toString();
    String out = dir.resolve("out").toString();
    spark
        .createDataFrame(
            rows,
            new StructType()
                .add("store", DataTypes.StringType)
                .add("answered_at", DataTypes.TimestampType)
                .add("score", DataTypes.IntegerType))
        .write()
        .parquet(in);
    StoreMonthNps.main(new String[] {in, out});
    Row written = spark.read().parquet(out).first();
    assertThat(written.getString(0)).isEqualTo("leiden");
    assertThat(written.getLong(2)).isEqualTo(3);
    assertThat(written.getDouble(3)).isEqualTo(new NpsResult(1, 0, 2).nps());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StoreMonthNps.main(new String[] {in}))
        .withMessage("usage: StoreMonthNps RESPONSES_PARQUET OUTPUT_DIR, was 1 arguments");
  }

  @Test
  void theReadmeSnippetIsTheJobsCode() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String source = Files.readString(TWIN, StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Example job");
    assertThat(start).as("README section 'Example job'").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a java block in the section").isTrue();
    String snippet = m.group(1);
    snippet
        .lines()
        .filter(l -> l.startsWith("import "))
        .forEach(l -> assertThat(source).contains(l));
    assertThat(squash(snippet)).contains("byStoreAndMonth").contains("nps_result(score)");
    assertThat(squash(source)).contains(squash(snippet));
  }

  @Test
  void theProjectReadmeSnippetRunsAsShown() throws IOException {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>();
    add(rows, "delft", 4, 10, 9, 6, 7);
    spark.createDataFrame(rows, new StructType()
            .add("store", DataTypes.StringType)
            .add("answered_at", DataTypes.TimestampType)
            .add("score", DataTypes.IntegerType))
        .createOrReplaceTempView("responses");

    List<Row> out = readmeSnippet(spark).collectAsList();

    assertThat(out).hasSize(1);
    assertThat(out.get(0).getString(0)).isEqualTo("delft");
    assertThat(out.get(0).getLong(1)).isEqualTo(4);
    assertThat(out.get(0).getDouble(2)).isEqualTo(new NpsResult(1, 1, 2).nps());
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## nps-spark");
    assertThat(start).as("project README section 'nps-spark'").isNotNegative();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme.substring(start));
    assertThat(m.find()).as("a java block in the section").isTrue();
    String self = Files.readString(
        Path.of("src/test/java/org/npskit/spark/StoreMonthNpsExampleTest.java"),
        StandardCharsets.UTF_8);
    int method = self.lastIndexOf("Dataset<Row> readmeSnippet(");
    String body = self.substring(self.indexOf("{", method) + 1, self.indexOf("\n  }\n", method));
    assertThat(squash(m.group(1))).isEqualTo(squash(body.replace("return ", "")));
  }

  /** The README's code; {@code theProjectReadmeSnippetRunsAsShown} compares it with the README. */
  private static Dataset<Row> readmeSnippet(SparkSession spark) {
    NpsFunctions.register(spark);
    return spark.sql("SELECT store, nps_result(score) AS r FROM responses GROUP BY store")
        .select("store", "r.n", "r.nps", "r.low", "r.high");
  }

  private static void add(List<Row> rows, String store, int month, Integer... scores) {
    int minute = 0;
    for (Integer s : scores) {
      LocalDateTime at = LocalDateTime.of(2026, month, 15, 12, minute++);
      rows.add(RowFactory.create(store, Timestamp.valueOf(at), s));
    }
  }

  private static void assertRow(Row row, NpsResult expected) {
    Interval interval = expected.interval(0.95);
    assertThat(row.getLong(2)).isEqualTo(expected.n());
    assertThat(row.getDouble(3)).isEqualTo(expected.nps());
    assertThat(row.getDouble(4)).isEqualTo(interval.low());
    assertThat(row.getDouble(5)).isEqualTo(interval.high());
  }

  /** Whitespace-insensitive; import lines are checked apart from the body. */
  private static String squash(String s) {
    return s.replaceAll("(?m)^import [^;]+;$", "").replaceAll("\\s+", "");
  }
}
