package org.npskit.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One answer per customer: reduces responses of any type to each customer's latest one, so that
 * a customer who answered five times counts once (as dashboards that count each customer's latest
 * answer do). Apply it before any breakdown.
 *
 * <p>Customers are told apart by their ids' {@code equals} and {@code hashCode}; times are
 * compared by their natural order ({@link java.time.Instant}, {@link java.time.LocalDate}, ...).
 * Ties are resolved by position:
 * of several responses of one customer with the same latest time, the one that comes last in the
 * collection's iteration order is kept (for a CSV, the later row). The result keeps the input
 * order of the responses kept.
 *
 * <p>Stateless and thread-safe (the collection must not change during a call); a null item,
 * customer id or time is rejected with a {@link NullPointerException} naming its position.
 */
public final class PerCustomer {
  private PerCustomer() {}

  /**
   * Each customer's latest response by time; equal times: the later one in iteration order.
   *
   * @param <T> the response type
   * @param <C> the customer id type
   * @param <I> the time type (for example {@link java.time.Instant})
   * @param responses the responses
   * @param customerId extracts a response's customer id
   * @param answeredAt extracts when a response was given
   * @return an unmodifiable list of the kept responses, in input order
   * @throws NullPointerException if an argument, a response, a customer id or a time is null
   */
  public static <T, C, I extends Comparable<? super I>> List<T> latest(
      Collection<? extends T> responses,
      Function<? super T, ? extends C> customerId,
      Function<? super T, ? extends I> answeredAt) {
    Objects.requireNonNull(answeredAt, "answeredAt");
    return reduce(responses, customerId, answeredAt);
  }

  /**
   * Each customer's last response in iteration order (for responses without a time).
   *
   * @param <T> the response type
   * @param <C> the customer id type
   * @param responses the responses
   * @param customerId extracts a response's customer id
   * @return an unmodifiable list of the kept responses, in input order
   * @throws NullPointerException if an argument, a response or a customer id is null
   */
  public static <T, C> List<T> last(
      Collection<? extends T> responses, Function<? super T, ? extends C> customerId) {
    return PerCustomer.<T, C, Integer>reduce(responses, customerId, null);
  }

  /** With a null time extractor, every response ties and the last one of a customer wins. */
  private static <T, C, I extends Comparable<? super I>> List<T> reduce(
      Collection<? extends T> responses,
      Function<? super T, ? extends C> customerId,
      Function<? super T, ? extends I> answeredAt) {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(customerId, "customerId");
    List<T> items = new ArrayList<>(responses);
    Map<C, Integer> winner = new HashMap<>();
    List<I> times = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) {
        throw new NullPointerException(
            String.format(Locale.ROOT, "response at index %d is null", i));
      }
      C id = customerId.apply(item);
      if (id == null) {
        throw new NullPointerException(
            String.format(Locale.ROOT, "customer id of the response at index %d is null", i));
      }
      I at = null;
      if (answeredAt != null) {
        at = answeredAt.apply(item);
        if (at == null) {
          throw new NullPointerException(
              String.format(Locale.ROOT, "time of the response at index %d is null", i));
        }
      }
      times.add(at);
      Integer best = winner.get(id);
      if (best == null || at == null || at.compareTo(times.get(best)) >= 0) {
        winner.put(id, i);
      }
    }
    boolean[] keep = new boolean[items.size()];
    for (int i : winner.values()) {
      keep[i] = true;
    }
    List<T> out = new ArrayList<>(winner.size());
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        out.add(items.get(i));
      }
    }
    return List.copyOf(out);
  }
}
