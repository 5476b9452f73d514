package org.npskit.examples.boot;

import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /deliveries}: decides whether the delivered order triggers a survey and records
 * the decision (a redelivered order is answered {@code DUPLICATE_ORDER}, with what was recorded
 * for it). The gate is the starter's, configured by {@code application.yml}. Thread-safe.
 */
@RestController
public class DeliveryController {

  private final SurveyGate gate;

  /**
   * Created by Spring.
   *
   * @param gate the starter's survey gate
   */
  public DeliveryController(SurveyGate gate) {
    this.gate = gate;
  }

  /**
   * Decides on a delivery at its event time (delivered-at, else ordered-at).
   *
   * @param delivery the delivery
   * @return the decision
   * @throws BadDeliveryException (HTTP 400) for a missing or invalid field, or a currency the
   *     policy has no threshold for; nothing is recorded then
   */
  @PostMapping(path = "/deliveries", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public DecisionJson delivered(@RequestBody Delivery delivery) {
    Purchase purchase = Deliveries.purchase(delivery);
    try {
      return DecisionJson.of(gate.decide(purchase));
    } catch (IllegalArgumentException e) {
      throw new BadDeliveryException(e.getMessage());
    }
  }
}
