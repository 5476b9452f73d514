package org.npskit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.junit.jupiter.api.Test;
import org.npskit.core.NpsTally;

/** The aggregation buffer alone: its checks, its merge and its serialised form. */
class TallyBufferTest {
  @Test
  void scoresAreCountedAndOutOfRangeOnesNamed() {
    TallyBuffer b = new TallyBuffer().addScore("f", 0).addScore("f", 10).addScore("f", 10);
    assertThat(b.tally()).isEqualTo(NpsTally.of(new long[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.addScore("nps", 11))
        .withMessage("nps: score must be in 0..10, was 11");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.addScore("nps", -1))
        .withMessage("nps: score must be in 0..10, was -1");
    assertThat(b.tally().n()).isEqualTo(3);
    assertThat(b).hasToString("TallyBuffer[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]");
  }

  @Test
  void mergingIsNpsCoresPlusWithItsOverflowCheck() {
    TallyBuffer a = new TallyBuffer().addScore("f", 3);
    a.add(NpsTally.ofCategories(1, 2, 3));
    assertThat(a.tally()).isEqualTo(NpsTally.ofCategories(1, 2, 3).plus(
        NpsTally.of(new long[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0})));
    TallyBuffer full = new TallyBuffer();
    full.setCounts(new long[] {Long.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThatIllegalArgumentException()
        .isThrownBy(() -> full.add(NpsTally.ofCategories(1, 0, 0)))
        .withMessageContaining("overflows a long");
  }

  @Test
  void storedCountsAreValidatedAsATally() {
    TallyBuffer b = new TallyBuffer();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.setCounts(new long[10]))
        .withMessageContaining("must have 11 entries");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.setCounts(new long[] {0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0}))
        .withMessage("count of score 2 must be >= 0, was -1");
    long[] counts = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    b.setCounts(counts);
    counts[0] = 99;
    assertThat(b.getCounts()[0]).isEqualTo(1);
  }

  /** What Spark stores per group and partition between the partial and the final aggregation. */
  @Test
  void theSerialisedBufferIs120BytesAndRoundTrips() {
    @SuppressWarnings("unchecked")
    ExpressionEncoder<TallyBuffer> unbound =
        ExpressionEncoder.apply((AgnosticEncoder<TallyBuffer>) Encoders.bean(TallyBuffer.class));
    // resolveAndBind() with Scala's default arguments, spelled out for Java.
    ExpressionEncoder<TallyBuffer> encoder =
        unbound.resolveAndBind(unbound.resolveAndBind$default$1(), unbound.resolveAndBind$default$2());
    TallyBuffer b = new TallyBuffer();
    b.setCounts(new long[] {5, 0, 1, 0, 0, 0, 2_000_000_000_000L, 7, 8, 9, 10});
    InternalRow row = encoder.createSerializer().apply(b);
    byte[] bytes = ((UnsafeRow) row).getBytes();
    assertThat(bytes).hasSize(120);
    UnsafeRow stored = new UnsafeRow(1);
    stored.pointTo(bytes, bytes.length);
    assertThat(encoder.createDeserializer().apply(stored).tally()).isEqualTo(b.tally());
  }
}
