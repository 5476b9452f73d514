package org.npskit.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.npskit.policy.internal.Checks;

/**
 * The answer for one purchase: outcome, ordered reasons (the first is the primary reason), its
 * kind, the subject line, when to send, and when the customer is eligible again. Immutable and
 * thread-safe.
 *
 * <ul>
 *   <li>SURVEY: no reasons, {@code sendAt} = decision time + send delay, moved into the
 *       policy's send window and send days when they are set; a subject for a
 *       {@link DecisionKind#TRANSACTIONAL} survey, none for a {@link DecisionKind#RELATIONSHIP}
 *       survey (about the shop, not a product).
 *   <li>SKIP: at least one reason, no {@code sendAt}; the subject is the line the survey would
 *       have been about when one was a candidate (absent when no line qualified and for
 *       {@code DUPLICATE_ORDER} and {@code HISTORY_UNAVAILABLE}); {@code eligibleAgainAt} is set
 *       whenever a frequency reason is present.
 *   <li>{@link #kind()}: {@code TRANSACTIONAL} or {@code RELATIONSHIP} whenever the rules ran;
 *       empty for {@code DUPLICATE_ORDER}, {@code HISTORY_UNAVAILABLE} and {@code
 *       HISTORY_EXPIRED}. A relationship decision never has a subject.
 *   <li>{@code DUPLICATE_ORDER} (a SKIP): also says what the store holds for the order, so a
 *       caller whose earlier reply was lost can finish the job: {@link #recordedDecision()}
 *       (SURVEY when a survey is recorded for it and not cancelled, else SKIP; empty when the
 *       store cannot say) and, for a recorded survey, {@link #recordedSendAt()}.
 * </ul>
 */
public final class Decision {
  private final String orderId;
  private final String customerId;
  private final Outcome outcome;
  private final DecisionKind kind;
  private final List<Reason> reasons;
  private final OrderLine subject;
  private final Instant decidedAt;
  private final Instant sendAt;
  private final Instant eligibleAgainAt;
  private final Outcome recordedDecision;
  private final Instant recordedSendAt;
  /** {@link #reasonCodes()}, computed on first use (racy but idempotent: immutable list). */
  private List<ReasonCode> reasonCodes;

  private Decision(
      String orderId,
      String customerId,
      Outcome outcome,
      DecisionKind kind,
      List<Reason> reasons,
      OrderLine subject,
      Instant decidedAt,
      Instant sendAt,
      Instant eligibleAgainAt,
      Outcome recordedDecision,
      Instant recordedSendAt) {
    this.orderId = Checks.notBlank(orderId, "orderId");
    this.customerId = Checks.notBlank(customerId, "customerId");
    if (kind == DecisionKind.RELATIONSHIP && subject != null) {
      throw new IllegalArgumentException(
          "a RELATIONSHIP decision has no subject, was " + subject.sku());
    }
    this.outcome = outcome;
    this.kind = kind;
    this.reasons = List.copyOf(reasons);
    this.subject = subject;
    this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
    this.sendAt = sendAt;
    this.eligibleAgainAt = eligibleAgainAt;
    this.recordedDecision = recordedDecision;
    this.recordedSendAt = recordedSendAt;
  }

  /**
   * A TRANSACTIONAL SURVEY decision: a survey about the subject line.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param subject the subject line; not null
   * @param decidedAt the decision time; not null
   * @param sendAt when to send; not null
   * @return the decision
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static Decision survey(
      String orderId, String customerId, OrderLine subject, Instant decidedAt, Instant sendAt) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(sendAt, "sendAt");
    return new Decision(orderId, customerId, Outcome.SURVEY, DecisionKind.TRANSACTIONAL,
        List.of(), subject, decidedAt, sendAt, null, null, null);
  }

  /**
   * A RELATIONSHIP SURVEY decision: a survey about the shop, without subject.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param decidedAt the decision time; not null
   * @param sendAt when to send; not null
   * @return the decision
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static Decision relationshipSurvey(
      String orderId, String customerId, Instant decidedAt, Instant sendAt) {
    Objects.requireNonNull(sendAt, "sendAt");
    return new Decision(orderId, customerId, Outcome.SURVEY, DecisionKind.RELATIONSHIP,
        List.of(), null, decidedAt, sendAt, null, null, null);
  }

  /**
   * A TRANSACTIONAL SKIP decision.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param reasons the reasons, primary first; not empty
   * @param subject the would-be subject, or null
   * @param decidedAt the decision time; not null
   * @param eligibleAgainAt when frequency rules release the customer, or null
   * @return the decision
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank or there is no reason
   */
  public static Decision skip(
      String orderId,
      String customerId,
      List<Reason> reasons,
      OrderLine subject,
      Instant decidedAt,
      Instant eligibleAgainAt) {
    return skip(orderId, customerId, DecisionKind.TRANSACTIONAL, reasons, subject, decidedAt,
        eligibleAgainAt);
  }

  /**
   * A SKIP decision of a kind.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param kind the kind, or null when the rules did not run (an unavailable or expired history)
   * @param reasons the reasons, primary first; not empty
   * @param subject the would-be subject, or null; null for a RELATIONSHIP decision
   * @param decidedAt the decision time; not null
   * @param eligibleAgainAt when frequency rules release the customer, or null
   * @return the decision
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank, there is no reason, or a RELATIONSHIP
   *     decision has a subject
   */
  public static Decision skip(
      String orderId,
      String customerId,
      DecisionKind kind,
      List<Reason> reasons,
      OrderLine subject,
      Instant decidedAt,
      Instant eligibleAgainAt) {
    Objects.requireNonNull(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons must not be empty for SKIP, was []");
    }
    return new Decision(orderId, customerId, Outcome.SKIP, kind, reasons, subject, decidedAt,
        null, eligibleAgainAt, null, null);
  }

