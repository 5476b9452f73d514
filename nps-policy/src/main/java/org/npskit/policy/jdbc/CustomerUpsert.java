package org.npskit.policy.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.npskit.policy.spi.StoreOperation;

/**
 * Writes that end with an update of a customer's row, which the store creates when it is absent:
 * in one transaction, the write runs; when its update matched no row, the customer row is
 * inserted with a fresh version token. Two processes may insert the same new customer at once:
 * the loser's transaction rolls back on the duplicate key and runs again (at most {@value
 * #MAX_ATTEMPTS} times), now updating the winner's row.
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class CustomerUpsert {
  private static final int MAX_ATTEMPTS = 8;

  private final SqlRunner runner;
  private final SqlText sql;
  private final VersionTokens tokens;

  CustomerUpsert(SqlRunner runner, SqlText sql, VersionTokens tokens) {
    this.runner = runner;
    this.sql = sql;
    this.tokens = tokens;
  }

  /**
   * Runs the write, inserting the customer when it is absent, and retries a lost first insert.
   *
   * @param operation named in errors
   * @param customerId the customer
   * @param optedOutIfNew the opt-out flag of a newly inserted customer row
   * @param write the write; returns how many customer rows its update matched (0: absent)
   * @param alreadyDone whether a concurrent writer already did this write (then a lost race ends
   *     the loop successfully)
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any database error, or when the
   *     last attempt lost too
   */
  void write(
      StoreOperation operation,
      String customerId,
      boolean optedOutIfNew,
      SqlRunner.Work<Integer> write,
      BooleanSupplier alreadyDone) {
    for (int attempt = 1; ; attempt++) {
      boolean retryable = attempt < MAX_ATTEMPTS;
      boolean written =
          runner.transaction(
              operation,
              c -> {
                try {
                  if (write.run(c) == 0) {
                    try (PreparedStatement ps = runner.prepare(c, sql.insertCustomerOptedOut())) {
                      ps.setString(1, customerId);
                      ps.setLong(2, tokens.next());
                      ps.setBoolean(3, optedOutIfNew);
                      ps.executeUpdate();
                    }
                  }
                  return Boolean.TRUE;
                } catch (SQLException e) {
                  if (retryable && SqlStates.isConflict(e)) {
                    c.rollback();
                    return Boolean.FALSE;
                  }
                  throw e;
                }
              });
      if (written || alreadyDone.getAsBoolean()) {
        return;
      }
    }
  }
}
