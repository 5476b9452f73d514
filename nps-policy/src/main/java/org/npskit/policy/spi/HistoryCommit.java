package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.npskit.policy.Outcome;

/**
 * A decision to store atomically with {@link ContactHistory#commit}.
 *
 * <p>A {@link Outcome#SURVEY SURVEY} commit carries the survey record and the version tokens of
 * the snapshot it was decided on; it succeeds only if those versions are still current. A
 * {@link Outcome#SKIP SKIP} commit only claims the order id: it records nothing that other rules
 * read, so it needs no version check (its version fields are ignored).
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId the decided order; not blank
 * @param customerId the customer; not blank
 * @param accountId the purchase's account, or null
 * @param outcome the outcome; not null
 * @param decidedAt the decision time; not null
 * @param survey the survey to record: required for SURVEY (with the same order, customer and
 *     account ids and time), null for SKIP
 * @param expectedCustomerVersion the customer version of the snapshot (SURVEY only)
 * @param expectedAccountVersion the account version of the snapshot (SURVEY with account only)
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (blank id, bad order).
 */
public record HistoryCommit(
    String orderId,
    String customerId,
    String accountId,
    Outcome outcome,
    Instant decidedAt,
    SurveyRecord survey,
    long expectedCustomerVersion,
    long expectedAccountVersion) {

  /**
   * Validates the components.
   *
   * @param orderId the {@code orderId} component
   * @param customerId the {@code customerId} component
   * @param accountId the {@code accountId} component
   * @param outcome the {@code outcome} component
   * @param decidedAt the {@code decidedAt} component
   * @param survey the {@code survey} component
   * @param expectedCustomerVersion the {@code expectedCustomerVersion} component
   * @param expectedAccountVersion the {@code expectedAccountVersion} component
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public HistoryCommit {
    Ids.require(orderId, "orderId");
    Ids.require(customerId, "customerId");
    Ids.optional(accountId, "accountId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if ((outcome == Outcome.SURVEY) != (survey != null)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "survey must be present exactly for SURVEY, outcome=%s survey=%s",
              outcome,
              survey));
    }
    if (survey != null
        && !(survey.orderId().equals(orderId)
            && survey.customerId().equals(customerId)
            && Objects.equals(survey.accountId(), accountId)
            && survey.at().equals(decidedAt))) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "survey must match the commit's order, customer, account and time, was %s",
              survey));
    }
  }

  /**
   * A SURVEY commit.
   *
   * @param survey the survey to record; not null
   * @param snapshot the snapshot the decision was based on; not null
   * @return the commit
   * @throws NullPointerException if an argument is null
   */
  public static HistoryCommit survey(SurveyRecord survey, HistorySnapshot snapshot) {
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(snapshot, "snapshot");
    return new HistoryCommit(
        survey.orderId(),
        survey.customerId(),
        survey.accountId(),
        Outcome.SURVEY,
        survey.at(),
        survey,
        snapshot.customerVersion(),
        snapshot.accountVersion());
  }

  /**
   * A SKIP commit: claims the order id only.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param accountId the account, or null
   * @param decidedAt the decision time; not null
   * @return the commit
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static HistoryCommit skip(
      String orderId, String customerId, String accountId, Instant decidedAt) {
    return new HistoryCommit(orderId, customerId, accountId, Outcome.SKIP, decidedAt, null, 0L, 0L);
  }

  /**
   * The survey to record, for SURVEY commits.
   *
   * @return the survey, or empty for SKIP
   */
  public Optional<SurveyRecord> surveyRecord() {
    return Optional.ofNullable(survey);
  }
}
