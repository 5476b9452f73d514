package org.npskit.policy.jdbc;

import org.npskit.policy.Decision;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.StoreFailureMode;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.spi.ContactHistory;

/**
 * Decides {@link OrderStream} orders through the real {@link SurveyGate} (customer cooldown
 * {@link OrderStream#COOLDOWN}, every other rule off) and classifies the decisions.
 */
final class GateDecider {

  /** What happened to one order. */
  enum Result {
    SURVEY,
    SKIP,
    DUPLICATE,
    UNAVAILABLE
  }

  private final SurveyGate gate;

  GateDecider(ContactHistory store) {
    this(store, StoreFailureMode.FAIL_CLOSED);
  }

  GateDecider(ContactHistory store, StoreFailureMode mode) {
    SurveyPolicy policy =
        SurveyPolicy.builder().customerCooldown(OrderStream.COOLDOWN).storeFailure(mode).build();
    this.gate = SurveyGate.builder(policy).history(store).build();
  }

  static Purchase purchase(OrderStream order) {
    return Purchase.builder(order.orderId(), order.customerId())
        .orderedAt(order.at())
        .line(OrderLine.of("SKU-" + order.orderId(), "tv/oled", Money.of("999.00", "EUR"), 1))
        .build();
  }

  Decision decision(OrderStream order) {
    return gate.decide(purchase(order));
  }

  Result decide(OrderStream order) {
    return classify(decision(order));
  }

  static Result classify(Decision d) {
    if (d.isSurvey()) {
      return Result.SURVEY;
    }
    if (d.reasonCodes().contains(ReasonCode.DUPLICATE_ORDER)) {
      return Result.DUPLICATE;
    }
    if (d.reasonCodes().contains(ReasonCode.HISTORY_UNAVAILABLE)) {
      return Result.UNAVAILABLE;
    }
    return Result.SKIP;
  }
}
