package org.npskit.policy.memory;

/** Immutable per-account state: version token and the surveys counted for the account. */
record AccountState(long version, StoredSurveys surveys) {
  static final AccountState NEW = new AccountState(0L, StoredSurveys.NONE);
}
