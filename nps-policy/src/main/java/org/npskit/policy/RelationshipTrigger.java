package org.npskit.policy;

import java.time.Duration;
import java.util.Objects;
import org.npskit.policy.internal.Checks;

/**
 * When a customer is a frequent buyer: at least {@code count} decided orders (SURVEY or SKIP, of
 * any kind, cancelled ones too, each order id once, the order being decided included) whose
 * decision time t lies in the trailing window, {@code now - window < t <= now}. A frequent
 * buyer's purchase is decided as a relationship decision (see {@link DecisionKind}). Immutable.
 *
 * @param count the number of decided orders that makes a frequent buyer, at least 1
 * @param window the trailing window; positive, at most 10,000 years ({@code P3652425D})
 */
public record RelationshipTrigger(int count, Duration window) {

  /**
   * Validates the trigger.
   *
   * @param count at least 1
   * @param window positive
   * @throws NullPointerException if {@code window} is null
   * @throws IllegalArgumentException if {@code count < 1}, or the window is not positive or
   *     longer than 10,000 years
   */
  public RelationshipTrigger {
    FrequencyCap.check(count, window);
  }

  /**
   * Parses {@code COUNT/DURATION}, e.g. {@code 8/P30D}.
   *
   * @param text the trigger text; not null
   * @return the trigger
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is malformed, the count below 1 or the
   *     duration not positive
   */
  public static RelationshipTrigger parse(String text) {
    Objects.requireNonNull(text, "text");
    return FrequencyCap.parse(text, "relationship trigger", "8/P30D", RelationshipTrigger::new);
  }

  /**
   * Whether a customer with {@code orders} decided orders in the window is a frequent buyer.
   *
   * @param orders the decided orders in the window, the order being decided included
   * @return true from {@code count} orders on
   */
  public boolean isFrequent(int orders) {
    return orders >= count;
  }

  @Override
  public String toString() {
    return count + "/" + Checks.durationText(window);
  }
}
