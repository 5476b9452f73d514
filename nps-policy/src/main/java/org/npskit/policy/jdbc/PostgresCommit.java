package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.StoreOperation;

/**
 * The version-checked commit on PostgreSQL: one statement whose data-modifying {@code WITH}
 * queries claim the customer's version (and, for a survey, the account's) with the portable
 * statements of {@link SqlText} and feed the decision insert, which inserts a row only when every
 * claim matched one. A claim that
 * matches no row therefore writes no decision; a duplicate key, serialization failure or deadlock
 * is a lost race too. Without an account the statement claims one version, so a miss changed
 * nothing and the statement runs auto-committed (one round trip); with an account a customer
 * claim that matched must be undone when the account claim did not, so it runs in a transaction
 * (statement, {@code COMMIT}).
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class PostgresCommit implements CommitStrategy {
  private final SqlRunner runner;
  private final VersionTokens tokens;
  private final Map<AccountMode, String> forKnownCustomer = new EnumMap<>(AccountMode.class);
  private final Map<AccountMode, String> forNewCustomer = new EnumMap<>(AccountMode.class);

  PostgresCommit(SqlRunner runner, SqlText sql, VersionTokens tokens) {
    this.runner = runner;
    this.tokens = tokens;
    for (AccountMode mode : AccountMode.values()) {
      forKnownCustomer.put(mode, statement(sql, false, mode));
      forNewCustomer.put(mode, statement(sql, true, mode));
    }
  }

  private static String statement(SqlText sql, boolean newCustomer, AccountMode mode) {
    StringBuilder s =
        new StringBuilder("WITH c AS (")
            .append(newCustomer ? sql.insertCustomer() : sql.updateCustomerVersion())
            .append(" RETURNING 1 AS ok)");
    if (mode != AccountMode.NONE) {
      s.append(", a AS (")
          .append(mode == AccountMode.NEW ? sql.insertAccount() : sql.updateAccountVersion())
          .append(" RETURNING 1 AS ok)");
    }
    return s.append(' ')
        .append(sql.insertDecisionInto())
        .append(" SELECT ?, ?, ?, ?, ?, ?, FALSE, ? FROM c")
        .append(mode != AccountMode.NONE ? " CROSS JOIN a" : "")
        .toString();
  }

  @Override
  public boolean commitChecked(CommitRequest commit) {
    return AccountMode.of(commit) == AccountMode.NONE
        ? runner.autoCommit(StoreOperation.COMMIT, c -> commit(c, commit))
        : runner.transaction(StoreOperation.COMMIT, c -> commit(c, commit));
  }

  /** Returns false after rolling back whatever a matched claim changed when another missed. */
  private boolean commit(Connection c, CommitRequest commit) throws SQLException {
    boolean newCustomer = commit.expectedCustomerVersion() == 0L;
    AccountMode mode = AccountMode.of(commit);
    String statement = (newCustomer ? forNewCustomer : forKnownCustomer).get(mode);
    try (PreparedStatement ps = runner.prepare(c, statement)) {
      int i = bindClaim(ps, 1, newCustomer, commit.customerId(), commit.expectedCustomerVersion());
      if (mode != AccountMode.NONE) {
        i =
            bindClaim(
                ps, i, mode == AccountMode.NEW, commit.accountId(), commit.expectedAccountVersion());
      }
      DecisionRow.bind(ps, i, commit);
      if (ps.executeUpdate() == 1) {
        return true;
      }
      rollbackIfInTransaction(c);
      return false;
    } catch (SQLException e) {
      if (SqlStates.isConflict(e)) {
        rollbackIfInTransaction(c);
        return false;
      }
      throw e;
    }
  }

  private static void rollbackIfInTransaction(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.rollback();
    }
  }

  /** Binds an insert claim (key, first token) or an update claim (next, key, expected). */
  private int bindClaim(PreparedStatement ps, int index, boolean isNew, String key, long expected)
      throws SQLException {
    if (isNew) {
      ps.setString(index, key);
      ps.setLong(index + 1, tokens.next());
      return index + 2;
    }
    ps.setLong(index, expected + 1);
    ps.setString(index + 1, key);
    ps.setLong(index + 2, expected);
    return index + 3;
  }
}