  /**
   * A {@code DUPLICATE_ORDER} SKIP: the order id was decided before; says what the store holds.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param decidedAt the time of this (second) decision; not null
   * @param recordedDecision what the store holds for the order (SURVEY: a survey recorded and not
   *     cancelled; SKIP otherwise), or null when the store cannot say
   * @param recordedSendAt when the recorded survey is due: required with SURVEY, null otherwise
   * @return the decision
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank, or {@code recordedSendAt} is given
   *     without a recorded SURVEY or missing with one
   */
  public static Decision duplicate(
      String orderId,
      String customerId,
      Instant decidedAt,
      Outcome recordedDecision,
      Instant recordedSendAt) {
    if ((recordedDecision == Outcome.SURVEY) != (recordedSendAt != null)) {
      throw new IllegalArgumentException(Checks.format(
          "recordedSendAt must be given exactly for a recorded SURVEY, was recordedDecision=%s"
              + " recordedSendAt=%s", recordedDecision, recordedSendAt));
    }
    Reason reason =
        new Reason(ReasonCode.DUPLICATE_ORDER, "order " + orderId + " was already decided");
    return new Decision(orderId, customerId, Outcome.SKIP, null, List.of(reason), null,
        decidedAt, null, null, recordedDecision, recordedSendAt);
  }

  /**
   * The order id.
   *
   * @return the order id
   */
  public String orderId() {
    return orderId;
  }

  /**
   * The customer id.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * The outcome.
   *
   * @return SURVEY or SKIP
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Whether to send a survey.
   *
   * @return true for SURVEY
   */
  public boolean isSurvey() {
    return outcome == Outcome.SURVEY;
  }

  /**
   * What the decision is about: the purchase or the relationship.
   *
   * @return the kind; empty for {@code DUPLICATE_ORDER}, {@code HISTORY_UNAVAILABLE} and {@code
   *     HISTORY_EXPIRED} (the rules did not run)
   */
  public Optional<DecisionKind> kind() {
    return Optional.ofNullable(kind);
  }

  /**
   * The reasons, in contract order; empty for SURVEY.
   *
   * @return an unmodifiable list
   */
  public List<Reason> reasons() {
    return reasons;
  }

  /**
   * The reason codes, in contract order.
   *
   * @return an unmodifiable list
   */
  public List<ReasonCode> reasonCodes() {
    List<ReasonCode> codes = reasonCodes;
    if (codes == null) {
      codes = reasons.stream().map(Reason::code).toList();
      reasonCodes = codes;
    }
    return codes;
  }

  /**
   * The primary (first) reason.
   *
   * @return the first reason, or empty for SURVEY
   */
  public Optional<Reason> primaryReason() {
    return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons.get(0));
  }

  /**
   * The subject line (what the survey is, or would have been, about).
   *
   * @return the subject, or empty
   */
  public Optional<OrderLine> subject() {
    return Optional.ofNullable(subject);
  }

  /**
   * The subject's SKU.
   *
   * @return the SKU, or empty
   */
  public Optional<String> subjectSku() {
    return subject().map(OrderLine::sku);
  }

  /**
   * The decision time ({@code now}); a recorded survey carries this time.
   *
   * @return the decision time
   */
  public Instant decidedAt() {
    return decidedAt;
  }

  /**
   * When to send the survey.
   *
   * @return the send time for SURVEY, empty for SKIP
   */
  public Optional<Instant> sendAt() {
    return Optional.ofNullable(sendAt);
  }

  /**
   * The latest release instant among the blocking frequency rules.
   *
   * @return the instant, or empty when no frequency reason is present
   */
  public Optional<Instant> eligibleAgainAt() {
    return Optional.ofNullable(eligibleAgainAt);
  }

  /**
   * For a {@code DUPLICATE_ORDER}: what the store holds for the order.
   *
   * @return SURVEY when a survey is recorded for the order and not cancelled, SKIP when not;
   *     empty for every other decision and when the store cannot say
   */
  public Optional<Outcome> recordedDecision() {
    return Optional.ofNullable(recordedDecision);
  }

  /**
   * For a {@code DUPLICATE_ORDER} whose order has a recorded survey: when that survey is due (its
   * decision time plus the policy's send delay, moved into the send window in the zone of the
   * purchase given).
   *
   * @return the instant, or empty
   */
  public Optional<Instant> recordedSendAt() {
    return Optional.ofNullable(recordedSendAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decision d
        && orderId.equals(d.orderId)
        && customerId.equals(d.customerId)
        && outcome == d.outcome
        && kind == d.kind
        && reasons.equals(d.reasons)
        && Objects.equals(subject, d.subject)
        && decidedAt.equals(d.decidedAt)
        && Objects.equals(sendAt, d.sendAt)
        && Objects.equals(eligibleAgainAt, d.eligibleAgainAt)
        && recordedDecision == d.recordedDecision
        && Objects.equals(recordedSendAt, d.recordedSendAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(orderId, customerId, outcome, kind, reasons, subject, decidedAt, sendAt,
        eligibleAgainAt, recordedDecision, recordedSendAt);
  }

  @Override
  public String toString() {
    return "Decision[" + outcome + (kind == null ? "" : " " + kind) + " order=" + orderId
        + " customer=" + customerId + " reasons=" + reasonCodes() + " subject=" + subjectSku().orElse(null)
        + " sendAt=" + sendAt + " eligibleAgainAt=" + eligibleAgainAt
        + (recordedDecision == null ? "" : " recorded=" + recordedDecision
            + (recordedSendAt == null ? "" : " recordedSendAt=" + recordedSendAt))
        + "]";
  }
}
