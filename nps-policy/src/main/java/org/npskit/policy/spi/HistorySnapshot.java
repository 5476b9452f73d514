package org.npskit.policy.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of the contact history relevant to one {@link HistoryQuery}, with version tokens for
 * optimistic commits.
 *
 * <p>Version tokens are opaque: a store must never return the same token for the same key after
 * a change (use a counter or sequence that never goes back, also across deletion of the key). The
 * token of an unknown customer or account, and of "no account", is {@code 0}.
 *
 * <p>Immutable (the lists are unmodifiable copies, except a {@link SurveyList}, which is
 * immutable by its contract and kept as it is) and thread-safe.
 *
 * @param orderDecided whether the queried order id was already decided (SURVEY or SKIP)
 * @param optedOut whether the customer opted out of surveys
 * @param customerSurveys the customer's surveys (not cancelled) with a time in the query range,
 *     ordered by time; not null
 * @param accountSurveys the surveys (not cancelled, of any customer) whose purchase carried the
 *     queried account id, in the query range, ordered by time; empty without account; not null
 * @param customerResponses the customer's recorded responses in the query range, ordered; not null
 * @param customerVersion the customer's version token
 * @param accountVersion the account's version token ({@code 0} without account)
 * @param decidedOrder what the store holds for the queried order id when it was decided (also
 *     when its time lies outside the query range), or null when it was not decided or the store
 *     cannot say (a store built for the seven-component constructor)
 * @param customerOrders the decision times of the customer's decided orders (SURVEY or SKIP, of
 *     any kind, cancelled surveys too; one per order id) in {@code [ordersFrom, to]} of a query
 *     that set {@link HistoryQuery#ordersFrom()}, ascending; empty for a query that did not; not
 *     null
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (a {@code decidedOrder} for an
 * order that is not decided).
 */
public record HistorySnapshot(
    boolean orderDecided,
    boolean optedOut,
    List<SurveyRecord> customerSurveys,
    List<SurveyRecord> accountSurveys,
    List<Instant> customerResponses,
    long customerVersion,
    long accountVersion,
    DecidedOrder decidedOrder,
    List<Instant> customerOrders) {

  /**
   * Validates the components.
   *
   * @param orderDecided the {@code orderDecided} component, see the class comment
   * @param optedOut the {@code optedOut} component, see the class comment
   * @param customerSurveys the {@code customerSurveys} component, see the class comment
   * @param accountSurveys the {@code accountSurveys} component, see the class comment
   * @param customerResponses the {@code customerResponses} component, see the class comment
   * @param customerVersion the {@code customerVersion} component, see the class comment
   * @param accountVersion the {@code accountVersion} component, see the class comment
   * @param decidedOrder the {@code decidedOrder} component, see the class comment
   * @param customerOrders the {@code customerOrders} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public HistorySnapshot {
    customerSurveys = immutable(Objects.requireNonNull(customerSurveys, "customerSurveys"));
    accountSurveys = immutable(Objects.requireNonNull(accountSurveys, "accountSurveys"));
    customerResponses =
        List.copyOf(Objects.requireNonNull(customerResponses, "customerResponses"));
    customerOrders = List.copyOf(Objects.requireNonNull(customerOrders, "customerOrders"));
    if (decidedOrder != null && !orderDecided) {
      throw new IllegalArgumentException(
          "decidedOrder must be null for an order that is not decided, was " + decidedOrder);
    }
  }

  /**
   * A snapshot without decided orders of the customer ({@link #customerOrders()} empty): for a
   * query that asked for none, or a store that reports none.
   *
   * @param orderDecided the {@code orderDecided} component, see the class comment
   * @param optedOut the {@code optedOut} component, see the class comment
   * @param customerSurveys the {@code customerSurveys} component, see the class comment
   * @param accountSurveys the {@code accountSurveys} component, see the class comment
   * @param customerResponses the {@code customerResponses} component, see the class comment
   * @param customerVersion the {@code customerVersion} component, see the class comment
   * @param accountVersion the {@code accountVersion} component, see the class comment
   * @param decidedOrder the {@code decidedOrder} component, see the class comment
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public HistorySnapshot(
      boolean orderDecided,
      boolean optedOut,
      List<SurveyRecord> customerSurveys,
      List<SurveyRecord> accountSurveys,
      List<Instant> customerResponses,
      long customerVersion,
      long accountVersion,
      DecidedOrder decidedOrder) {
    this(orderDecided, optedOut, customerSurveys, accountSurveys, customerResponses,
        customerVersion, accountVersion, decidedOrder, List.of());
  }

  /**
   * A snapshot of a store that does not report what it holds for a decided order ({@link
   * #decidedOrder()} is null): a duplicate order's decision then cannot say what was recorded.
   *
   * @param orderDecided the {@code orderDecided} component, see the class comment
   * @param optedOut the {@code optedOut} component, see the class comment
   * @param customerSurveys the {@code customerSurveys} component, see the class comment
   * @param accountSurveys the {@code accountSurveys} component, see the class comment
   * @param customerResponses the {@code customerResponses} component, see the class comment
   * @param customerVersion the {@code customerVersion} component, see the class comment
   * @param accountVersion the {@code accountVersion} component, see the class comment
   * @throws NullPointerException if a required component is null
   */
  public HistorySnapshot(
      boolean orderDecided,
      boolean optedOut,
      List<SurveyRecord> customerSurveys,
      List<SurveyRecord> accountSurveys,
      List<Instant> customerResponses,
      long customerVersion,
      long accountVersion) {
    this(orderDecided, optedOut, customerSurveys, accountSurveys, customerResponses,
        customerVersion, accountVersion, null, List.of());
  }

  /**
   * What the store holds for the queried order id.
   *
   * @return the decided order, or empty when it was not decided or the store cannot say
   */
  public Optional<DecidedOrder> recordedDecision() {
    return Optional.ofNullable(decidedOrder);
  }

  /** A {@link SurveyList} is kept as it is (immutable by contract); any other list is copied. */
  private static List<SurveyRecord> immutable(List<SurveyRecord> surveys) {
    return surveys instanceof SurveyList ? surveys : List.copyOf(surveys);
  }

  /**
   * The snapshot of a store that knows nothing: no decision, no surveys, versions {@code 0}.
   *
   * @return an empty snapshot
   */
  public static HistorySnapshot empty() {
    return new HistorySnapshot(
        false, false, List.of(), List.of(), List.of(), 0L, 0L, null, List.of());
  }
}
