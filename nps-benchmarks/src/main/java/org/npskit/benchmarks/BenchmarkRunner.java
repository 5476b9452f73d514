package org.npskit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in ONE JMH invocation, measures the memory footprint in a separate JVM, and
 * prints the ratios and the targets. Usage:
 * {@code java -cp benchmarks.jar org.npskit.benchmarks.BenchmarkRunner [--quick|--full] [--skip-jdbc]
 * [--out DIR]}. Writes {@code DIR/results.json} (JMH JSON), {@code DIR/memory.properties} and
 * {@code DIR/summary.md} (default DIR: {@code target}).
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments, see the class comment
     * @throws RunnerException if JMH fails
     * @throws IOException if a file cannot be written
     * @throws InterruptedException if interrupted while waiting for the memory measurement
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean quick = true;
        boolean jdbc = true;
        Path out = Path.of("target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--full" -> quick = false;
                case "--skip-jdbc" -> jdbc = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "unknown argument '%s' (expected --quick, --full, --skip-jdbc, --out DIR)",
                        args[i]));
            }
        }
        Files.createDirectories(out);

        String loadBefore = loadAverage();
        long started = System.nanoTime();
        Properties memory = measureMemory(out.resolve("memory.properties"), !quick);

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(TallyBenchmark.class.getName() + "\\.")
                .include(DecisionBenchmark.class.getName() + "\\.")
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "-Dnpskit.bench.out=" + out.toAbsolutePath())
                .result(out.resolve("results.json").toString())
                .resultFormat(ResultFormatType.JSON);
        if (jdbc) {
            options.include("JdbcDecisionBenchmark\\.");
        }
        if (quick) {
            options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(2));
        } else {
            options.forks(2).warmupIterations(3).warmupTime(TimeValue.seconds(3))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(3));
        }
        Path jdbcCheckFile = out.resolve("jdbc-check.properties");
        Files.deleteIfExists(jdbcCheckFile);
        Collection<RunResult> results = new Runner(options.build()).run();

        Properties jdbcCheck = new Properties();
        if (Files.exists(jdbcCheckFile)) {
            jdbcCheck = load(jdbcCheckFile);
        }
        String machine = String.format(Locale.ROOT,
                "Machine: %d cores, %s, Java %s (%s). Load average (1/5/15 min) before: %s, after: %s."
                        + " Run took %d s.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadBefore,
                loadAverage(), (System.nanoTime() - started) / 1_000_000_000L);
        String summary = Summary.render(scores(results), memory, jdbcCheck, quick ? "quick" : "full")
                .replaceFirst("\n\n", "\n\n" + machine);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(summary);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Map<String, RunResult> scores(Collection<RunResult> results) {
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
        }
        return byName;
    }

    private static Properties measureMemory(Path file, boolean jol) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms4g", "-Xmx4g", "-XX:+UseParallelGC",
                "-Djdk.attach.allowAttachSelf=true", "-cp", System.getProperty("java.class.path"),
                MemoryFootprint.class.getName(), file.toString()));
        if (jol) {
            command.add("--jol");
        }
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("memory measurement failed with exit code " + exit);
        }
        return load(file);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
