package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision for {@link ContactHistory#commit} to store atomically: the decided order id, and for
 * a survey the survey record.
 *
 * <p>A survey request ({@link #isSurvey()}) carries the survey record and the version tokens of
 * the snapshot it was decided on; it succeeds only if those versions are still current. A skip
 * request claims the order id. A plain skip records nothing that other rules read, so it needs
 * no version check (its version components are {@code 0} and ignored). A version-checked skip
 * ({@link #versionChecked()}, made by {@link #skip(String, String, String, Instant,
 * HistorySnapshot)}) is what the gate commits when the policy counts a customer's decided orders
 * (a relationship trigger): the order then is something other rules read, so the skip succeeds
 * only if the customer's version is still that of its snapshot, and it changes the customer's
 * version (never the account's: account rules read surveys only). So a survey decided on a count
 * that misses a racing order loses its commit and is decided again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId the decided order; not blank
 * @param customerId the customer; not blank
 * @param accountId the purchase's account, or null
 * @param decidedAt the decision time; not null
 * @param survey the survey to record (with the same order, customer and account ids and time),
 *     or null for a skip
 * @param expectedCustomerVersion the customer version of the snapshot (survey or version-checked
 *     skip only)
 * @param expectedAccountVersion the account version of the snapshot (survey with account only)
 * @param versionChecked whether the commit checks and changes the customer's version: always for
 *     a survey; for a skip, when it was made on a snapshot
 *
 * <p>The canonical constructor throws {@link NullPointerException} for a missing required
 * component and {@link IllegalArgumentException} for an invalid one (blank id, a survey that does
 * not match the request, a survey without version check, versions on a skip that checks none).
 */
public record CommitRequest(
    String orderId,
    String customerId,
    String accountId,
    Instant decidedAt,
    SurveyRecord survey,
    long expectedCustomerVersion,
    long expectedAccountVersion,
    boolean versionChecked) {

  /**
   * Validates the components.
   *
   * @param orderId the {@code orderId} component
   * @param customerId the {@code customerId} component
   * @param accountId the {@code accountId} component
   * @param decidedAt the {@code decidedAt} component
   * @param survey the {@code survey} component
   * @param expectedCustomerVersion the {@code expectedCustomerVersion} component
   * @param expectedAccountVersion the {@code expectedAccountVersion} component
   * @param versionChecked the {@code versionChecked} component
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public CommitRequest {
    Ids.require(orderId, "orderId");
    Ids.require(customerId, "customerId");
    Ids.optional(accountId, "accountId");
    Objects.requireNonNull(decidedAt, "decidedAt");
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
    if (survey != null && !versionChecked) {
      throw new IllegalArgumentException(
          "a survey is always version-checked, was versionChecked=false for " + survey);
    }
    if (survey == null
        && ((expectedCustomerVersion != 0L && !versionChecked) || expectedAccountVersion != 0L)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a skip carries no account version, and a customer version only when"
                  + " version-checked, was expectedCustomerVersion=%d expectedAccountVersion=%d"
                  + " versionChecked=%b",
              expectedCustomerVersion,
              expectedAccountVersion,
              versionChecked));
    }
  }

  /**
   * A request as in version 1 of the SPI: version-checked exactly when it records a survey.
   *
   * @param orderId the {@code orderId} component
   * @param customerId the {@code customerId} component
   * @param accountId the {@code accountId} component
   * @param decidedAt the {@code decidedAt} component
   * @param survey the {@code survey} component
   * @param expectedCustomerVersion the {@code expectedCustomerVersion} component
   * @param expectedAccountVersion the {@code expectedAccountVersion} component
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public CommitRequest(
      String orderId,
      String customerId,
      String accountId,
      Instant decidedAt,
      SurveyRecord survey,
      long expectedCustomerVersion,
      long expectedAccountVersion) {
    this(orderId, customerId, accountId, decidedAt, survey, expectedCustomerVersion,
        expectedAccountVersion, survey != null);
  }

  /**
   * A survey request: records the survey if the snapshot's versions are still current.
   *
   * @param survey the survey to record; not null
   * @param snapshot the snapshot the decision was based on; not null
   * @return the request
   * @throws NullPointerException if an argument is null
   */
  public static CommitRequest survey(SurveyRecord survey, HistorySnapshot snapshot) {
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(snapshot, "snapshot");
    return new CommitRequest(
        survey.orderId(),
        survey.customerId(),
        survey.accountId(),
        survey.at(),
        survey,
        snapshot.customerVersion(),
        snapshot.accountVersion(),
        true);
  }

  /**
   * A skip request that claims the order id without version check.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param accountId the account, or null
   * @param decidedAt the decision time; not null
   * @return the request
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static CommitRequest skip(
      String orderId, String customerId, String accountId, Instant decidedAt) {
    return new CommitRequest(orderId, customerId, accountId, decidedAt, null, 0L, 0L, false);
  }

  /**
   * A version-checked skip request: claims the order id if the customer's version is still that
   * of the snapshot, and changes it.
   *
   * @param orderId the order; not blank
   * @param customerId the customer; not blank
   * @param accountId the account, or null
   * @param decidedAt the decision time; not null
   * @param snapshot the snapshot the decision was based on; not null
   * @return the request
   * @throws NullPointerException if a required argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static CommitRequest skip(String orderId, String customerId, String accountId,
      Instant decidedAt, HistorySnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return new CommitRequest(orderId, customerId, accountId, decidedAt, null,
        snapshot.customerVersion(), 0L, true);
  }

  /**
   * Whether this request records a survey (else it only claims the order id).
   *
   * @return true for a survey request
   */
  public boolean isSurvey() {
    return survey != null;
  }

  /**
   * The survey to record.
   *
   * @return the survey, or empty for a skip
   */
  public Optional<SurveyRecord> surveyRecord() {
    return Optional.ofNullable(survey);
  }
}
