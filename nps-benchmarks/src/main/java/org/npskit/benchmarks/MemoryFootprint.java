package org.npskit.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.IntFunction;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the heap held per tracked customer: 1 million customers, each with one recorded survey,
 * every id (customer, order, SKU) a fresh string as if read from an event. Two measurements: heap
 * used after full GCs before and after filling (the delta includes everything the store allocated:
 * map tables, entries, ids) and JOL's object graph of the store. Run in its own JVM (see
 * {@link BenchmarkRunner}); writes a properties file.
 */
public final class MemoryFootprint {

    /** Customers filled. */
    public static final int CUSTOMERS = 1_000_000;

    private MemoryFootprint() {
    }

    /**
     * Entry point.
     *
     * @param args the output properties file, then optionally {@code --jol} to also walk the
     *     object graph with JOL (slow: about 15 s per variant)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Properties result = new Properties();
        boolean jol = args.length > 1 && "--jol".equals(args[1]);
        measure(result, "handWritten", jol, count -> {
            SurveyTimesStore store = new SurveyTimesStore(count);
            long t0 = DecisionWorkload.T0.getEpochSecond();
            for (int i = 0; i < count; i++) {
                store.prefill("P" + (100_000_000 + i), "C" + (100_000_000 + i), t0 - i);
            }
            return store;
        });
        NpskitMemory.measure(result, jol);
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            result.store(out, "bytes per tracked customer, " + CUSTOMERS + " customers with one survey each");
        }
        result.forEach((k, v) -> System.out.println("memory: " + k + " = " + v));
    }

    /**
     * Fills a store and records its bytes per customer under {@code prefix}.
     *
     * @param result where to record
     * @param prefix the variant name
     * @param jol whether to walk the object graph with JOL too
     * @param fill builds and fills the store for the given customer count
     */
    static void measure(Properties result, String prefix, boolean jol, IntFunction<Object> fill) {
        long before = usedAfterGc();
        Object store = fill.apply(CUSTOMERS);
        long after = usedAfterGc();
        double heapDelta = (after - before) / (double) CUSTOMERS;
        result.setProperty(prefix + ".bytesPerCustomer", String.format(Locale.ROOT, "%.1f", heapDelta));
        if (!jol) {
            Reference.reachabilityFence(store);
            return;
        }
        try {
            GraphLayout layout = GraphLayout.parseInstance(store);
            result.setProperty(prefix + ".jolBytesPerCustomer",
                    String.format(Locale.ROOT, "%.1f", layout.totalSize() / (double) CUSTOMERS));
            System.out.println(prefix + " object graph:");
            System.out.println(layout.toFootprint());
        } catch (RuntimeException | Error e) {
            result.setProperty(prefix + ".jolError", String.valueOf(e));
        }
        Reference.reachabilityFence(store);
    }

    private static long usedAfterGc() {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, bean.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
