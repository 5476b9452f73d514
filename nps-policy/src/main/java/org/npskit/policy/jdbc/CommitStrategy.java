package org.npskit.policy.jdbc;

import org.npskit.policy.spi.CommitRequest;

/**
 * How a version-checked decision is written atomically: claim the customer's version (and, for a
 * survey, the account's), insert the decision, all or nothing. Surveys and version-checked skips
 * (a policy that counts decided orders) take this way; a plain skip is one insert. One implementation per SQL dialect ({@link PortableCommit},
 * {@link PostgresCommit}); {@link CommitStrategyChoice} picks one per store, once.
 *
 * <p>Implementations are immutable and thread-safe if their data source is.
 */
interface CommitStrategy {

  /**
   * Writes the decision if the request's versions are still current.
   *
   * @param commit a version-checked request ({@link CommitRequest#versionChecked()}): a survey,
   *     or a skip that claims the customer's version only; its ids already checked
   * @return true if written; false if a concurrent writer won (nothing was written)
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any other database error, after
   *     rolling back
   */
  boolean commitChecked(CommitRequest commit);
}
