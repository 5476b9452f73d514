package org.npskit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.npskit.policy.ReasonCode;

/**
 * The baseline a user might pick instead of npskit: the rules of {@link BenchPolicy} as Easy Rules
 * rules (fluent {@link RuleBuilder} with lambdas, the fastest style Easy Rules offers), fired in
 * priority order over facts, on the same {@link SurveyTimesStore} as {@link HandWrittenGate}.
 * Thread-safe.
 */
public final class EasyRulesGate {

    private static final String ORDER = "order";
    private static final String TIMES = "times";
    private static final String NOW = "now";
    private static final String EVALUATION = "evaluation";

    private final SurveyTimesStore store;
    private final Rules rules;
    private final RulesEngine engine = new DefaultRulesEngine();

    /** The mutable working memory of one evaluation. */
    private static final class Evaluation {
        final List<ReasonCode> reasons = new ArrayList<>(4);
        LineRules.Analysis lines;
    }

    /**
     * Creates an empty gate.
     *
     * @param expectedCustomers the expected number of customers (initial capacity)
     */
    public EasyRulesGate(int expectedCustomers) {
        this.store = new SurveyTimesStore(expectedCustomers);
        this.rules = new Rules(
                rule("consent", 1,
                        f -> !order(f).consent(),
                        f -> reasons(f).add(ReasonCode.NO_CONSENT)),
                rule("lines", 2,
                        f -> true,
                        f -> {
                            Evaluation evaluation = f.get(EVALUATION);
                            evaluation.lines = LineRules.analyse(order(f));
                            evaluation.reasons.addAll(evaluation.lines.lineReasons());
                        }),
                rule("min-order-value", 3,
                        f -> LineRules.belowMinOrderValue(order(f), f.<Evaluation>get(EVALUATION).lines),
                        f -> reasons(f).add(ReasonCode.BELOW_MIN_ORDER_VALUE)),
                rule("customer-cooldown", 4,
                        f -> Frequency.cooldownBlocks(f.get(TIMES), f.<Long>get(NOW)),
                        f -> reasons(f).add(ReasonCode.CUSTOMER_COOLDOWN)),
                rule("customer-cap", 5,
                        f -> Frequency.capBlocks(f.get(TIMES), f.<Long>get(NOW)),
                        f -> reasons(f).add(ReasonCode.CUSTOMER_CAP)),
                rule("sampling", 6,
                        f -> !StickyHash.sampled(BenchPolicy.SAMPLING_SALT, order(f).customerId(),
                                BenchPolicy.SAMPLING_RATE),
                        f -> reasons(f).add(ReasonCode.NOT_SAMPLED)));
    }

    private static Rule rule(String name, int priority, org.jeasy.rules.api.Condition when,
            org.jeasy.rules.api.Action then) {
        return new RuleBuilder().name(name).priority(priority).when(when).then(then).build();
    }

    private static BenchOrder order(Facts facts) {
        return facts.get(ORDER);
    }

    private static List<ReasonCode> reasons(Facts facts) {
        return facts.<Evaluation>get(EVALUATION).reasons;
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
     * Decides an order by firing the rules and records a survey when no rule objected.
     *
     * @param order the order
     * @return the verdict
     */
    public Verdict decide(BenchOrder order) {
        return store.decide(order, this::evaluate);
    }

    private Verdict evaluate(BenchOrder order, long[] times, long now) {
        Facts facts = new Facts();
        Evaluation evaluation = new Evaluation();
        facts.put(ORDER, order);
        facts.put(TIMES, times);
        facts.put(NOW, now);
        facts.put(EVALUATION, evaluation);
        engine.fire(rules, facts);
        BenchLine subject = evaluation.lines.subject();
        return new Verdict(evaluation.reasons.isEmpty(), evaluation.reasons,
                subject == null ? null : subject.sku());
    }
}
