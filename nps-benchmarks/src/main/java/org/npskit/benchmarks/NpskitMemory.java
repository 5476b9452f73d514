package org.npskit.benchmarks;

import java.util.Properties;

/** Fills npskit's in-memory history for {@link MemoryFootprint} (wired once nps-policy lands). */
final class NpskitMemory {

    private NpskitMemory() {
    }

    static void measure(Properties result, boolean jol) {
        result.setProperty("npskit.status", "not yet measured");
    }
}
