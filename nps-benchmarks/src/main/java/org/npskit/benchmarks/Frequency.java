package org.npskit.benchmarks;

import java.util.Arrays;

/**
 * The cooldown and cap rules of {@link BenchPolicy} over a customer's survey times (epoch seconds,
 * ascending), looking at both sides of the decision time as the contract requires. Shared by the
 * hand-written and the Easy Rules deciders.
 */
public final class Frequency {

    private static final long COOLDOWN = BenchPolicy.COOLDOWN.toSeconds();
    private static final long WINDOW = BenchPolicy.CAP_WINDOW.toSeconds();
    private static final long[] NONE = new long[0];

    private Frequency() {
    }

    /**
     * Returns the empty survey list.
     *
     * @return an empty array (shared, never modified)
     */
    public static long[] none() {
        return NONE;
    }

    /**
     * Tells whether a survey lies in the open interval (now - cooldown, now + cooldown).
     *
     * @param times survey times, ascending
     * @param now the decision time
     * @return true if the cooldown blocks
     */
    public static boolean cooldownBlocks(long[] times, long now) {
        for (long t : times) {
            if (t > now - COOLDOWN && t < now + COOLDOWN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether, with a survey at {@code now} added, some N + 1 consecutive surveys span less
     * than the window.
     *
     * @param times survey times, ascending
     * @param now the decision time
     * @return true if the cap blocks
     */
    public static boolean capBlocks(long[] times, long now) {
        int n = BenchPolicy.CAP_COUNT;
        if (times.length < n) {
            return false;
        }
        long[] all = insert(times, now);
        int at = Arrays.binarySearch(all, now);
        for (int first = Math.max(0, at - n); first <= at && first + n < all.length; first++) {
            if (all[first + n] - all[first] < WINDOW) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the survey times with {@code now} added and times at or before now - window dropped.
     *
     * @param times survey times, ascending
     * @param now the new survey's time
     * @return a new array, ascending
     */
    public static long[] record(long[] times, long now) {
        long[] all = insert(times, now);
        int keepFrom = 0;
        while (all[keepFrom] <= now - WINDOW) {
            keepFrom++;
        }
        return keepFrom == 0 ? all : Arrays.copyOfRange(all, keepFrom, all.length);
    }

    private static long[] insert(long[] times, long now) {
        long[] all = Arrays.copyOf(times, times.length + 1);
        int at = all.length - 1;
        while (at > 0 && all[at - 1] > now) {
            all[at] = all[at - 1];
            at--;
        }
        all[at] = now;
        return all;
    }
}
