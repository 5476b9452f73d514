package org.npskit.examples.shop;

import java.util.Objects;
import org.npskit.policy.Decision;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;

/**
 * The sample host application's service: on every delivery it asks npskit whether to survey and
 * schedules the e-mail when the answer is yes. Its tests ({@code OrderServiceTest}) use only the
 * public API and the nps-test kit, as a shop's own tests would.
 *
 * <p>Thread-safe when the mailer is (the gate is).
 */
public final class OrderService {
  private final SurveyGate gate;
  private final SurveyMailer mailer;

  /**
   * Creates the service.
   *
   * @param gate the survey gate; not null
   * @param mailer the mail system; not null
   */
  public OrderService(SurveyGate gate, SurveyMailer mailer) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
  }

  /**
   * Reports a delivered (or redelivered) order.
   *
   * @param order the order; not null
   * @return npskit's decision, for the shop's logs
   */
  public Decision delivered(ShopOrder order) {
    Purchase.Builder purchase = Purchase.builder(order.id(), order.customerId())
        .accountId(order.businessAccount())
        .orderedAt(order.orderedAt())
        .deliveredAt(order.deliveredAt());
    for (ShopOrder.Line line : order.lines()) {
      Money price = Money.of(line.unitPrice(), "EUR");
      purchase.line(line.installed()
          ? OrderLine.of(line.sku(), line.category(), price, line.quantity(), "INSTALLATION")
          : OrderLine.of(line.sku(), line.category(), price, line.quantity()));
    }
    Decision decision = gate.decide(purchase.build());
    if (decision.isSurvey()) {
      mailer.schedule(order.customerId(), decision.subjectSku().orElseThrow(),
          decision.sendAt().orElseThrow());
    }
    return decision;
  }
}
