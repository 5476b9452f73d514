package org.npskit.benchmarks;

import java.time.Instant;
import java.util.Properties;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.memory.InMemoryContactHistory;

/**
 * Fills npskit's {@link InMemoryContactHistory} for {@link MemoryFootprint}: one decided purchase
 * per customer through the gate, each recorded as a survey, every id a fresh string.
 */
final class NpskitMemory {

    private NpskitMemory() {
    }

    static void measure(Properties result, boolean jol) {
        Money price = Money.of("49.90", "EUR");
        long t0 = DecisionWorkload.T0.getEpochSecond();
        MemoryFootprint.measure(result, "npskit", jol, count -> {
            InMemoryContactHistory history = InMemoryContactHistory.withRetention(
                    NpskitDecider.RETENTION, NpskitDecider.SIMULATION_CLOCK);
            SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(history).build();
            for (int i = 0; i < count; i++) {
                Purchase purchase = Purchase.builder("P" + (100_000_000 + i), "C" + (100_000_000 + i))
                        .orderedAt(Instant.ofEpochSecond(t0 - count + i))
                        .line(OrderLine.of("SKU-" + (1000 + i % 400), "kitchen/coffee", price, 1))
                        .build();
                if (!gate.decide(purchase).isSurvey()) {
                    throw new IllegalStateException("expected a survey for " + purchase);
                }
            }
            return history;
        });
    }
}
