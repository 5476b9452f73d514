package org.npskit.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.npskit.policy.internal.Checks;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.DecidedOrder;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyKind;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The decision procedure of the contract (steps 1 to 7 of {@code docs/policy.md}, with the
 * relationship decisions of frequent buyers), as a pure function of (purchase, policy, history
 * snapshot, now). The gate checks the order's currency against the thresholds before it loads the
 * snapshot; this class assumes it. Stateless and thread-safe.
 */
final class RuleEngine {
  private RuleEngine() {}

  /**
   * Evaluates the decision procedure.
   *
   * @param purchase the purchase
   * @param policy the policy
   * @param history the snapshot of the contact history around {@code now}
   * @param now the decision time
   * @return the decision and what to commit for it (nothing for a duplicate order)
   */
  static Evaluation evaluate(
      Purchase purchase, SurveyPolicy policy, HistorySnapshot history, Instant now) {
    String orderId = purchase.orderId();
    String customerId = purchase.customerId();
    // Step 1: an order is decided once.
    if (history.orderDecided()) {
      return new Evaluation(duplicate(purchase, policy, history, now), null);
    }
    // Messages are concatenated, not String.format-ted: the same text (every argument is shown
    // with toString; instants through Checks.instantText, which writes the same text), at a fraction
    // of the cost.
    List<Reason> reasons = new ArrayList<>(4);
    // Step 2: consent.
    if (!purchase.consent()) {
      reasons.add(new Reason(ReasonCode.NO_CONSENT, "the purchase carries no survey consent"));
    } else if (history.optedOut()) {
      reasons.add(new Reason(ReasonCode.NO_CONSENT,
          "customer " + customerId + " opted out of surveys"));
    }
    // Step 3: holdout.
    if (StickyHash.inGroup(policy.holdoutSalt(), customerId, policy.holdoutRate())) {
      reasons.add(new Reason(ReasonCode.HOLDOUT,
          "customer " + customerId + " is in the holdout group (rate " + policy.holdoutRate()
              + ")"));
    }
    // A frequent buyer's purchase is a relationship decision unless step 4 chooses an "always"
    // subject; the reasons of steps 2 and 3 stay whatever the kind.
    boolean frequentBuyer = isFrequentBuyer(policy, history, now);
    int consentAndHoldoutReasons = reasons.size();

    // Step 4: line candidates. Each line's reasons are a mask of the *_BIT constants.
    List<OrderLine> lines = purchase.lines();
    int[] lineMasks = new int[lines.size()];
    OrderLine subject = null;
    Money subjectValue = null;
    Money orderValue = new Money(BigDecimal.ZERO, purchase.currency());
    for (int i = 0; i < lineMasks.length; i++) {
      OrderLine line = lines.get(i);
      Money value = line.value();
      orderValue = orderValue.plus(value);
      lineMasks[i] = lineReasons(line, value, policy, history, now);
      if (lineMasks[i] == 0 && (subject == null || subjectValue.isLessThan(value))) {
        subject = line;
        subjectValue = value;
      }
    }
    if (subject == null) {
      for (int bit = 0; bit < LINE_CODES.length; bit++) {
        Set<String> skus = new LinkedHashSet<>();
        for (int i = 0; i < lineMasks.length; i++) {
          if ((lineMasks[i] & (1 << bit)) != 0) {
            skus.add(lines.get(i).sku());
          }
        }
        if (!skus.isEmpty()) {
          reasons.add(new Reason(LINE_CODES[bit], lineMessage(LINE_CODES[bit], skus)));
        }
      }
    }
    boolean relationship = frequentBuyer && !(subject != null && policy.isAlways(subject));
    if (relationship) {
      // About the shop, not a line: no subject and none of step 4's line reasons. Without a
      // subject, step 6 below uses customer-cooldown (category cooldowns never apply).
      reasons.subList(consentAndHoldoutReasons, reasons.size()).clear();
      subject = null;
    }

    // Step 5: order value (not for a relationship decision).
    Optional<Money> minOrder = policy.minOrderValue(purchase.currency());
    if (!relationship
        && minOrder.isPresent()
        && orderValue.isLessThan(minOrder.get())
        && !(subject != null && policy.isAlways(subject))) {
      reasons.add(new Reason(ReasonCode.BELOW_MIN_ORDER_VALUE,
          "order value " + orderValue + " is below the minimum " + minOrder.get()));
    }

    // Step 6: frequency.
    Instant eligibleAgainAt = null;
    Instant[] customerTimes = FrequencyWindows.sortedTimes(history.customerSurveys());
    Duration cooldown =
        subject == null ? policy.customerCooldown() : policy.cooldownFor(subject.category());
    Instant release = FrequencyWindows.blockedUntil(customerTimes, now, 1, cooldown);
    if (release != null) {
      reasons.add(new Reason(ReasonCode.CUSTOMER_COOLDOWN,
          "customer " + customerId + " had a survey within the cooldown "
              + Checks.durationText(cooldown) + "; eligible again at " + Checks.instantText(release)));
      eligibleAgainAt = latest(eligibleAgainAt, release);
    }
    if (relationship) {
      Duration interval = policy.relationshipInterval();
      release = FrequencyWindows.blockedUntil(
          relationshipSurveyTimes(history.customerSurveys()), now, 1, interval);
      if (release != null) {
        reasons.add(new Reason(ReasonCode.RELATIONSHIP_INTERVAL,
            "customer " + customerId + " had a relationship survey within the relationship"
                + " interval " + Checks.durationText(interval) + "; eligible again at "
                + Checks.instantText(release)));
        eligibleAgainAt = latest(eligibleAgainAt, release);
      }
    }
    Optional<FrequencyCap> customerCap = policy.maxSurveysPerCustomer();
    if (customerCap.isPresent()) {
      FrequencyCap cap = customerCap.get();
      release = FrequencyWindows.blockedUntil(customerTimes, now, cap.count(), cap.window());
      if (release != null) {
        reasons.add(new Reason(ReasonCode.CUSTOMER_CAP,
            "customer " + customerId + " reached the cap " + cap + "; eligible again at "
                + Checks.instantText(release)));
        eligibleAgainAt = latest(eligibleAgainAt, release);
      }
    }
    if (purchase.accountId().isPresent()) {
      String accountId = purchase.accountId().get();
      Instant[] accountTimes = FrequencyWindows.sortedTimes(history.accountSurveys());
      release = FrequencyWindows.blockedUntil(accountTimes, now, 1, policy.accountCooldown());
      if (release != null) {
        reasons.add(new Reason(ReasonCode.ACCOUNT_COOLDOWN,
            "account " + accountId + " had a survey within the cooldown "
                + Checks.durationText(policy.accountCooldown()) + "; eligible again at "
                + Checks.instantText(release)));
        eligibleAgainAt = latest(eligibleAgainAt, release);
      }
      Optional<FrequencyCap> accountCap = policy.maxSurveysPerAccount();
      if (accountCap.isPresent()) {
        FrequencyCap cap = accountCap.get();
        release = FrequencyWindows.blockedUntil(accountTimes, now, cap.count(), cap.window());
        if (release != null) {
          reasons.add(new Reason(ReasonCode.ACCOUNT_CAP,
              "account " + accountId + " reached the cap " + cap + "; eligible again at "
                  + Checks.instantText(release)));
          eligibleAgainAt = latest(eligibleAgainAt, release);
        }
      }
    }
    Instant responseRelease = responseRelease(history.customerResponses(), now,
        policy.responseCooldown());
    if (responseRelease != null) {
      reasons.add(new Reason(ReasonCode.RESPONSE_COOLDOWN,
          "customer " + customerId + " responded within the response cooldown "
              + Checks.durationText(policy.responseCooldown()) + "; eligible again at "
              + Checks.instantText(responseRelease)));
      eligibleAgainAt = latest(eligibleAgainAt, responseRelease);
    }

    // Step 7: sampling.
    if (!StickyHash.inGroup(policy.samplingSalt(), customerId, policy.samplingRate())) {
      reasons.add(new Reason(ReasonCode.NOT_SAMPLED,
          "customer " + customerId + " is not in the sample (rate " + policy.samplingRate()
              + ")"));
    }

    String accountId = purchase.accountId().orElse(null);
    if (reasons.isEmpty()) {
      Instant sendAt = SendTimeCalculator.sendAt(now, purchase, policy);
      if (relationship) {
        // Recorded at now like any survey, without SKU.
        return new Evaluation(Decision.relationshipSurvey(orderId, customerId, now, sendAt),
            CommitRequest.survey(
                SurveyRecord.relationship(orderId, customerId, accountId, now), history));
      }
      Decision decision = Decision.survey(orderId, customerId, subject, now, sendAt);
      SurveyRecord survey = new SurveyRecord(orderId, customerId, accountId, subject.sku(), now);
      return new Evaluation(decision, CommitRequest.survey(survey, history));
    }
    DecisionKind kind = relationship ? DecisionKind.RELATIONSHIP : DecisionKind.TRANSACTIONAL;
    return new Evaluation(
        Decision.skip(orderId, customerId, kind, reasons, subject, now, eligibleAgainAt),
        skipCommit(policy, history, orderId, customerId, accountId, now));
  }

