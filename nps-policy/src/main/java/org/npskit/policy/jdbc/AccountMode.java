package org.npskit.policy.jdbc;

import org.npskit.policy.spi.CommitRequest;

/** What a survey commit must do with the purchase's account row. */
enum AccountMode {
  /** No account on the purchase: no account row is touched. */
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
    if (commit.accountId() == null) {
      return NONE;
    }
    return commit.expectedAccountVersion() == 0L ? NEW : KNOWN;
  }
}
