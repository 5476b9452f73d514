package org.npskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.npskit.policy.ReasonCode;

class DecisionAgreementTest {

    private static final int CUSTOMERS = 2_000;
    private static final int ORDERS = 40_000;

    @Test
    void npskitHandWrittenAndEasyRulesDecideAlikeOnAVariedWorkload() {
        List<Verdict> verdicts =
                DecisionBenchmark.checkAgreement(new DecisionWorkload(CUSTOMERS, 11), ORDERS);

        // The workload exercises every rule of the policy, and some orders pass.
        assertThat(verdicts).anyMatch(Verdict::survey);
        assertThat(verdicts.stream().flatMap(v -> v.reasons().stream()).distinct())
                .contains(ReasonCode.NO_CONSENT, ReasonCode.EXCLUDED_CATEGORY,
                        ReasonCode.BELOW_MIN_LINE_VALUE, ReasonCode.BELOW_MIN_ORDER_VALUE,
                        ReasonCode.CUSTOMER_COOLDOWN, ReasonCode.CUSTOMER_CAP, ReasonCode.NOT_SAMPLED);
    }

    @Test
    void agreementCheckRejectsADeciderWithDifferentRules() {
        DecisionWorkload workload = new DecisionWorkload(100, 3);
        HandWrittenGate hand = new HandWrittenGate(100);
        Map<String, LongFunction<Verdict>> deciders = new LinkedHashMap<>();
        deciders.put("handWritten", seq -> hand.decide(workload.order(seq)));
        deciders.put("alwaysSurvey", seq -> new Verdict(true, List.of(), null));

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> Agreement.check(deciders, workload, 1_000))
                .withMessageContaining("variants disagree on order");
    }
}
