package org.npskit.policy.jdbc;

import java.sql.SQLException;

/**
 * Classifies {@link SQLException}s by SQLSTATE (and H2's vendor codes): "a concurrent writer
 * won, reload and retry" versus "the database failed", and "the table does not exist".
 * Stateless; thread-safe.
 */
final class SqlStates {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK = "40P01";
  private static final int H2_CONCURRENT_UPDATE = 90131;
  private static final int H2_DUPLICATE_KEY = 23505;
  private static final String POSTGRES_UNDEFINED_TABLE = "42P01";
  private static final String TABLE_NOT_FOUND = "42S02";
  private static final String H2_TABLE_NOT_FOUND = "42S04";

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

  /**
   * Whether the exception reports a table that does not exist (PostgreSQL's and H2's SQLSTATEs).
   *
   * @param e the exception; not null
   * @return true for a missing table
   */
  static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return POSTGRES_UNDEFINED_TABLE.equals(state)
        || TABLE_NOT_FOUND.equals(state)
        || H2_TABLE_NOT_FOUND.equals(state);
  }

  private static boolean isConflictState(SQLException s) {
    String state = s.getSQLState();
    return isUniqueViolation(s)
        || SERIALIZATION_FAILURE.equals(state)
        || DEADLOCK.equals(state)
        || s.getErrorCode() == H2_CONCURRENT_UPDATE;
  }
}
