package org.npskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrequencyTest {

    private static final long DAY = 86_400;

    @Test
    void cooldownBlocksTheOpenIntervalOnBothSides() {
        long[] times = {1_000 * DAY};
        assertThat(Frequency.cooldownBlocks(times, 1_000 * DAY + 90 * DAY - 1)).isTrue();
        assertThat(Frequency.cooldownBlocks(times, 1_000 * DAY + 90 * DAY)).isFalse();
        assertThat(Frequency.cooldownBlocks(times, 1_000 * DAY - 90 * DAY + 1)).isTrue();
        assertThat(Frequency.cooldownBlocks(times, 1_000 * DAY - 90 * DAY)).isFalse();
    }

    @Test
    void capBlocksWhenFourSurveysSpanLessThanAYear() {
        long[] times = {0, 100 * DAY, 200 * DAY};
        assertThat(Frequency.capBlocks(times, 364 * DAY)).isTrue();
        assertThat(Frequency.capBlocks(times, 365 * DAY)).isFalse();
        assertThat(Frequency.capBlocks(new long[] {0, 100 * DAY}, 150 * DAY)).isFalse();
    }

    @Test
    void recordKeepsOrderAndForgetsSurveysOlderThanTheWindow() {
        long[] times = Frequency.record(new long[] {0, 100 * DAY}, 50 * DAY);
        assertThat(times).containsExactly(0, 50 * DAY, 100 * DAY);
        assertThat(Frequency.record(times, 400 * DAY)).containsExactly(50 * DAY, 100 * DAY, 400 * DAY);
    }
}
