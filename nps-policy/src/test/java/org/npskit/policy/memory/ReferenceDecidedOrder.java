package org.npskit.policy.memory;

/**
 * A decided order id: whose it is and when it was decided. A SKIP (or a released survey) needs
 * nothing else; a live survey also knows its account ({@link Survey}, {@link AccountSurvey}), so
 * the common entries stay at 24 bytes.
 */
class ReferenceDecidedOrder {
  private final long decidedMicros;
  private final String customerId;

  ReferenceDecidedOrder(String customerId, long decidedMicros) {
    this.customerId = customerId;
    this.decidedMicros = decidedMicros;
  }

  /** The entry for a decision: a live survey when {@code survey}, else a plain decided order. */
  static ReferenceDecidedOrder of(String customerId, String accountId, long decidedMicros, boolean survey) {
    if (!survey) {
      return new ReferenceDecidedOrder(customerId, decidedMicros);
    }
    return accountId == null
        ? new Survey(customerId, decidedMicros)
        : new AccountSurvey(customerId, accountId, decidedMicros);
  }

  final String customerId() {
    return customerId;
  }

  final long decidedMicros() {
    return decidedMicros;
  }

  /** The account of a live survey, else null. */
  String accountId() {
    return null;
  }

  /** Whether the order holds a live survey. */
  boolean survey() {
    return false;
  }

  /** A live survey without account. */
  private static class Survey extends ReferenceDecidedOrder {
    Survey(String customerId, long decidedMicros) {
      super(customerId, decidedMicros);
    }

    @Override
    boolean survey() {
      return true;
    }
  }

  /** A live survey whose purchase carried an account. */
  private static final class AccountSurvey extends Survey {
    private final String accountId;

    AccountSurvey(String customerId, String accountId, long decidedMicros) {
      super(customerId, decidedMicros);
      this.accountId = accountId;
    }

    @Override
    String accountId() {
      return accountId;
    }
  }
}
