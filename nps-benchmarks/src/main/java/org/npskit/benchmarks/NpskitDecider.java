package org.npskit.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.npskit.policy.Decision;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.memory.InMemoryContactHistory;

/**
 * npskit's {@link SurveyGate} under {@link BenchPolicy} over a {@link DecisionWorkload}: converts
 * each order into a {@link Purchase} (as a user's code must) and decides it. The workload's lines
 * are converted to {@link OrderLine}s once, as the baselines also reuse their line objects.
 * Thread-safe.
 */
public final class NpskitDecider {

    /** Retention of the in-memory store: the gate's default, twice the longest window. */
    public static final Duration RETENTION = Duration.ofDays(730);

    /**
     * The in-memory stores' clock: after every simulated event time, so that they forget by the
     * events' times alone, the same on any day the benchmarks run (the workload's times start at
     * {@link DecisionWorkload#T0} and run past the real date in a long run).
     */
    public static final Clock SIMULATION_CLOCK =
            Clock.fixed(Instant.parse("9999-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final Currency EUR = Currency.getInstance("EUR");

    private final DecisionWorkload workload;
    private final SurveyGate gate;
    private final List<List<OrderLine>> templateLines;

    /**
     * Creates a decider over a history.
     *
     * @param workload the workload
     * @param history the contact history
     */
    public NpskitDecider(DecisionWorkload workload, ContactHistory history) {
        this.workload = Objects.requireNonNull(workload, "workload");
        this.gate = SurveyGate.builder(SurveyPolicy.fromProperties(BenchPolicy.properties()))
                .history(history).build();
        this.templateLines = new ArrayList<>(workload.templateCount());
        for (int t = 0; t < workload.templateCount(); t++) {
            List<OrderLine> lines = new ArrayList<>();
            for (BenchLine line : workload.templateLines(t)) {
                lines.add(toOrderLine(line));
            }
            templateLines.add(List.copyOf(lines));
        }
    }

    /**
     * Creates a decider over a new in-memory history holding the workload's past surveys.
     *
     * @param workload the workload
     * @return the decider
     */
    public static NpskitDecider inMemory(DecisionWorkload workload) {
        InMemoryContactHistory history =
                InMemoryContactHistory.withRetention(RETENTION, workload.customers(), SIMULATION_CLOCK);
        prefill(history, workload);
        return new NpskitDecider(workload, history);
    }

    /**
     * Records each customer's one past survey through a permissive gate on the same history.
     *
     * @param history the history to fill
     * @param workload the workload
     */
    public static void prefill(ContactHistory history, DecisionWorkload workload) {
        prefill(history, workload, c -> true);
    }

    /**
     * Records the past survey of each selected customer through a permissive gate.
     *
     * @param history the history to fill
     * @param workload the workload
     * @param customers selects customer indexes
     */
    public static void prefill(ContactHistory history, DecisionWorkload workload, IntPredicate customers) {
        SurveyGate filler = SurveyGate.builder(SurveyPolicy.defaults()).history(history).build();
        for (int c = 0; c < workload.customers(); c++) {
            if (!customers.test(c)) {
                continue;
            }
            Purchase past = Purchase.builder(workload.pastOrderId(c), workload.customerId(c))
                    .orderedAt(Instant.ofEpochSecond(workload.pastSurveyEpochSecond(c)))
                    .line(toOrderLine(workload.pastSubject(c)))
                    .build();
            if (!filler.decide(past).isSurvey()) {
                throw new IllegalStateException("prefill did not record a survey for " + past);
            }
        }
    }

    static OrderLine toOrderLine(BenchLine line) {
        return OrderLine.of(line.sku(), line.category(), new Money(line.unitPrice(), EUR),
                line.quantity(), line.services().toArray(new String[0]));
    }

    /**
     * Returns the gate.
     *
     * @return the gate
     */
    public SurveyGate gate() {
        return gate;
    }

    /**
     * Builds the purchase for order {@code seq} of the workload.
     *
     * @param order the order (its id, customer and time are used; lines come from the template)
     * @param seq its sequence number
     * @return the purchase
     */
    public Purchase purchase(BenchOrder order, long seq) {
        Purchase.Builder builder = Purchase.builder(order.orderId(), order.customerId())
                .orderedAt(order.eventTime())
                .consent(order.consent());
        for (OrderLine line : templateLines.get((int) (seq % templateLines.size()))) {
            builder.line(line);
        }
        return builder.build();
    }

    /**
     * Decides order {@code seq} of the workload.
     *
     * @param seq the sequence number
     * @return the decision
     */
    public Decision decide(long seq) {
        return gate.decide(purchase(workload.order(seq), seq));
    }

    /**
     * Returns the comparable part of a decision.
     *
     * @param decision the decision
     * @return the verdict
     */
    public static Verdict verdict(Decision decision) {
        return new Verdict(decision.isSurvey(), decision.reasonCodes(),
                decision.subjectSku().orElse(null));
    }
}
