package org.npskit.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.npskit.policy.ReasonCode;

/**
 * The history a user would keep by hand: decided order ids in a concurrent set and each customer's
 * survey times (epoch seconds, ascending) in a {@link ConcurrentHashMap}; check and record are one
 * atomic {@code compute} per customer. Shared by both baseline deciders. Thread-safe.
 */
public final class SurveyTimesStore {

    /** The rules, as a pure function of the order, the customer's survey times and the time. */
    @FunctionalInterface
    public interface Rules {
        /**
         * Evaluates the rules.
         *
         * @param order the order
         * @param times the customer's survey times, ascending, never null
         * @param now the decision time in epoch seconds
         * @return the verdict
         */
        Verdict evaluate(BenchOrder order, long[] times, long now);
    }

    private final ConcurrentHashMap<String, long[]> surveys;
    private final Set<String> decidedOrders;

    /**
     * Creates an empty store.
     *
     * @param expectedCustomers the expected number of customers (initial capacity)
     */
    public SurveyTimesStore(int expectedCustomers) {
        this.surveys = new ConcurrentHashMap<>(expectedCustomers * 2);
        this.decidedOrders = ConcurrentHashMap.newKeySet(expectedCustomers * 2);
    }

    /**
     * Adds a past survey without evaluating rules (history set-up).
     *
     * @param orderId the surveyed order
     * @param customerId the customer
     * @param epochSecond the survey time
     */
    public void prefill(String orderId, String customerId, long epochSecond) {
        decidedOrders.add(orderId);
        surveys.merge(customerId, new long[] {epochSecond},
                (old, added) -> Frequency.record(old, epochSecond));
    }

    /**
     * Decides an order: a repeated order id is a duplicate; otherwise the rules run inside the
     * customer's atomic update and a survey verdict is recorded.
     *
     * @param order the order
     * @param rules the rules
     * @return the verdict
     */
    public Verdict decide(BenchOrder order, Rules rules) {
        if (!decidedOrders.add(order.orderId())) {
            return new Verdict(false, List.of(ReasonCode.DUPLICATE_ORDER), null);
        }
        long now = order.eventTime().getEpochSecond();
        Verdict[] out = new Verdict[1];
        surveys.compute(order.customerId(), (customer, times) -> {
            long[] known = times == null ? Frequency.none() : times;
            Verdict verdict = rules.evaluate(order, known, now);
            out[0] = verdict;
            return verdict.survey() ? Frequency.record(known, now) : times;
        });
        return out[0];
    }
}
