package org.npskit.spark;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.execution.aggregate.ScalaAggregator$;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedAggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.npskit.core.NpsResult;
import org.npskit.core.NpsTally;
import scala.Function1;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Exact NPS aggregate functions for Spark SQL and the Dataset API, computed with nps-core.
 *
 * <p>{@link #register(SparkSession)} makes these SQL aggregate functions available in a session:
 *
 * <table>
 *   <caption>The functions</caption>
 *   <tr><th>SQL</th><th>Dataset API</th><th>result</th></tr>
 *   <tr><td>{@code nps_tally(score)}</td><td>{@link #npsTally(Column)}</td>
 *       <td>{@code struct<detractors: bigint, passives: bigint, promoters: bigint>}; zeros when
 *       the group has no score</td></tr>
 *   <tr><td>{@code nps_tally_merge(tally)}</td><td>{@link #npsTallyMerge(Column)}</td>
 *       <td>the same struct: the sum of stored tallies (null tallies ignored)</td></tr>
 *   <tr><td>{@code nps(score)}</td><td>{@link #nps(Column)}</td>
 *       <td>{@code double}: the NPS in points, null when the group has no score</td></tr>
 *   <tr><td>{@code nps_result(score)}, {@code nps_result(score, confidence)}</td>
 *       <td>{@link #npsResult(Column)}, {@link #npsResult(Column, double)}</td>
 *       <td>{@code struct<n: bigint, detractors: bigint, passives: bigint, promoters: bigint,
 *       nps: double, standard_error: double, low: double, high: double>}: nps-core's {@link
 *       NpsResult} with its default (adjusted Wald) interval, at 95 % unless a constant confidence
 *       is given; null when the group has no score</td></tr>
 * </table>
 *
 * <p>The column methods call the registered functions by name, so they too need {@link
 * #register(SparkSession)} on the session that analyses the query (else Spark reports an
 * unresolved routine); SQL and Dataset API then share one implementation and its checks.
 *
 * <p>Scores are integers: {@code tinyint}, {@code smallint}, {@code int}, {@code bigint} or a
 * decimal of scale 0 (up to 18 digits); any other type, such as {@code double} or {@code string},
 * is rejected when the query is analysed (cast it explicitly, knowing that a cast truncates 9.5 to
 * 9). The tally given to {@code nps_tally_merge} must be a struct of three integral fields named
 * {@code detractors}, {@code passives}, {@code promoters} in that order. Null scores are
 * ignored, as SQL aggregates ignore nulls; a score outside 0..10 fails the query with an {@link
 * IllegalArgumentException} naming the function and the value (for example {@code nps_tally:
 * score must be in 0..10, was 11}), wrapped by Spark in the job's failure. Scores on the 1-10
 * scale give the same categories (0 simply never occurs). Categories are nps-core's: detractors
 * 0-6, passives 7-8, promoters 9-10.
 *
 * <p>Every function keeps nps-core's per-score tally as its aggregation buffer ({@link
 * TallyBuffer}) and merges partial buffers by {@link NpsTally#plus(NpsTally)}, which is exact and
 * associative: the answer does not depend on partitioning or row order.
 *
 * <p>A wrong number of arguments, a wrong type or a confidence that is not a constant fails the
 * analysis with Spark's {@code AnalysisException} ({@code WRONG_NUM_ARGS}, {@code
 * DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE}, {@code NON_FOLDABLE_ARGUMENT}); a constant confidence
 * outside (0, 1) fails it with an {@link IllegalArgumentException} naming the value.
 *
 * <p>Registration needs a classic {@code SparkSession} (not a Spark Connect client) and uses the
 * session's function registry, as {@code spark.udf().register} does, so that {@code nps_result}
 * can take one or two arguments and check its arguments while the query is analysed; it replaces
 * temporary functions of the same names and is idempotent. Tested with Spark 4.0.1.
 * Thread-safe: this class holds no state; no method accepts null.
 */
public final class NpsFunctions {
  /** SQL name of the tally function. */
  public static final String NPS_TALLY = "nps_tally";

  /** SQL name of the tally merge function. */
  public static final String NPS_TALLY_MERGE = "nps_tally_merge";

  /** SQL name of the NPS function. */
  public static final String NPS = "nps";

  /** SQL name of the result function. */
  public static final String NPS_RESULT = "nps_result";

  /** The confidence of {@code nps_result(score)}'s interval. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private static final UserDefinedFunction TALLY =
      functions.udaf(new TallyAggregator(), Encoders.LONG()).withName(NPS_TALLY);
  private static final UserDefinedFunction TALLY_MERGE =
      functions
          .udaf(new TallyMergeAggregator(), TallyMergeAggregator.inputEncoder())
          .withName(NPS_TALLY_MERGE);
  private static final UserDefinedFunction NPS_OF =
      functions.udaf(new NpsAggregator(), Encoders.LONG()).withName(NPS);
  private static final UserDefinedFunction RESULT =
      functions.udaf(new ResultAggregator(DEFAULT_CONFIDENCE), Encoders.LONG()).withName(NPS_RESULT);
  private static final String[] TALLY_FIELDS = {"detractors", "passives", "promoters"};

  private NpsFunctions() {}

  /**
   * Registers {@code nps_tally}, {@code nps_tally_merge}, {@code nps} and {@code nps_result} as
   * temporary functions of a session.
   *
   * @param spark a classic (not Spark Connect) session
   * @throws NullPointerException if spark is null
   * @throws IllegalArgumentException if spark is not a classic session
   */
  public static void register(SparkSession spark) {
    Objects.requireNonNull(spark, "spark");
    if (!(spark instanceof org.apache.spark.sql.classic.SparkSession classic)) {
      throw new IllegalArgumentException(
          "spark must be a classic SparkSession (Spark Connect clients cannot register JVM"
              + " aggregate functions), was " + spark.getClass().getName());
    }
    FunctionRegistry registry = classic.sessionState().functionRegistry();
    register(registry, NPS_TALLY, "_FUNC_(score) - The detractors, passives and promoters among"
        + " the scores 0..10 (nulls ignored).", scoreFunction(NPS_TALLY, TALLY));
    register(registry, NPS_TALLY_MERGE, "_FUNC_(tally) - The sum of tallies made by nps_tally"
        + " (nulls ignored).", NpsFunctions::tallyMergeBuilder);
    register(registry, NPS, "_FUNC_(score) - The NPS in points (-100..100) of the scores 0..10,"
        + " null when there is none.", scoreFunction(NPS, NPS_OF));
    register(registry, NPS_RESULT, "_FUNC_(score[, confidence]) - Counts, NPS, standard error"
        + " and adjusted Wald interval at the constant confidence (default 0.95), null when"
        + " there is no score.", NpsFunctions::resultBuilder);
  }

  /**
   * {@code nps_tally(score)}: the category counts of the group's scores.
   *
   * @param score an integral column of scores 0..10
   * @return a column of {@code struct<detractors: bigint, passives: bigint, promoters: bigint>}
   * @throws NullPointerException if score is null
   */
  public static Column npsTally(Column score) {
    return functions.call_function(NPS_TALLY, Objects.requireNonNull(score, "score"));
  }

  /**
   * {@code nps_tally_merge(tally)}: the sum of tallies (for example daily tallies rolled up per
   * month), exact.
   *
   * @param tally a column of the struct {@link #npsTally(Column)} returns
   * @return a column of the same struct
   * @throws NullPointerException if tally is null
   */
  public static Column npsTallyMerge(Column tally) {
    return functions.call_function(NPS_TALLY_MERGE, Objects.requireNonNull(tally, "tally"));
  }

  /**
   * {@code nps(score)}: the NPS in points, null for a group without scores.
   *
   * @param score an integral column of scores 0..10
   * @return a {@code double} column
   * @throws NullPointerException if score is null
   */
  public static Column nps(Column score) {
    return functions.call_function(NPS, Objects.requireNonNull(score, "score"));
  }

  /**
   * {@code nps_result(score)}: nps-core's result with its 95 % adjusted Wald interval, null for a
   * group without scores.
   *
   * @param score an integral column of scores 0..10
   * @return a column of {@link #resultType()}
   * @throws NullPointerException if score is null
   */
  public static Column npsResult(Column score) {
    return functions.call_function(NPS_RESULT, Objects.requireNonNull(score, "score"));
  }

  /**
   * {@code nps_result(score, confidence)}: as {@link #npsResult(Column)} at another confidence.
   *
   * @param score an integral column of scores 0..10
   * @param confidence the confidence level in (0, 1)
   * @return a column of {@link #resultType()}
   * @throws NullPointerException if score is null
   * @throws IllegalArgumentException if the confidence is not in (0, 1)
   */
  public static Column npsResult(Column score, double confidence) {
    Objects.requireNonNull(score, "score");
    return functions.call_function(NPS_RESULT, score, functions.lit(checkConfidence(confidence)));
  }

  /**
   * The type of {@code nps_tally} and {@code nps_tally_merge}.
   *
   * @return {@code struct<detractors: bigint, passives: bigint, promoters: bigint>}, a new
   *     instance
   */
  public static StructType tallyType() {
    return Rows.tallyType();
  }

  /**
   * The type of {@code nps_result}.
   *
   * @return {@code struct<n: bigint, detractors: bigint, passives: bigint, promoters: bigint, nps:
   *     double, standard_error: double, low: double, high: double>}, a new instance
   */
  public static StructType resultType() {
    return Rows.resultType();
  }

  private static double checkConfidence(double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s: confidence must be in (0, 1), was %s", NPS_RESULT, confidence));
    }
    return confidence;
  }

  private static void register(
      FunctionRegistry registry, String name, String usage, Function1<Seq<Expression>, Expression>
      builder) {
    ExpressionInfo info =
        new ExpressionInfo(
            NpsFunctions.class.getName(), null, name, usage, "", "", "", "agg_funcs", "", "",
            "java_udf");
    registry.registerFunction(FunctionIdentifier.apply(name), info, builder);
  }

  private static Function1<Seq<Expression>, Expression> scoreFunction(
      String name, UserDefinedFunction udf) {
    return children -> {
      if (children.size() != 1) {
        throw wrongArguments(name, "1", children.size());
      }
      checkScore(name, children.apply(0));
      return aggregate(udf, children);
    };
  }

  private static Expression tallyMergeBuilder(Seq<Expression> children) {
    if (children.size() != 1) {
      throw wrongArguments(NPS_TALLY_MERGE, "1", children.size());
    }
    Expression tally = children.apply(0);
    if (!isTally(tally.dataType())) {
      throw wrongType(NPS_TALLY_MERGE, tally, "first",
          "\"STRUCT<detractors: BIGINT, passives: BIGINT, promoters: BIGINT>\"");
    }
    return aggregate(TALLY_MERGE, children);
  }

  private static Expression resultBuilder(Seq<Expression> children) {
    if (children.size() != 1 && children.size() != 2) {
      throw wrongArguments(NPS_RESULT, "[1, 2]", children.size());
    }
    checkScore(NPS_RESULT, children.apply(0));
    if (children.size() == 1) {
      return aggregate(RESULT, children);
    }
    Expression confidence = children.apply(1);
    if (!confidence.foldable()) {
      throw analysisError(
          "NON_FOLDABLE_ARGUMENT",
          Map.of("funcName", "`" + NPS_RESULT + "`", "paramName", "`confidence`",
              "paramType", "\"DOUBLE\""));
    }
    double level = checkConfidence(toDouble(confidence.eval(null)));
    return aggregate(
        functions
            .udaf(
                new ResultAtConfidenceAggregator(level),
                Encoders.tuple(Encoders.LONG(), Encoders.DOUBLE()))
            .withName(NPS_RESULT),
        children);
  }

  /**
   * Scores must be integers: Spark would otherwise cast a fractional or text score to bigint on
   * its way in, truncating 9.5 to 9 or turning "x" into a null that is then ignored.
   */
  private static void checkScore(String name, Expression score) {
    if (!isIntegral(score.dataType())) {
      throw wrongType(name, score, "first",
          "(\"TINYINT\" or \"SMALLINT\" or \"INT\" or \"BIGINT\")");
    }
  }

  private static boolean isIntegral(DataType type) {
    return type instanceof ByteType
        || type instanceof ShortType
        || type instanceof IntegerType
        || type instanceof LongType
        || type instanceof NullType
        || type instanceof DecimalType d && d.scale() == 0 && d.precision() <= 18;
  }

  /** The tally struct by name and position (a positional cast would mix up reordered fields). */
  private static boolean isTally(DataType type) {
    if (!(type instanceof StructType struct) || struct.fields().length != TALLY_FIELDS.length) {
      return type instanceof NullType;
    }
    for (int i = 0; i < TALLY_FIELDS.length; i++) {
      StructField f = struct.fields()[i];
      if (!f.name().equalsIgnoreCase(TALLY_FIELDS[i]) || !isIntegral(f.dataType())) {
        return false;
      }
    }
    return true;
  }

  private static double toDouble(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Decimal d) {
      return d.toDouble();
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "%s: confidence must be a number in (0, 1), was %s",
            NPS_RESULT, value));
  }

  private static Expression aggregate(UserDefinedFunction udf, Seq<Expression> children) {
    return ScalaAggregator$.MODULE$.apply(
        (UserDefinedAggregator<?, ?, ?>) udf, children);
  }

  private static RuntimeException wrongType(
      String name, Expression input, String index, String required) {
    return analysisError(
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        Map.of("sqlExpr", "\"" + name + "(" + input.sql() + ")\"", "paramIndex", index,
            "requiredType", required, "inputSql", "\"" + input.sql() + "\"",
            "inputType", "\"" + input.dataType().sql() + "\""));
  }

  private static RuntimeException wrongArguments(String name, String expected, int actual) {
    return analysisError(
        "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        Map.of("functionName", "`" + name + "`", "expectedNum", expected,
            "actualNum", Integer.toString(actual),
            "docroot", "https://spark.apache.org/docs/latest"));
  }

  /**
   * Spark's own analysis error, as its built-in functions raise it. AnalysisException is checked
   * in Java but not in Scala, where function builders throw it; it is thrown unchecked here.
   */
  private static RuntimeException analysisError(String errorClass, Map<String, String> params) {
    scala.collection.immutable.Map<String, String> p =
        scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(params));
    return NpsFunctions.<RuntimeException>unchecked(new AnalysisException(errorClass, p));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException unchecked(Throwable t) throws T {
    throw (T) t;
  }
}
