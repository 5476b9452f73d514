package org.npskit.policy.memory;

/** A decided order id: whose it is, when it was decided, and whether it holds a live survey. */
record DecidedOrder(String customerId, String accountId, long decidedMicros, boolean survey) {}
