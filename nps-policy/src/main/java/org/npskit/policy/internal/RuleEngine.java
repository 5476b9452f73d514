package org.npskit.policy.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
          new Reason(ReasonCode.DUPLICATE_ORDER,
              Checks.format("order %s was already decided", orderId)));
    }
    List<Reason> reasons = new ArrayList<>();
    if (!purchase.consent()) {
      reasons.add(new Reason(ReasonCode.NO_CONSENT, "the purchase carries no survey consent"));
    } else if (history.optedOut()) {
      reasons.add(new Reason(ReasonCode.NO_CONSENT,
          Checks.format("customer %s opted out of surveys", customerId)));
    }
    if (StickyHash.inGroup(policy.holdoutSalt(), customerId, policy.holdoutRate())) {
      reasons.add(new Reason(ReasonCode.HOLDOUT,
          Checks.format("customer %s is in the holdout group (rate %s)", customerId,
              policy.holdoutRate())));
    }

    // Step 4: line candidates.
    Map<ReasonCode, Set<String>> lineReasons = new EnumMap<>(ReasonCode.class);
    OrderLine subject = null;
    for (OrderLine line : purchase.lines()) {
      List<ReasonCode> codes = lineReasons(line, policy, history, now);
      for (ReasonCode code : codes) {
        lineReasons.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(line.sku());
      }
      if (codes.isEmpty()
          && (subject == null || subject.value().isLessThan(line.value()))) {
        subject = line;
      }
    }
    if (subject == null) {
      lineReasons.forEach((code, skus) -> reasons.add(new Reason(code, lineMessage(code, skus))));
    }

    // Step 5: order value.
    Optional<Money> minOrder = policy.minOrderValue(purchase.currency());
    Money orderValue = purchase.orderValue();
    if (minOrder.isPresent()
        && orderValue.isLessThan(minOrder.get())
        && !(subject != null && policy.isAlways(subject))) {
      reasons.add(new Reason(ReasonCode.BELOW_MIN_ORDER_VALUE,
          Checks.format("order value %s is below the minimum %s", orderValue, minOrder.get())));
    }

    // Step 6: frequency.
    Instant eligibleAgainAt = null;
    List<Instant> customerTimes = history.customerSurveys().stream().map(SurveyRecord::at).toList();
    Duration cooldown =
        subject == null ? policy.customerCooldown() : policy.cooldownFor(subject.category());
    Optional<Instant> release = Windows.blockedUntil(customerTimes, now, 1, cooldown);
    if (release.isPresent()) {
      reasons.add(new Reason(ReasonCode.CUSTOMER_COOLDOWN,
          Checks.format("customer %s had a survey within the cooldown %s; eligible again at %s",
              customerId, Checks.duration(cooldown), release.get())));
      eligibleAgainAt = latest(eligibleAgainAt, release.get());
    }
    Optional<FrequencyCap> customerCap = policy.maxSurveysPerCustomer();
    if (customerCap.isPresent()) {
      FrequencyCap cap = customerCap.get();
      release = Windows.blockedUntil(customerTimes, now, cap.count(), cap.window());
      if (release.isPresent()) {
        reasons.add(new Reason(ReasonCode.CUSTOMER_CAP,
            Checks.format("customer %s reached the cap %s; eligible again at %s",
                customerId, cap, release.get())));
        eligibleAgainAt = latest(eligibleAgainAt, release.get());
      }
    }
    if (purchase.accountId().isPresent()) {
      String accountId = purchase.accountId().get();
      List<Instant> accountTimes =
          history.accountSurveys().stream().map(SurveyRecord::at).toList();
      release = Windows.blockedUntil(accountTimes, now, 1, policy.accountCooldown());
      if (release.isPresent()) {
        reasons.add(new Reason(ReasonCode.ACCOUNT_COOLDOWN,
            Checks.format("account %s had a survey within the cooldown %s; eligible again at %s",
                accountId, Checks.duration(policy.accountCooldown()), release.get())));
        eligibleAgainAt = latest(eligibleAgainAt, release.get());
      }
      Optional<FrequencyCap> accountCap = policy.maxSurveysPerAccount();
      if (accountCap.isPresent()) {
        FrequencyCap cap = accountCap.get();
        release = Windows.blockedUntil(accountTimes, now, cap.count(), cap.window());
        if (release.isPresent()) {
          reasons.add(new Reason(ReasonCode.ACCOUNT_CAP,
              Checks.format("account %s reached the cap %s; eligible again at %s",
                  accountId, cap, release.get())));
          eligibleAgainAt = latest(eligibleAgainAt, release.get());
        }
      }
    }
    Instant responseRelease = responseRelease(history.customerResponses(), now,
        policy.responseCooldown());
    if (responseRelease != null) {
      reasons.add(new Reason(ReasonCode.RESPONSE_COOLDOWN,
          Checks.format("customer %s responded within the response cooldown %s; eligible again"
              + " at %s", customerId, Checks.duration(policy.responseCooldown()),
              responseRelease)));
      eligibleAgainAt = latest(eligibleAgainAt, responseRelease);
    }

    // Step 7: sampling.
    if (!StickyHash.inGroup(policy.samplingSalt(), customerId, policy.samplingRate())) {
      reasons.add(new Reason(ReasonCode.NOT_SAMPLED,
          Checks.format("customer %s is not in the sample (rate %s)", customerId,
              policy.samplingRate())));
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

  private static List<ReasonCode> lineReasons(
      OrderLine line, SurveyPolicy policy, HistorySnapshot history, Instant now) {
    List<ReasonCode> codes = new ArrayList<>(3);
    if (policy.isExcluded(line.category())) {
      codes.add(ReasonCode.EXCLUDED_CATEGORY);
    }
    Optional<Money> minLine = policy.minLineValue(line.unitPrice().currency());
    if (minLine.isPresent() && line.value().isLessThan(minLine.get()) && !policy.isAlways(line)) {
      codes.add(ReasonCode.BELOW_MIN_LINE_VALUE);
    }
    Duration window = policy.repeatSubjectWindow();
    if (!window.isZero()) {
      for (SurveyRecord s : history.customerSurveys()) {
        if (s.sku().equals(line.sku())
            && Duration.between(s.at(), now).abs().compareTo(window) < 0) {
          codes.add(ReasonCode.REPEAT_SUBJECT);
          break;
        }
      }
    }
    return codes;
  }

  private static String lineMessage(ReasonCode code, Set<String> skus) {
    String what = switch (code) {
      case EXCLUDED_CATEGORY -> "are in an excluded category";
      case BELOW_MIN_LINE_VALUE -> "are below the minimum line value";
      case REPEAT_SUBJECT -> "were surveyed about within the repeat-subject window";
      default -> throw new IllegalStateException("not a line reason: " + code);
    };
    return Checks.format("no candidate line: lines %s %s", skus, what);
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
