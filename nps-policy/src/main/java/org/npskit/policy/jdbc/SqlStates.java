package org.npskit.policy.jdbc;

import java.sql.SQLException;

/**
 * Classifies {@link SQLException}s by SQLSTATE (and H2's vendor codes) into "a concurrent writer
 * won, reload and retry" versus "the database failed". Stateless; thread-safe.
 */
final class SqlStates {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK = "40P01";
  private static final int H2_CONCURRENT_UPDATE = 90131;
  private static final int H2_DUPLICATE_KEY = 23505;

  private SqlStates() {}

  /**
   * Whether the exception (or one in its chain) reports a lost race: a unique key taken by a
   * concurrent transaction, a serialization failure or a deadlock the database resolved by
   * aborting this transaction. Such a transaction is rolled back and reported as a conflict.
   *
   * @param e the exception; not null
   * @return true for a lost race, false for a real failure
   */
  static boolean isConflict(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (isConflictState(s)) {
        return true;
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether the exception reports a unique-key violation.
   *
   * @param e the exception; not null
   * @return true for a duplicate key
   */
  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState()) || e.getErrorCode() == H2_DUPLICATE_KEY;
  }

  private static boolean isConflictState(SQLException s) {
    String state = s.getSQLState();
    return isUniqueViolation(s)
        || SERIALIZATION_FAILURE.equals(state)
        || DEADLOCK.equals(state)
        || s.getErrorCode() == H2_CONCURRENT_UPDATE;
  }
}
