package org.npskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.npskit.policy.ReasonCode;

class BaselineAgreementTest {

    private static final int CUSTOMERS = 2_000;
    private static final int ORDERS = 40_000;

    @Test
    void handWrittenAndEasyRulesDecideAlikeOnAVariedWorkload() {
        DecisionWorkload workload = new DecisionWorkload(CUSTOMERS, 11);
        HandWrittenGate hand = new HandWrittenGate(CUSTOMERS);
        EasyRulesGate easy = new EasyRulesGate(CUSTOMERS);
        DecisionBenchmark.prefill(hand.store(), workload);
        DecisionBenchmark.prefill(easy.store(), workload);
        Map<String, Function<BenchOrder, Verdict>> deciders = new LinkedHashMap<>();
        deciders.put("handWritten", hand::decide);
        deciders.put("easyRules", easy::decide);

        List<Verdict> verdicts = Agreement.check(deciders, workload, ORDERS);

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
        Map<String, Function<BenchOrder, Verdict>> deciders = new LinkedHashMap<>();
        deciders.put("handWritten", hand::decide);
        deciders.put("alwaysSurvey", order -> new Verdict(true, List.of(), null));

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> Agreement.check(deciders, workload, 1_000))
                .withMessageContaining("variants disagree on order");
    }
}