  /**
   * The commit of a SKIP. When the policy counts decided orders (a relationship trigger), the
   * order is something other decisions read, so the skip is version-checked: a racing survey
   * decided on a count without this order loses its commit and is decided again (and this skip
   * loses to a racing write, and is decided again on a snapshot that has it).
   */
  private static CommitRequest skipCommit(SurveyPolicy policy, HistorySnapshot history,
      String orderId, String customerId, String accountId, Instant now) {
    return policy.relationshipTrigger().isPresent()
        ? CommitRequest.skip(orderId, customerId, accountId, now, history)
        : CommitRequest.skip(orderId, customerId, accountId, now);
  }

  /**
   * Whether the customer is a frequent buyer at {@code now}: with the order being decided, at
   * least the trigger's count of decided orders with a time t in {@code (now - window, now]}.
   * An order id counts once (the store keeps one decided order per id, and the order being
   * decided is not among them, else it would be a duplicate).
   */
  private static boolean isFrequentBuyer(
      SurveyPolicy policy, HistorySnapshot history, Instant now) {
    Optional<RelationshipTrigger> trigger = policy.relationshipTrigger();
    if (trigger.isEmpty()) {
      return false;
    }
    Instant after = now.minus(trigger.get().window());
    int orders = 1;
    for (Instant t : history.customerOrders()) {
      if (t.isAfter(after) && !t.isAfter(now)) {
        orders++;
      }
    }
    return trigger.get().isFrequent(orders);
  }

