package org.npskit.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.npskit.policy.Decision;
import org.npskit.policy.Money;
import org.npskit.policy.OrderLine;
import org.npskit.policy.Purchase;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.slf4j.Logger;

/**
 * The nps-policy README examples ("Quick start" and "Properties"), compiled and run as tests.
 * The bodies of {@link #run(Mailer, Logger)} and {@link #fromProperties(Properties)} are exactly
 * the README snippets.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuickStartPolicy {

  private QuickStartPolicy() {}

  /** Where the README's {@code mailer} schedules a survey; implemented by the application. */
  @FunctionalInterface
  public interface Mailer {
    /**
     * Schedules a survey.
     *
     * @param customerId the customer to ask
     * @param sku the article the survey is about
     * @param sendAt when to send it
     */
    void schedule(String customerId, String sku, Instant sendAt);
  }

  /**
   * Runs the quick-start snippet.
   *
   * @param mailer receives the scheduled survey; not null
   * @param log receives the reason for a skipped survey; not null
   * @return the decision about order A-102
   */
  public static Decision run(Mailer mailer, Logger log) {
    SurveyPolicy policy = SurveyPolicy.builder()
        .minOrderValue(Money.of("100", "EUR"))
        .excludeCategories("printing/toner", "cables")
        .alwaysCategories("tv/oled")
        .alwaysServices("INSTALLATION")
        .customerCooldown(Duration.ofDays(90))
        .accountCooldown(Duration.ofDays(30))
        .build();

    SurveyGate gate = SurveyGate.builder(policy)
        .history(InMemoryContactHistory.withRetention(policy.longestWindow().multipliedBy(2)))
        .clock(Clock.systemUTC())
        .build();

    Purchase purchase = Purchase.builder("A-102", "K-1")
        .accountId("B-77")
        .orderedAt(Instant.parse("2026-02-20T09:00:00Z"))
        .deliveredAt(Instant.parse("2026-02-24T12:00:00Z"))
        .line(OrderLine.of("OLED55-B4", "tv/oled", Money.of("1899.00", "EUR"), 1, "INSTALLATION"))
        .line(OrderLine.of("HDMI-2M", "cables/hdmi", Money.of("12.50", "EUR"), 1))
        .build();

    Decision d = gate.decide(purchase);          // SURVEY about OLED55-B4, sendAt 2026-02-27T12:00Z
    if (d.isSurvey()) {
      mailer.schedule(d.customerId(), d.subjectSku().orElseThrow(), d.sendAt().orElseThrow());
    } else {
      log.debug("no survey for {}: {}", d.orderId(), d.reasonCodes());
    }
    return d;
  }

  /**
   * Runs the properties snippet.
   *
   * @param properties the policy keys (under {@code nps.policy.}); not null
   * @return the policy
   * @throws IllegalArgumentException naming the key and value on a bad entry
   */
  public static SurveyPolicy fromProperties(Properties properties) {
    SurveyPolicy policy = SurveyPolicy.fromProperties(properties);
    return policy;
  }
}
