package org.npskit.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deciding one order against an in-memory history of 1 million customers (each holding one past
 * survey) under {@link BenchPolicy}: npskit's {@code decide} against the same rules hand-written
 * over a {@code ConcurrentHashMap} and written with Easy Rules. Every invocation decides a new
 * order (fresh order id, later event time) and records the survey when the answer is yes, so the
 * histories grow realistically during the run. Throughput in decisions per millisecond.
 *
 * <p>Run: {@code nps-benchmarks/run.sh --quick}, or
 * {@code java -jar nps-benchmarks/target/benchmarks.jar DecisionBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecisionBenchmark {

    /** Number of customers in the history. */
    public static final int CUSTOMERS = 1_000_000;

    /** The generated workload and the stream position, shared by all threads of a trial. */
    @State(Scope.Benchmark)
    public static class Workload {
        DecisionWorkload workload;
        final AtomicLong next = new AtomicLong();

        /** Generates the workload. */
        @Setup(Level.Trial)
        public void setUp() {
            workload = new DecisionWorkload(CUSTOMERS, 7);
        }

        BenchOrder nextOrder() {
            return workload.order(next.getAndIncrement());
        }
    }

    /** The hand-written decider with its history filled. */
    @State(Scope.Benchmark)
    public static class HandWritten {
        HandWrittenGate gate;

        /**
         * Fills the history.
         *
         * @param w the workload
         */
        @Setup(Level.Trial)
        public void setUp(Workload w) {
            gate = new HandWrittenGate(CUSTOMERS);
            prefill(gate.store(), w.workload);
        }
    }

    /** The Easy Rules decider with its history filled. */
    @State(Scope.Benchmark)
    public static class EasyRules {
        EasyRulesGate gate;

        /**
         * Fills the history.
         *
         * @param w the workload
         */
        @Setup(Level.Trial)
        public void setUp(Workload w) {
            gate = new EasyRulesGate(CUSTOMERS);
            prefill(gate.store(), w.workload);
        }
    }

    static void prefill(SurveyTimesStore store, DecisionWorkload workload) {
        for (int c = 0; c < workload.customers(); c++) {
            store.prefill(workload.pastOrderId(c), workload.customerId(c),
                    workload.pastSurveyEpochSecond(c));
        }
    }

    /**
     * The same rules as plain if/else over a ConcurrentHashMap: the speed limit of the idea.
     *
     * @param w the workload
     * @param s the decider
     * @return the verdict
     */
    @Benchmark
    public Verdict handWritten(Workload w, HandWritten s) {
        return s.gate.decide(w.nextOrder());
    }

    /**
     * The same rules in Easy Rules.
     *
     * @param w the workload
     * @param s the decider
     * @return the verdict
     */
    @Benchmark
    public Verdict easyRules(Workload w, EasyRules s) {
        return s.gate.decide(w.nextOrder());
    }
}
