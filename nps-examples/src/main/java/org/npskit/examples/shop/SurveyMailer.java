package org.npskit.examples.shop;

import java.time.Instant;

/**
 * Where the shop schedules its survey e-mails (its own mail system; a test double in tests).
 *
 * <p>Implementations decide their own thread safety; {@link OrderService} calls it from the
 * thread that reports the delivery.
 */
public interface SurveyMailer {
  /**
   * Schedules the "would you recommend us?" e-mail.
   *
   * @param customerId the customer
   * @param sku what the survey is about
   * @param sendAt when to send it
   */
  void schedule(String customerId, String sku, Instant sendAt);
}
