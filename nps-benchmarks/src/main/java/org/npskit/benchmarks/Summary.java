package org.npskit.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Renders one run's results as a markdown summary: medians, the ratios the issue asks for, and
 * each target with PASS or FAIL. Ratios are computed from the medians of the same JMH run.
 */
public final class Summary {

    private Summary() {
    }

    /**
     * Renders the summary.
     *
     * @param results results keyed by {@code Class.method}
     * @param memory the memory measurement ({@link MemoryFootprint} keys)
     * @param jdbcCheck the JDBC benchmark's double-survey check (empty if it did not run)
     * @param profile the profile name
     * @return markdown text
     */
    public static String render(Map<String, RunResult> results, Properties memory, Properties jdbcCheck,
            String profile) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## npskit benchmark summary (%s profile)%n%n", profile));
        out.append("| benchmark | mode | median | mean ± error | unit |\n");
        out.append("|---|---|---:|---:|---|\n");
        for (Map.Entry<String, RunResult> entry : results.entrySet()) {
            Statistics stats = entry.getValue().getPrimaryResult().getStatistics();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s ± %s | %s |%n", entry.getKey(),
                    entry.getValue().getParams().getMode().shortLabel(),
                    number(stats.getPercentile(50)), number(stats.getMean()),
                    stats.getN() > 1 ? number(entry.getValue().getPrimaryResult().getScoreError()) : "n/a",
                    entry.getValue().getPrimaryResult().getScoreUnit()));
        }
        out.append("\n| target | measured | goal | verdict |\n|---|---:|---:|---|\n");
        ratio(out, results, "TallyBenchmark.npskit", "TallyBenchmark.naiveStream", 10.0);
        ratio(out, results, "TallyBenchmark.npskit", "TallyBenchmark.memoryScan", 0.5);
        ratio(out, results, "DecisionBenchmark.npskit", "DecisionBenchmark.handWritten", 0.5);
        ratio(out, results, "DecisionBenchmark.npskit", "DecisionBenchmark.easyRules", 5.0);
        ratio(out, results, "TallyBenchmark.npskitCollector", "TallyBenchmark.naiveStreamObjects", Double.NaN);
        ratio(out, results, "TallyBenchmark.npskitConcurrent2Threads", "TallyBenchmark.npskit", Double.NaN);
        RunResult latency = results.get("DecisionBenchmark.npskitLatency");
        if (latency != null) {
            Statistics stats = latency.getPrimaryResult().getStatistics();
            double p99 = stats.getPercentile(99.0);
            String unit = latency.getPrimaryResult().getScoreUnit();
            out.append(String.format(Locale.ROOT, "| decide p99 latency (p50 %s, p99.9 %s; p99 per iteration %s) | %s %s | < 10 us | %s |%n",
                    number(stats.getPercentile(50.0)), number(stats.getPercentile(99.9)),
                    iterationRange(latency, 99.0), number(p99), unit,
                    verdict(toMicros(p99, unit) < 10.0)));
        } else {
            out.append("| decide p99 latency | not run | < 10 us | n/a |\n");
        }
        RunResult baseline = results.get("DecisionBenchmark.handWrittenLatency");
        if (baseline != null) {
            Statistics stats = baseline.getPrimaryResult().getStatistics();
            out.append(String.format(Locale.ROOT, "| hand-written p99 latency, same run (p50 %s, p99.9 %s; p99 per iteration %s) | %s %s | (baseline) | info |%n",
                    number(stats.getPercentile(50.0)), number(stats.getPercentile(99.9)),
                    iterationRange(baseline, 99.0), number(stats.getPercentile(99.0)),
                    baseline.getPrimaryResult().getScoreUnit()));
        }
        String bytes = memory.getProperty("npskit.bytesPerCustomer");
        if (bytes != null) {
            double value = Double.parseDouble(bytes);
            out.append(String.format(Locale.ROOT, "| bytes per tracked customer (heap delta; JOL graph %s; hand-written map %s) | %s | <= 150 | %s |%n",
                    memory.getProperty("npskit.jolBytesPerCustomer", "n/a"),
                    memory.getProperty("handWritten.bytesPerCustomer", "n/a"),
                    number(value), verdict(value <= 150.0)));
        } else {
            out.append(String.format(Locale.ROOT, "| bytes per tracked customer | not measured (hand-written map %s) | <= 150 | n/a |%n",
                    memory.getProperty("handWritten.bytesPerCustomer", "n/a")));
        }
        RunResult jdbc = results.get("JdbcDecisionBenchmark.npskit");
        if (jdbc != null) {
            double perSecond = jdbc.getPrimaryResult().getStatistics().getPercentile(50)
                    * perSecondFactor(jdbc.getPrimaryResult().getScoreUnit());
            out.append(String.format(Locale.ROOT, "| JDBC decide, 8 threads, embedded PostgreSQL | %s /s | >= 2000 /s | %s |%n",
                    number(perSecond), verdict(perSecond >= 2000.0)));
            String doubles = jdbcCheck.getProperty("doubleSurveys");
            out.append(String.format(Locale.ROOT, "| JDBC double surveys (%s surveys in %s decisions, %s re-deliveries) | %s | 0 | %s |%n",
                    jdbcCheck.getProperty("surveys", "?"), jdbcCheck.getProperty("decisions", "?"),
                    jdbcCheck.getProperty("redeliveries", "?"),
                    doubles == null ? "not checked" : doubles,
                    doubles == null ? "FAIL" : verdict(Long.parseLong(doubles) == 0)));
        } else {
            out.append("| JDBC decide, 8 threads | not run | >= 2000 /s | n/a |\n");
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, Map<String, RunResult> results, String subject,
            String baseline, double goal) {
        RunResult a = results.get(subject);
        RunResult b = results.get(baseline);
        String label = subject.substring(subject.indexOf('.') + 1) + " / "
                + baseline.substring(baseline.indexOf('.') + 1) + " (" + subject.substring(0, subject.indexOf('.')) + ")";
        String goalText = Double.isNaN(goal) ? "(no target)" : ">= " + number(goal) + "x";
        if (a == null || b == null) {
            out.append(String.format(Locale.ROOT, "| %s | not run | %s | n/a |%n", label, goalText));
            return;
        }
        double value = a.getPrimaryResult().getStatistics().getPercentile(50)
                / b.getPrimaryResult().getStatistics().getPercentile(50);
        out.append(String.format(Locale.ROOT, "| %s | %sx | %s | %s |%n", label, number(value), goalText,
                Double.isNaN(goal) ? "info" : verdict(value >= goal)));
    }

    /** The lowest and highest percentile of single measurement iterations, over all forks. */
    static String iterationRange(RunResult result, double percentile) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                double value = iteration.getPrimaryResult().getStatistics().getPercentile(percentile);
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return low > high ? "n/a" : number(low) + "-" + number(high);
    }

    private static double toMicros(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value / 1000.0;
            case "us/op" -> value;
            case "ms/op" -> value * 1000.0;
            default -> throw new IllegalArgumentException("unexpected unit '" + unit + "'");
        };
    }

    private static double perSecondFactor(String unit) {
        return switch (unit) {
            case "ops/s" -> 1.0;
            case "ops/ms" -> 1000.0;
            case "ops/us" -> 1_000_000.0;
            default -> throw new IllegalArgumentException("unexpected unit '" + unit + "'");
        };
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
