package org.npskit.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionKind;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Outcome;
import org.npskit.policy.Reason;
import org.npskit.policy.ReasonCode;

/**
 * AssertJ assertions on a {@link Decision}; start with {@link NpsAssertions#assertThat(Decision)}.
 * A failure message names what was expected and shows the whole decision: outcome, every reason
 * with its text, kind, subject, decision time, {@code sendAt} and {@code eligibleAgainAt}.
 *
 * <pre>{@code
 * assertThat(gate.decide(secondOrder))
 *     .isSkip()
 *     .hasReasons(ReasonCode.CUSTOMER_COOLDOWN)
 *     .hasEligibleAgainAt(Instant.parse("2026-05-30T10:00:00Z"));
 * }</pre>
 *
 * <p>Not thread-safe (as AssertJ assertions are not); use it on the test's thread. Arguments must
 * not be null ({@link NullPointerException}).
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

  DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  /**
   * Verifies that the decision is a survey.
   *
   * @return this assertion
   */
  public DecisionAssert isSurvey() {
    return hasOutcome(Outcome.SURVEY);
  }

  /**
   * Verifies that the decision is a skip.
   *
   * @return this assertion
   */
  public DecisionAssert isSkip() {
    return hasOutcome(Outcome.SKIP);
  }

  private DecisionAssert hasOutcome(Outcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      fail("to be " + expected);
    }
    return this;
  }

  /**
   * Verifies that the decision has exactly these reasons, in this order (none for a survey).
   *
   * @param expected the reason codes in contract order; not null
   * @return this assertion
   */
  public DecisionAssert hasReasons(ReasonCode... expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    List<ReasonCode> codes = Arrays.asList(expected);
    if (!actual.reasonCodes().equals(codes)) {
      fail("to have exactly the reasons " + codes + " in this order");
    }
    return this;
  }

  /**
   * Verifies the first (primary) reason.
   *
   * @param expected the code; not null
   * @return this assertion
   */
  public DecisionAssert hasPrimaryReason(ReasonCode expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (!actual.primaryReason().map(Reason::code).equals(Optional.of(expected))) {
      fail("to have the primary reason " + expected);
    }
    return this;
  }

  /**
   * Verifies the subject's SKU (what the survey is, or would have been, about).
   *
   * @param expected the SKU; not null
   * @return this assertion
   */
  public DecisionAssert hasSubjectSku(String expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (!actual.subjectSku().equals(Optional.of(expected))) {
      fail("to have the subject SKU " + expected);
    }
    return this;
  }

  /**
   * Verifies the decision's kind: {@code TRANSACTIONAL} (about the purchase) or {@code
   * RELATIONSHIP} (a frequent buyer's decision, about the shop).
   *
   * @param expected the kind; not null
   * @return this assertion
   */
  public DecisionAssert hasKind(DecisionKind expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (!actual.kind().equals(Optional.of(expected))) {
      fail("to have the kind " + expected);
    }
    return this;
  }

  /**
   * Verifies that the decision has no subject (no line was a candidate, a relationship decision,
   * or a duplicate order).
   *
   * @return this assertion
   */
  public DecisionAssert hasNoSubject() {
    isNotNull();
    if (actual.subject().isPresent()) {
      fail("to have no subject");
    }
    return this;
  }

  /**
   * Verifies {@code sendAt} (present on surveys only).
   *
   * @param expected the instant; not null
   * @return this assertion
   */
  public DecisionAssert hasSendAt(Instant expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (!actual.sendAt().equals(Optional.of(expected))) {
      fail("to be sent at " + expected);
    }
    return this;
  }

  /**
   * Verifies {@code eligibleAgainAt} (set when a frequency rule blocked the survey).
   *
   * @param expected the instant; not null
   * @return this assertion
   */
  public DecisionAssert hasEligibleAgainAt(Instant expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (!actual.eligibleAgainAt().equals(Optional.of(expected))) {
      fail("to make the customer eligible again at " + expected);
    }
    return this;
  }

  /**
   * Verifies that no frequency rule set {@code eligibleAgainAt}.
   *
   * @return this assertion
   */
  public DecisionAssert hasNoEligibleAgainAt() {
    isNotNull();
    if (actual.eligibleAgainAt().isPresent()) {
      fail("to have no eligibleAgainAt");
    }
    return this;
  }

  private void fail(String expectation) {
    failWithMessage("%nExpecting decision of order %s %s, but it was:%n%s", actual.orderId(),
        expectation, describe(actual));
  }

  /** The whole decision, one field per line, every reason with its text. */
  static String describe(Decision d) {
    StringBuilder out = new StringBuilder();
    out.append("  outcome:         ").append(d.outcome()).append('\n');
    out.append("  kind:            ").append(d.kind().map(Enum::name).orElse("none"))
        .append('\n');
    out.append("  customer:        ").append(d.customerId()).append('\n');
    if (d.reasons().isEmpty()) {
      out.append("  reasons:         none\n");
    }
    for (int i = 0; i < d.reasons().size(); i++) {
      Reason r = d.reasons().get(i);
      out.append(i == 0 ? "  reasons:         " : "                   ")
          .append(r.code()).append(": ").append(r.message()).append('\n');
    }
    out.append("  subject:         ")
        .append(d.subject().map(DecisionAssert::line).orElse("none")).append('\n');
    out.append("  decidedAt:       ").append(d.decidedAt()).append('\n');
    out.append("  sendAt:          ")
        .append(d.sendAt().map(Instant::toString).orElse("none")).append('\n');
    out.append("  eligibleAgainAt: ")
        .append(d.eligibleAgainAt().map(Instant::toString).orElse("none"));
    return out.toString();
  }

  private static String line(OrderLine line) {
    return line.sku() + " (" + line.category() + ", " + line.value() + ")";
  }
}
