package org.npskit.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.npskit.policy.Decision;
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

        /**
         * Checks on a small workload that the three variants decide alike (refuses to run
         * otherwise), then generates the real one.
         */
        @Setup(Level.Trial)
        public void setUp() {
            checkAgreement(new DecisionWorkload(2_000, 11), 10_000);
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

    /** npskit's gate over an in-memory history with the same past surveys. */
    @State(Scope.Benchmark)
    public static class Npskit {
        NpskitDecider decider;

        /**
         * Fills the history through the gate.
         *
         * @param w the workload
         */
        @Setup(Level.Trial)
        public void setUp(Workload w) {
            decider = NpskitDecider.inMemory(w.workload);
        }
    }

    /**
     * Runs the three variants over the same orders from the same history and fails on the first
     * difference.
     *
     * @param workload the workload
     * @param orders how many orders to compare
     * @return the reference verdicts
     */
    static List<Verdict> checkAgreement(DecisionWorkload workload, int orders) {
        HandWrittenGate hand = new HandWrittenGate(workload.customers());
        EasyRulesGate easy = new EasyRulesGate(workload.customers());
        prefill(hand.store(), workload);
        prefill(easy.store(), workload);
        NpskitDecider npskit = NpskitDecider.inMemory(workload);
        Map<String, LongFunction<Verdict>> deciders = new LinkedHashMap<>();
        deciders.put("npskit", seq -> NpskitDecider.verdict(npskit.decide(seq)));
        deciders.put("handWritten", seq -> hand.decide(workload.order(seq)));
        deciders.put("easyRules", seq -> easy.decide(workload.order(seq)));
        return Agreement.check(deciders, workload, orders);
    }

    static void prefill(SurveyTimesStore store, DecisionWorkload workload) {
        for (int c = 0; c < workload.customers(); c++) {
            store.prefill(workload.pastOrderId(c), workload.customerId(c),
                    workload.pastSurveyEpochSecond(c));
        }
    }

    /**
     * npskit: {@code SurveyGate.decide} over the in-memory history.
     *
     * @param w the workload
     * @param s the decider
     * @return the decision
     */
    @Benchmark
    public Decision npskit(Workload w, Npskit s) {
        return s.decider.decide(w.next.getAndIncrement());
    }

    /**
     * npskit's {@code decide} again, sampled one call at a time for latency percentiles.
     *
     * @param w the workload
     * @param s the decider
     * @return the decision
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision npskitLatency(Workload w, Npskit s) {
        return s.decider.decide(w.next.getAndIncrement());
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
     * The hand-written rules again, sampled one call at a time: the latency baseline of
     * {@link #npskitLatency} in the same run. Its tail shows how much of npskit's tail the machine
     * itself adds (timer interrupts, preemption of the virtual CPU, cache misses of the
     * 1-million-customer history), which no decider can avoid.
     *
     * @param w the workload
     * @param s the decider
     * @return the verdict
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict handWrittenLatency(Workload w, HandWritten s) {
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
