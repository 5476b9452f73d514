package org.npskit.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.npskit.policy.ReasonCode;

/**
 * The line and order-value rules of {@link BenchPolicy}, written the way a user would: shared by the
 * hand-written and the Easy Rules deciders so that both implement exactly the same rules.
 */
public final class LineRules {

    private LineRules() {
    }

    /**
     * The result of looking at an order's lines.
     *
     * @param subject the chosen subject line, or null when no line is a candidate
     * @param subjectAlways whether the subject is an "always" line
     * @param lineReasons the distinct reasons of the non-candidate lines, in contract order
     */
    public record Analysis(BenchLine subject, boolean subjectAlways, List<ReasonCode> lineReasons) {
    }

    /**
     * Picks the subject (highest line value, earlier line on ties) and collects line reasons.
     *
     * @param order the order
     * @return the analysis
     */
    public static Analysis analyse(BenchOrder order) {
        BenchLine subject = null;
        BigDecimal subjectValue = null;
        boolean subjectAlways = false;
        EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        for (BenchLine line : order.lines()) {
            boolean excluded = matchesAny(line.category(), BenchPolicy.EXCLUDED);
            boolean always = matchesAny(line.category(), BenchPolicy.ALWAYS) || hasAlwaysService(line);
            BigDecimal value = line.value();
            boolean belowMin = !always && value.compareTo(BenchPolicy.MIN_LINE_VALUE) < 0;
            if (excluded) {
                reasons.add(ReasonCode.EXCLUDED_CATEGORY);
            }
            if (belowMin) {
                reasons.add(ReasonCode.BELOW_MIN_LINE_VALUE);
            }
            if (!excluded && !belowMin && (subject == null || value.compareTo(subjectValue) > 0)) {
                subject = line;
                subjectValue = value;
                subjectAlways = always;
            }
        }
        return new Analysis(subject, subjectAlways,
                subject == null ? new ArrayList<>(reasons) : List.of());
    }

    /**
     * Tells whether the order is below the minimum order value without an "always" subject.
     *
     * @param order the order
     * @param analysis its line analysis
     * @return true if {@code BELOW_MIN_ORDER_VALUE} applies
     */
    public static boolean belowMinOrderValue(BenchOrder order, Analysis analysis) {
        return !(analysis.subject() != null && analysis.subjectAlways())
                && order.value().compareTo(BenchPolicy.MIN_ORDER_VALUE) < 0;
    }

    private static boolean matchesAny(String category, List<String> rules) {
        for (String rule : rules) {
            if (BenchPolicy.under(category, rule)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAlwaysService(BenchLine line) {
        for (String service : line.services()) {
            if (BenchPolicy.ALWAYS_SERVICES.contains(service)) {
                return true;
            }
        }
        return false;
    }
}
