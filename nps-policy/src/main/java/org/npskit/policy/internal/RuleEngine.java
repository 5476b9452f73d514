package org.npskit.policy.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.npskit.policy.Decision;
import org.npskit.policy.FrequencyCap;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.Reason;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The decision procedure of the contract, as a pure function of (purchase, policy, history
 * snapshot, now). Stateless and thread-safe.
 */
public final class RuleEngine {
  private RuleEngine() {}

  /**
   * Evaluates the decision procedure.
   *
   * @param purchase the purchase
   * @param policy the policy
   * @param history the snapshot of the contact history around {@code now}
   * @param now the decision time
   * @return the decision and the survey to record for SURVEY
   * @throws IllegalArgumentException if the order's currency has no threshold while thresholds
   *     are set
   */
  public static Evaluation evaluate(
      Purchase purchase, SurveyPolicy policy, HistorySnapshot history, Instant now) {
    policy.requireThresholdsFor(purchase.currency());
    String orderId = purchase.orderId();
    String customerId = purchase.customerId();
    if (history.orderDecided()) {
      return skipOnly(purchase, now,
          new Reason(ReasonCode.DUPLICATE_ORDER, "order " + orderId + " was already decided"));
    }
    // Messages are concatenated, not String.format-ted: the same text (every argument is shown
    // with toString; instants through Checks.instant, which writes the same text), at a fraction
    // of the cost.
    List<Reason> reasons = new ArrayList<>(4);
    if (!purchase.consent()) {
      reasons.add(new Reason(ReasonCode.NO_CONSENT, "the purchase carries no survey consent"));
    } else if (history.optedOut()) {
      reasons.add(new Reason(ReasonCode.NO_CONSENT,
          "customer " + customerId + " opted out of surveys"));
    }
    if (StickyHash.inGroup(policy.holdoutSalt(), customerId, policy.holdoutRate())) {
      reasons.add(new Reason(ReasonCode.HOLDOUT,
          "customer " + customerId + " is in the holdout group (rate " + policy.holdoutRate()
              + ")"));
    }

    // Step 4: line candidates. Each line's reasons are a bit mask (bit = LINE_CODES index).
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

    // Step 5: order value.
    Optional<Money> minOrder = policy.minOrderValue(purchase.currency());
    if (minOrder.isPresent()
        && orderValue.isLessThan(minOrder.get())
        && !(subject != null && policy.isAlways(subject))) {
      reasons.add(new Reason(ReasonCode.BELOW_MIN_ORDER_VALUE,
          "order value " + orderValue + " is below the minimum " + minOrder.get()));
    }

    // Step 6: frequency.
    Instant eligibleAgainAt = null;
    Instant[] customerTimes = Windows.sortedTimes(history.customerSurveys());
    Duration cooldown =
        subject == null ? policy.customerCooldown() : policy.cooldownFor(subject.category());
    Instant release = Windows.blockedUntil(customerTimes, now, 1, cooldown);
    if (release != null) {
      reasons.add(new Reason(ReasonCode.CUSTOMER_COOLDOWN,
          "customer " + customerId + " had a survey within the cooldown "
              + Checks.duration(cooldown) + "; eligible again at " + Checks.instant(release)));
      eligibleAgainAt = latest(eligibleAgainAt, release);
    }
    Optional<FrequencyCap> customerCap = policy.maxSurveysPerCustomer();
    if (customerCap.isPresent()) {
      FrequencyCap cap = customerCap.get();
      release = Windows.blockedUntil(customerTimes, now, cap.count(), cap.window());
      if (release != null) {
        reasons.add(new Reason(ReasonCode.CUSTOMER_CAP,
            "customer " + customerId + " reached the cap " + cap + "; eligible again at "
                + Checks.instant(release)));
        eligibleAgainAt = latest(eligibleAgainAt, release);
      }
    }
    if (purchase.accountId().isPresent()) {
      String accountId = purchase.accountId().get();
      Instant[] accountTimes = Windows.sortedTimes(history.accountSurveys());
      release = Windows.blockedUntil(accountTimes, now, 1, policy.accountCooldown());
      if (release != null) {
        reasons.add(new Reason(ReasonCode.ACCOUNT_COOLDOWN,
            "account " + accountId + " had a survey within the cooldown "
                + Checks.duration(policy.accountCooldown()) + "; eligible again at "
                + Checks.instant(release)));
        eligibleAgainAt = latest(eligibleAgainAt, release);
      }
      Optional<FrequencyCap> accountCap = policy.maxSurveysPerAccount();
      if (accountCap.isPresent()) {
        FrequencyCap cap = accountCap.get();
        release = Windows.blockedUntil(accountTimes, now, cap.count(), cap.window());
        if (release != null) {
          reasons.add(new Reason(ReasonCode.ACCOUNT_CAP,
              "account " + accountId + " reached the cap " + cap + "; eligible again at "
                  + Checks.instant(release)));
          eligibleAgainAt = latest(eligibleAgainAt, release);
        }
      }
    }
    Instant responseRelease = responseRelease(history.customerResponses(), now,
        policy.responseCooldown());
    if (responseRelease != null) {
      reasons.add(new Reason(ReasonCode.RESPONSE_COOLDOWN,
          "customer " + customerId + " responded within the response cooldown "
              + Checks.duration(policy.responseCooldown()) + "; eligible again at "
              + Checks.instant(responseRelease)));
      eligibleAgainAt = latest(eligibleAgainAt, responseRelease);
    }

    // Step 7: sampling.
    if (!StickyHash.inGroup(policy.samplingSalt(), customerId, policy.samplingRate())) {
      reasons.add(new Reason(ReasonCode.NOT_SAMPLED,
          "customer " + customerId + " is not in the sample (rate " + policy.samplingRate()
              + ")"));
    }

    if (reasons.isEmpty()) {
      Decision decision = Decision.survey(
          orderId, customerId, subject, now, now.plus(policy.sendDelay()));
      SurveyRecord record = new SurveyRecord(
          orderId, customerId, purchase.accountId().orElse(null), subject.sku(), now);
      return new Evaluation(decision, record);
    }
    return new Evaluation(
        Decision.skip(orderId, customerId, reasons, subject, now, eligibleAgainAt), null);
  }

