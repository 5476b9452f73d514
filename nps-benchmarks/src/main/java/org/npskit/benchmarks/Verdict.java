package org.npskit.benchmarks;

import java.util.List;
import java.util.Objects;
import org.npskit.policy.ReasonCode;

/**
 * The comparable part of a decision, the same for npskit and the baselines: outcome, ordered
 * reasons and subject.
 *
 * @param survey whether a survey is to be sent
 * @param reasons the reasons, in contract order; empty for a survey
 * @param subjectSku the subject's SKU, or null when no line is a candidate
 */
public record Verdict(boolean survey, List<ReasonCode> reasons, String subjectSku) {

    /**
     * Copies the reasons.
     *
     * @throws NullPointerException if {@code reasons} is null
     */
    public Verdict {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
