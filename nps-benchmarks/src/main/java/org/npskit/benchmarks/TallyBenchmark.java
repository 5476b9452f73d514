package org.npskit.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tallying 10 million scores held in a {@code byte[]}: npskit's bulk accumulator against a stream
 * filter/count (what a user writes) and a plain sum loop (the memory-speed limit). Every method
 * reports scores per microsecond (one operation = one score).
 *
 * <p>Run: {@code nps-benchmarks/run.sh --quick}, or
 * {@code java -jar nps-benchmarks/target/benchmarks.jar TallyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TallyBenchmark {

    /** Number of scores in the array. */
    public static final int SCORES = 10_000_000;

    private byte[] scores;

    /** Generates the scores (same seed for every method). */
    @Setup
    public void setUp() {
        scores = ScoreData.scores(SCORES, 42);
    }

    /**
     * The memory-speed limit: a plain sum over the same bytes.
     *
     * @return the sum, so that the loop is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(SCORES)
    public long memoryScan() {
        long sum = 0;
        for (byte score : scores) {
            sum += score;
        }
        return sum;
    }

    /**
     * What a user writes with streams: count promoters and detractors, then compute the NPS.
     *
     * @return the NPS in points
     */
    @Benchmark
    @OperationsPerInvocation(SCORES)
    public double naiveStream() {
        byte[] data = scores;
        long promoters = IntStream.range(0, data.length).filter(i -> data[i] >= 9).count();
        long detractors = IntStream.range(0, data.length).filter(i -> data[i] <= 6).count();
        return 100.0 * (promoters - detractors) / data.length;
    }
}
