package org.npskit.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.npskit.policy.Decision;

/**
 * Times single in-memory decisions outside JMH, one {@code System.nanoTime()} pair per call, per
 * million decisions of a fresh 1-million-customer store (the JIT warmed on a separate store
 * first), to see how latency develops as the history grows. A cross-check of
 * {@code DecisionBenchmark.npskitLatency}, not a replacement (the timer itself costs about 25 ns
 * per call). Run: {@code java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp
 * nps-benchmarks/target/benchmarks.jar org.npskit.benchmarks.DecisionTimer [millions]}.
 */
public final class DecisionTimer {

    private DecisionTimer() {
    }

    /**
     * Entry point.
     *
     * @param args optionally the number of millions of decisions to time (default 6)
     */
    public static void main(String[] args) {
        int millions = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        NpskitDecider warm = NpskitDecider.inMemory(new DecisionWorkload(100_000, 3));
        for (long i = 0; i < 2_000_000; i++) {
            warm.decide(i);
        }
        NpskitDecider decider = NpskitDecider.inMemory(
                new DecisionWorkload(DecisionBenchmark.CUSTOMERS, 7));
        int chunk = 1_000_000;
        long[] nanos = new long[chunk];
        for (int c = 0; c < millions; c++) {
            int surveys = 0;
            for (int i = 0; i < chunk; i++) {
                long start = System.nanoTime();
                Decision decision = decider.decide((long) c * chunk + i);
                nanos[i] = System.nanoTime() - start;
                if (decision.isSurvey()) {
                    surveys++;
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT,
                    "decisions %d-%d M: p50 %.2f p90 %.2f p99 %.2f p99.9 %.1f us, %.1f %% surveys%n",
                    c, c + 1, nanos[chunk / 2] / 1e3, nanos[chunk * 9 / 10] / 1e3,
                    nanos[chunk * 99 / 100] / 1e3, nanos[chunk * 999 / 1000] / 1e3,
                    100.0 * surveys / chunk);
        }
    }
}