  /** The times of the relationship surveys among the customer's surveys, ascending. */
  private static Instant[] relationshipSurveyTimes(List<SurveyRecord> surveys) {
    List<SurveyRecord> relationship = new ArrayList<>();
    for (SurveyRecord s : surveys) {
      if (s.kind() == SurveyKind.RELATIONSHIP) {
        relationship.add(s);
      }
    }
    return FrequencyWindows.sortedTimes(relationship);
  }

  /**
   * The {@code DUPLICATE_ORDER} answer for an order the snapshot says is decided: with what the
   * store holds for it (a recorded survey is due at its decision time plus the send delay, moved
   * into the send window in the redelivered purchase's zone).
   *
   * @param purchase the purchase
   * @param policy the policy
   * @param history a snapshot in which the order is decided
   * @param now the decision time
   * @return the decision
   */
  static Decision duplicate(
      Purchase purchase, SurveyPolicy policy, HistorySnapshot history, Instant now) {
    DecidedOrder recorded = history.decidedOrder();
    Outcome outcome = recorded == null ? null : recorded.survey() ? Outcome.SURVEY : Outcome.SKIP;
    Instant sendAt = outcome == Outcome.SURVEY
        ? SendTimeCalculator.sendAt(recorded.decidedAt(), purchase, policy) : null;
    return Decision.duplicate(purchase.orderId(), purchase.customerId(), now, outcome, sendAt);
  }

  /**
   * A SKIP with one reason, no subject and no kind (an unavailable or expired history: the rules
   * did not run).
   *
   * @param purchase the purchase
   * @param now the decision time
   * @param reason the reason
   * @return the decision
   */
  static Decision skipWithoutSubject(Purchase purchase, Instant now, Reason reason) {
    return Decision.skip(
        purchase.orderId(), purchase.customerId(), null, List.of(reason), null, now, null);
  }

  // A line's reasons as a bit mask: one bit per line reason, LINE_CODES[i] is bit 1 << i.
  private static final int EXCLUDED_BIT = 1;
  private static final int BELOW_MIN_LINE_VALUE_BIT = 1 << 1;
  private static final int REPEAT_SUBJECT_BIT = 1 << 2;

  /** The line reasons in contract order, indexed by the bit position of their *_BIT constant. */
  private static final ReasonCode[] LINE_CODES = {
    ReasonCode.EXCLUDED_CATEGORY, ReasonCode.BELOW_MIN_LINE_VALUE, ReasonCode.REPEAT_SUBJECT
  };

  private static int lineReasons(
      OrderLine line, Money value, SurveyPolicy policy, HistorySnapshot history, Instant now) {
    int mask = 0;
    if (policy.isExcluded(line.category())) {
      mask |= EXCLUDED_BIT;
    }
    Optional<Money> minLine = policy.minLineValue(line.unitPrice().currency());
    if (minLine.isPresent() && value.isLessThan(minLine.get()) && !policy.isAlways(line)) {
      mask |= BELOW_MIN_LINE_VALUE_BIT;
    }
    Duration window = policy.repeatSubjectWindow();
    if (!window.isZero()) {
      for (SurveyRecord s : history.customerSurveys()) {
        // A relationship survey has no SKU: it never counts for REPEAT_SUBJECT.
        if (line.sku().equals(s.sku())
            && Duration.between(s.at(), now).abs().compareTo(window) < 0) {
          mask |= REPEAT_SUBJECT_BIT;
          break;
        }
      }
    }
    return mask;
  }

  private static String lineMessage(ReasonCode code, Set<String> skus) {
    String what = switch (code) {
      case EXCLUDED_CATEGORY -> "are in an excluded category";
      case BELOW_MIN_LINE_VALUE -> "are below the minimum line value";
      case REPEAT_SUBJECT -> "were surveyed about within the repeat-subject window";
      default -> throw new IllegalStateException("not a line reason: " + code);
    };
    return "no candidate line: lines " + skus + " " + what;
  }

  private static Instant responseRelease(List<Instant> responses, Instant now, Duration cooldown) {
    if (cooldown.isZero()) {
      return null;
    }
    Instant release = null;
    for (Instant r : responses) {
      if (!r.isAfter(now) && Duration.between(r, now).compareTo(cooldown) < 0) {
        release = latest(release, r.plus(cooldown));
      }
    }
    return release;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
