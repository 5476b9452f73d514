package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.StoreOperation;

/**
 * The version-checked commit in portable SQL: one transaction of a conditional {@code UPDATE ...
 * SET version = ? WHERE <key> = ? AND version = ?} of the customer row (for a first-time customer
 * an {@code INSERT} whose primary key makes the second of two racing processes fail), the same
 * for the account of a survey, and the {@code INSERT} of the decided order. Rows are claimed in the order
 * customer, account, order, so two deciders do not deadlock on each other. A claim that matches
 * no row, a duplicate key, a serialization failure or a deadlock rolls the whole transaction back:
 * a lost race. Round trips: customer claim, account claim, decision, {@code COMMIT}.
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class PortableCommit implements CommitStrategy {
  private final SqlRunner runner;
  private final SqlText sql;
  private final VersionTokens tokens;

  PortableCommit(SqlRunner runner, SqlText sql, VersionTokens tokens) {
    this.runner = runner;
    this.sql = sql;
    this.tokens = tokens;
  }

  @Override
  public boolean commitChecked(CommitRequest commit) {
    return runner.transaction(StoreOperation.COMMIT, c -> commit(c, commit));
  }

  private boolean commit(Connection c, CommitRequest commit) throws SQLException {
    try {
      if (!(claimVersion(
              c,
              sql.updateCustomerVersion(),
              sql.insertCustomer(),
              commit.customerId(),
              commit.expectedCustomerVersion())
          && (AccountMode.of(commit) == AccountMode.NONE
              || claimVersion(
                  c,
                  sql.updateAccountVersion(),
                  sql.insertAccount(),
                  commit.accountId(),
                  commit.expectedAccountVersion())))) {
        c.rollback();
        return false;
      }
      DecisionRow.insert(runner, sql, c, commit);
      return true;
    } catch (SQLException e) {
      if (SqlStates.isConflict(e)) {
        c.rollback();
        return false;
      }
      throw e;
    }
  }

  /**
   * Moves a customer or account from the expected version to a new one: a conditional update, or
   * for an unknown key (expected 0) an insert whose primary key rejects a racing second insert.
   */
  private boolean claimVersion(
      Connection c, String updateSql, String insertSql, String key, long expected)
      throws SQLException {
    if (expected == 0L) {
      try (PreparedStatement ps = runner.prepare(c, insertSql)) {
        ps.setString(1, key);
        ps.setLong(2, tokens.next());
        ps.executeUpdate();
        return true;
      }
    }
    try (PreparedStatement ps = runner.prepare(c, updateSql)) {
      ps.setLong(1, expected + 1);
      ps.setString(2, key);
      ps.setLong(3, expected);
      return ps.executeUpdate() == 1;
    }
  }
}
