package org.npskit.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.npskit.policy.Decision;

/**
 * Times single decisions outside JMH, one {@code System.nanoTime()} pair per call, per million
 * decisions of a fresh 1-million-customer store (the JIT warmed on a separate store first), to
 * see where the latency tail comes from. A cross-check of {@code DecisionBenchmark.npskitLatency}
 * and {@code handWrittenLatency}, not a replacement (the timer itself costs about 25 ns per call).
 *
 * <p>Per million decisions it prints the percentiles, the share of calls over 10 µs, how many of
 * the 50 windows of 20,000 consecutive calls had a p99 over 10 µs (a tail that comes in bursts
 * shows there, one spread over the run does not), and the p50 and p99 per outcome (SURVEY or
 * the first reason code): a tail that belongs to one kind of decision shows there.
 *
 * <p>Run: {@code java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp nps-benchmarks/target/benchmarks.jar
 * org.npskit.benchmarks.DecisionTimer [npskit|handWritten] [millions]} (default npskit, 6).
 */
public final class DecisionTimer {

    private static final int CHUNK = 1_000_000;
    private static final int WINDOW = 20_000;
    private static final long SLOW_NANOS = 10_000;

    private DecisionTimer() {
    }

    /** One variant: decides order {@code seq} and names its outcome. */
    private interface Variant {
        String decide(long seq);
    }

    /**
     * Entry point.
     *
     * @param args optionally the variant ({@code npskit} or {@code handWritten}) and the number
     *     of millions of decisions to time
     */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "npskit";
        int millions = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Variant warm = variant(which, new DecisionWorkload(100_000, 3));
        for (long i = 0; i < 2_000_000; i++) {
            warm.decide(i);
        }
        Variant timed = variant(which, new DecisionWorkload(DecisionBenchmark.CUSTOMERS, 7));
        long[] nanos = new long[CHUNK];
        String[] outcomes = new String[CHUNK];
        for (int c = 0; c < millions; c++) {
            for (int i = 0; i < CHUNK; i++) {
                long start = System.nanoTime();
                String outcome = timed.decide((long) c * CHUNK + i);
                nanos[i] = System.nanoTime() - start;
                outcomes[i] = outcome;
            }
            report(which, c, nanos, outcomes);
        }
    }

    private static Variant variant(String which, DecisionWorkload workload) {
        switch (which) {
            case "npskit": {
                NpskitDecider decider = NpskitDecider.inMemory(workload);
                return seq -> outcome(decider.decide(seq));
            }
            case "handWritten": {
                HandWrittenGate gate = new HandWrittenGate(workload.customers());
                DecisionBenchmark.prefill(gate.store(), workload);
                return seq -> {
                    Verdict verdict = gate.decide(workload.order(seq));
                    return verdict.survey() ? "SURVEY" : verdict.reasons().get(0).name();
                };
            }
            default:
                throw new IllegalArgumentException(
                        "variant must be npskit or handWritten, was '" + which + "'");
        }
    }

    private static String outcome(Decision decision) {
        return decision.isSurvey() ? "SURVEY" : decision.reasonCodes().get(0).name();
    }

    private static void report(String which, int chunk, long[] nanos, String[] outcomes) {
        int burstWindows = 0;
        for (int from = 0; from < CHUNK; from += WINDOW) {
            long[] window = Arrays.copyOfRange(nanos, from, from + WINDOW);
            Arrays.sort(window);
            if (window[WINDOW * 99 / 100] > SLOW_NANOS) {
                burstWindows++;
            }
        }
        Map<String, long[]> byOutcome = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (String outcome : outcomes) {
            counts.merge(outcome, 1, Integer::sum);
        }
        Map<String, Integer> filled = new TreeMap<>();
        for (int i = 0; i < CHUNK; i++) {
            long[] times = byOutcome.computeIfAbsent(outcomes[i], k -> new long[counts.get(k)]);
            int at = filled.merge(outcomes[i], 1, Integer::sum) - 1;
            times[at] = nanos[i];
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long slow = Arrays.stream(sorted).filter(n -> n > SLOW_NANOS).count();
        System.out.printf(Locale.ROOT,
                "%s decisions %d-%d M: p50 %.2f p90 %.2f p99 %.2f p99.9 %.1f us; %.2f %% over 10 us;"
                        + " windows of %d calls with p99 over 10 us: %d of %d%n",
                which, chunk, chunk + 1, micros(sorted, 0.5), micros(sorted, 0.9),
                micros(sorted, 0.99), micros(sorted, 0.999), 100.0 * slow / CHUNK, WINDOW,
                burstWindows, CHUNK / WINDOW);
        for (Map.Entry<String, long[]> entry : byOutcome.entrySet()) {
            long[] times = entry.getValue();
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "    %-22s %6.2f %% of calls: p50 %.2f p99 %.2f us%n",
                    entry.getKey(), 100.0 * times.length / CHUNK, micros(times, 0.5),
                    micros(times, 0.99));
        }
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, (long) (sorted.length * quantile))] / 1e3;
    }
}
