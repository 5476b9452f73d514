package org.npskit.policy.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.npskit.policy.spi.StoreOperation;

/**
 * Releasing a recorded survey, in one transaction: the decision row of a live survey is marked
 * cancelled (the order stays decided), and the versions of its customer and account go up by one,
 * so a decision made on a snapshot that still counted the survey loses its commit.
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class SurveyCancel {
  private final SqlRunner runner;
  private final SqlText sql;

  SurveyCancel(SqlRunner runner, SqlText sql) {
    this.runner = runner;
    this.sql = sql;
  }

  /**
   * Cancels the survey of an order.
   *
   * @param orderId the order; not null
   * @return true if a live survey was cancelled; false for an unknown, skipped or cancelled order
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any database error, after
   *     rolling back
   */
  boolean cancel(String orderId) {
    return runner.transaction(
        StoreOperation.CANCEL,
        c -> {
          try (PreparedStatement ps = runner.prepare(c, sql.cancel())) {
            ps.setString(1, orderId);
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          String customerId;
          String accountId;
          try (PreparedStatement ps = runner.prepare(c, sql.decisionOwner())) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              customerId = rs.getString(1);
              accountId = rs.getString(2);
            }
          }
          runner.updateByKey(c, sql.bumpCustomer(), customerId);
          if (accountId != null) {
            runner.updateByKey(c, sql.bumpAccount(), accountId);
          }
          return true;
        });
  }
}
