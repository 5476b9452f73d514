package org.npskit.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.npskit.policy.ReasonCode;

/**
 * Checks that decision variants implement the same rules: every variant decides the same order
 * stream from the same filled history, and their verdicts must be equal order by order. Used by
 * the benchmark set-up (it refuses to run otherwise) and by the tests.
 */
public final class Agreement {

    private Agreement() {
    }

    /**
     * Decides orders {@code 0..orders-1} with each variant and reports differences.
     *
     * @param deciders each variant's decide function of the order's sequence number, already
     *     filled with the workload's history
     * @param workload the workload
     * @param orders how many orders to decide
     * @return the verdicts of the first variant, per order
     * @throws IllegalStateException naming the first order where two variants disagree
     */
    public static List<Verdict> check(Map<String, LongFunction<Verdict>> deciders,
            DecisionWorkload workload, int orders) {
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        deciders.forEach((name, decider) -> {
            List<Verdict> list = new ArrayList<>(orders);
            for (int seq = 0; seq < orders; seq++) {
                list.add(decider.apply(seq));
            }
            verdicts.put(name, list);
        });
        String first = verdicts.keySet().iterator().next();
        List<Verdict> reference = verdicts.get(first);
        verdicts.forEach((name, list) -> {
            for (int seq = 0; seq < orders; seq++) {
                if (!list.get(seq).equals(reference.get(seq))) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "variants disagree on order %d (%s): %s says %s, %s says %s", seq,
                            workload.order(seq), first, reference.get(seq), name, list.get(seq)));
                }
            }
        });
        return reference;
    }

    /**
     * Counts verdicts by primary reason ({@code null} key: surveys), to show the workload's mix.
     *
     * @param verdicts the verdicts
     * @return counts per primary reason
     */
    public static Map<ReasonCode, Integer> primaryReasons(List<Verdict> verdicts) {
        Map<ReasonCode, Integer> counts = new EnumMap<>(ReasonCode.class);
        for (Verdict verdict : verdicts) {
            if (!verdict.survey()) {
                counts.merge(verdict.reasons().get(0), 1, Integer::sum);
            }
        }
        return counts;
    }
}
