package org.npskit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
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
 * the first reason code): a tail that belongs to one kind of decision shows there. On Linux it
 * also reads {@code /proc/stat} between windows (outside the timed calls) and prints the mean
 * wall time and the CPU ticks (user, system, idle, steal, all CPUs, 10 ms each) of the windows
 * with a p99 over 10 µs next to those of the others: a tail from other processes or from time
 * the hypervisor reports as stolen shows there as more idle-less or steal ticks.
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
        long[][] ticks = new long[CHUNK / WINDOW + 1][];
        long[] walls = new long[CHUNK / WINDOW + 1];
        for (int c = 0; c < millions; c++) {
            for (int i = 0; i < CHUNK; i++) {
                if (i % WINDOW == 0) {
                    ticks[i / WINDOW] = cpuTicks();
                    walls[i / WINDOW] = System.nanoTime();
                }
                long start = System.nanoTime();
                String outcome = timed.decide((long) c * CHUNK + i);
                nanos[i] = System.nanoTime() - start;
                outcomes[i] = outcome;
            }
            ticks[CHUNK / WINDOW] = cpuTicks();
            walls[CHUNK / WINDOW] = System.nanoTime();
            boolean[] slowWindows = slowWindows(nanos);
            report(which, c, nanos, outcomes, slowWindows);
            reportWindows(slowWindows, ticks, walls);
        }
    }

    /** The aggregate CPU line of /proc/stat (user, nice, system, idle, ..., steal), or null. */
    private static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] values = new long[fields.length - 1];
            for (int f = 1; f < fields.length; f++) {
                values[f - 1] = Long.parseLong(fields[f]);
            }
            return values.length >= 8 ? values : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Per window of {@link #WINDOW} consecutive calls: whether its p99 is over 10 µs. */
    private static boolean[] slowWindows(long[] nanos) {
        boolean[] slow = new boolean[CHUNK / WINDOW];
        for (int w = 0; w < slow.length; w++) {
            long[] window = Arrays.copyOfRange(nanos, w * WINDOW, (w + 1) * WINDOW);
            Arrays.sort(window);
            slow[w] = window[WINDOW * 99 / 100] > SLOW_NANOS;
        }
        return slow;
    }

    private static void reportWindows(boolean[] slowWindows, long[][] ticks, long[] walls) {
        // [slow?][count, wall nanos, user, system, idle, steal]
        double[][] sums = new double[2][6];
        for (int w = 0; w < slowWindows.length; w++) {
            double[] sum = sums[slowWindows[w] ? 1 : 0];
            sum[0]++;
            sum[1] += walls[w + 1] - walls[w];
            if (ticks[w] != null && ticks[w + 1] != null) {
                sum[2] += ticks[w + 1][0] + ticks[w + 1][1] - ticks[w][0] - ticks[w][1];
                sum[3] += ticks[w + 1][2] - ticks[w][2];
                sum[4] += ticks[w + 1][3] - ticks[w][3];
                sum[5] += ticks[w + 1][7] - ticks[w][7];
            }
        }
        for (int slow = 1; slow >= 0; slow--) {
            double[] sum = sums[slow];
            if (sum[0] == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT,
                    "    %s windows (%d): %.0f ms each; ticks per window: user %.2f system %.2f idle %.2f steal %.2f%n",
                    slow == 1 ? "p99 > 10 us" : "other", (int) sum[0], sum[1] / sum[0] / 1e6,
                    sum[2] / sum[0], sum[3] / sum[0], sum[4] / sum[0], sum[5] / sum[0]);
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

    private static void report(String which, int chunk, long[] nanos, String[] outcomes,
            boolean[] slowWindows) {
        int burstWindows = 0;
        for (boolean slow : slowWindows) {
            burstWindows += slow ? 1 : 0;
        }
        Map<String, long[]> byOutcome = new TreeMap<>();
        for (String outcome : new TreeSet<>(Arrays.asList(outcomes))) {
            byOutcome.put(outcome, IntStream.range(0, CHUNK)
                    .filter(i -> outcomes[i].equals(outcome)).mapToLong(i -> nanos[i]).toArray());
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
