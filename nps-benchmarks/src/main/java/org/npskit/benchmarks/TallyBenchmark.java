package org.npskit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.npskit.core.ConcurrentNpsAccumulator;
import org.npskit.core.Nps;
import org.npskit.core.NpsAccumulator;

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
     * npskit: the bulk accumulator over the array, then the NPS result.
     *
     * @return the NPS in points
     */
    @Benchmark
    @OperationsPerInvocation(SCORES)
    public double npskit() {
        return new NpsAccumulator().addAll(scores).tally().toResult().nps();
    }

    /** The thread-safe accumulator shared by all threads of a trial. */
    @State(Scope.Benchmark)
    public static class Shared {
        final ConcurrentNpsAccumulator accumulator = ConcurrentNpsAccumulator.create();
        final AtomicInteger threads = new AtomicInteger();
    }

    /** Which half of the array a thread adds. */
    @State(Scope.Thread)
    public static class Half {
        int from;
        int to;

        /**
         * Takes the next half.
         *
         * @param shared the shared state
         */
        @Setup
        public void setUp(Shared shared) {
            int index = shared.threads.getAndIncrement() % 2;
            from = index * (SCORES / 2);
            to = from + SCORES / 2;
        }
    }

    /**
     * npskit's thread-safe accumulator, two threads each adding their half of the array into the
     * same accumulator (scores per microsecond summed over both threads).
     *
     * @param shared the shared accumulator
     * @param half this thread's half
     * @return the accumulator, so that the work is not eliminated
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(SCORES / 2)
    public ConcurrentNpsAccumulator npskitConcurrent2Threads(Shared shared, Half half) {
        return shared.accumulator.addAll(scores, half.from, half.to);
    }

    /** A user's own response type, as the collector would meet it. */
    public record Answer(long customerId, int score) {
    }

    /** The same scores as a list of response objects. */
    @State(Scope.Benchmark)
    public static class Answers {
        List<Answer> answers;

        /** Wraps every score of the same array (same seed) in an object. */
        @Setup
        public void setUp() {
            byte[] scores = ScoreData.scores(SCORES, 42);
            Answer[] all = new Answer[SCORES];
            for (int i = 0; i < SCORES; i++) {
                all[i] = new Answer(i, scores[i]);
            }
            answers = List.of(all);
        }
    }

    /**
     * npskit's {@code Collector} over a list of response objects.
     *
     * @param a the response objects
     * @return the NPS in points
     */
    @Benchmark
    @OperationsPerInvocation(SCORES)
    public double npskitCollector(Answers a) {
        return a.answers.stream().collect(Nps.collector(Answer::score)).toResult().nps();
    }

    /**
     * What a user writes over the same objects: filter/count promoters and detractors.
     *
     * @param a the response objects
     * @return the NPS in points
     */
    @Benchmark
    @OperationsPerInvocation(SCORES)
    public double naiveStreamObjects(Answers a) {
        long promoters = a.answers.stream().filter(r -> r.score() >= 9).count();
        long detractors = a.answers.stream().filter(r -> r.score() <= 6).count();
        return 100.0 * (promoters - detractors) / a.answers.size();
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
