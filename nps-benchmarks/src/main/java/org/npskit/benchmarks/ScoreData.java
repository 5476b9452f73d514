package org.npskit.benchmarks;

import java.util.SplittableRandom;

/**
 * Generates reproducible 0-10 scores with a realistic shape (most answers 7-10, a tail of low
 * scores), so that every tally variant sees exactly the same bytes.
 */
public final class ScoreData {

    /** Relative frequency of each score 0..10, roughly a retailer with an NPS around 40. */
    private static final int[] WEIGHTS = {3, 1, 1, 2, 2, 4, 5, 10, 18, 24, 30};

    private ScoreData() {
    }

    /**
     * Returns {@code count} scores drawn from a fixed distribution with a fixed seed.
     *
     * @param count how many scores, at least 0
     * @param seed the random seed
     * @return a new array of scores in 0..10
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static byte[] scores(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        byte[] table = new byte[total];
        int at = 0;
        for (int score = 0; score < WEIGHTS.length; score++) {
            for (int k = 0; k < WEIGHTS[score]; k++) {
                table[at++] = (byte) score;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        byte[] scores = new byte[count];
        for (int i = 0; i < count; i++) {
            scores[i] = table[random.nextInt(total)];
        }
        return scores;
    }
}