  /**
   * A SKIP with one reason and no subject (duplicate order, history unavailable).
   *
   * @param purchase the purchase
   * @param now the decision time
   * @param reason the reason
   * @return the evaluation
   */
  public static Evaluation skipOnly(Purchase purchase, Instant now, Reason reason) {
    return new Evaluation(
        Decision.skip(purchase.orderId(), purchase.customerId(), List.of(reason), null, now, null),
        null);
  }

  /** The line reasons in contract order; bit i of a line mask stands for LINE_CODES[i]. */
  private static final ReasonCode[] LINE_CODES = {
    ReasonCode.EXCLUDED_CATEGORY, ReasonCode.BELOW_MIN_LINE_VALUE, ReasonCode.REPEAT_SUBJECT
  };

  private static int lineReasons(
      OrderLine line, Money value, SurveyPolicy policy, HistorySnapshot history, Instant now) {
    int mask = 0;
    if (policy.isExcluded(line.category())) {
      mask |= 1;
    }
    Optional<Money> minLine = policy.minLineValue(line.unitPrice().currency());
    if (minLine.isPresent() && value.isLessThan(minLine.get()) && !policy.isAlways(line)) {
      mask |= 2;
    }
    Duration window = policy.repeatSubjectWindow();
    if (!window.isZero()) {
      for (SurveyRecord s : history.customerSurveys()) {
        if (s.sku().equals(line.sku())
            && Duration.between(s.at(), now).abs().compareTo(window) < 0) {
          mask |= 4;
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
