package org.npskit.policy.jdbc;

import org.npskit.policy.spi.CommitRequest;

/**
 * What a version-checked commit must do with the purchase's account row (only a survey claims
 * it: account rules read surveys only).
 */
enum AccountMode {
  /** No account on the purchase, or a skip: no account row is touched. */
  NONE,
  /** An account the store has never seen (expected version 0): its row is inserted. */
  NEW,
  /** A known account: its version is claimed with a conditional update. */
  KNOWN;

  /**
   * The mode of a commit.
   *
   * @param commit the commit; not null
   * @return the account mode
   */
  static AccountMode of(CommitRequest commit) {
    if (commit.accountId() == null || !commit.isSurvey()) {
      return NONE;
    }
    return commit.expectedAccountVersion() == 0L ? NEW : KNOWN;
  }
}
