package org.npskit.examples.boot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.npskit.policy.Decision;
import org.npskit.policy.Outcome;
import org.npskit.policy.Reason;

/**
 * The answer of {@code POST /deliveries}: npskit's decision as JSON. Instants are ISO-8601 text
 * ({@code 2026-02-27T12:00:00Z}); absent values are {@code null}.
 *
 * @param orderId the order id
 * @param customerId the customer id
 * @param outcome {@code SURVEY} or {@code SKIP}
 * @param reasons why, most important first (empty for a plain SURVEY)
 * @param subjectSku the line the survey is (or would be) about, or null
 * @param sendAt when to send the survey (SURVEY only), or null
 * @param eligibleAgainAt when the customer could be asked again, when a cooldown or cap said no
 * @param recordedDecision for a redelivery ({@code DUPLICATE_ORDER}): what the store holds for the
 *     order, {@code SURVEY} or {@code SKIP}; else null
 * @param recordedSendAt for a redelivery of a surveyed order: when that survey is due; else null
 */
public record DecisionJson(
    String orderId,
    String customerId,
    String outcome,
    List<ReasonJson> reasons,
    String subjectSku,
    String sendAt,
    String eligibleAgainAt,
    String recordedDecision,
    String recordedSendAt) {

  /**
   * One reason.
   *
   * @param code the reason code, e.g. {@code EXCLUDED_CATEGORY}
   * @param text the library's explanation, naming the rule and the values
   */
  public record ReasonJson(String code, String text) {}

  /**
   * The JSON of a decision.
   *
   * @param decision the decision; not null
   * @return its JSON form
   */
  static DecisionJson of(Decision decision) {
    List<ReasonJson> reasons = decision.reasons().stream()
        .map((Reason r) -> new ReasonJson(r.code().name(), r.message()))
        .toList();
    return new DecisionJson(decision.orderId(), decision.customerId(),
        decision.outcome().name(), reasons, decision.subjectSku().orElse(null),
        text(decision.sendAt()), text(decision.eligibleAgainAt()),
        decision.recordedDecision().map(Outcome::name).orElse(null),
        text(decision.recordedSendAt()));
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
