package org.npskit.policy.memory;

/** Immutable per-account state: version token and the surveys counted for the account. */
record AccountState(long version, Surveys surveys) {
  static final AccountState NEW = new AccountState(0L, Surveys.NONE);
}
