package org.npskit.policy.jdbc;

import org.npskit.policy.spi.CommitRequest;

/**
 * How a survey is written atomically: claim the customer's version (and the account's), insert
 * the decision, all or nothing. One implementation per SQL dialect ({@link PortableCommit},
 * {@link PostgresCommit}); {@link CommitStrategyChoice} picks one per store, once.
 *
 * <p>Implementations are immutable and thread-safe if their data source is.
 */
interface CommitStrategy {

  /**
   * Writes the survey if the request's versions are still current.
   *
   * @param survey a survey request ({@link CommitRequest#isSurvey()}); its ids already checked
   * @return true if written; false if a concurrent writer won (nothing was written)
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any other database error, after
   *     rolling back
   */
  boolean commitSurvey(CommitRequest survey);
}
