package org.npskit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.npskit.policy.ReasonCode;

/**
 * The baseline "speed limit of the idea": the rules of {@link BenchPolicy} as plain if/else over a
 * {@link SurveyTimesStore}. Thread-safe.
 */
public final class HandWrittenGate {

    private final SurveyTimesStore store;

    /**
     * Creates an empty gate.
     *
     * @param expectedCustomers the expected number of customers (initial capacity)
     */
    public HandWrittenGate(int expectedCustomers) {
        this.store = new SurveyTimesStore(expectedCustomers);
    }

    /**
     * Returns the history, for set-up.
     *
     * @return the store
     */
    public SurveyTimesStore store() {
        return store;
    }

    /**
     * Decides an order and records a survey when the answer is yes.
     *
     * @param order the order
     * @return the verdict
     */
    public Verdict decide(BenchOrder order) {
        return store.decide(order, HandWrittenGate::evaluate);
    }

    private static Verdict evaluate(BenchOrder order, long[] times, long now) {
        List<ReasonCode> reasons = new ArrayList<>(4);
        if (!order.consent()) {
            reasons.add(ReasonCode.NO_CONSENT);
        }
        LineRules.Analysis lines = LineRules.analyse(order);
        reasons.addAll(lines.lineReasons());
        if (LineRules.belowMinOrderValue(order, lines)) {
            reasons.add(ReasonCode.BELOW_MIN_ORDER_VALUE);
        }
        if (Frequency.cooldownBlocks(times, now)) {
            reasons.add(ReasonCode.CUSTOMER_COOLDOWN);
        }
        if (Frequency.capBlocks(times, now)) {
            reasons.add(ReasonCode.CUSTOMER_CAP);
        }
        if (!StickyHash.sampled(BenchPolicy.SAMPLING_SALT, order.customerId(), BenchPolicy.SAMPLING_RATE)) {
            reasons.add(ReasonCode.NOT_SAMPLED);
        }
        String subject = lines.subject() == null ? null : lines.subject().sku();
        return new Verdict(reasons.isEmpty(), reasons, subject);
    }
}
