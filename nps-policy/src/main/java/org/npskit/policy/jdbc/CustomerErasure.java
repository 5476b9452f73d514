package org.npskit.policy.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.npskit.policy.spi.StoreOperation;

/**
 * Erasure of one customer, in one transaction: every decision and response of the customer and
 * the customer's row are deleted, and the version of every account the customer's decisions
 * carried goes up by one, so an account survey decided on a snapshot that still counted the
 * customer loses its commit. The account rows stay (they hold only a version).
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class CustomerErasure {
  private final SqlRunner runner;
  private final SqlText sql;

  CustomerErasure(SqlRunner runner, SqlText sql) {
    this.runner = runner;
    this.sql = sql;
  }

  /**
   * Erases the customer.
   *
   * @param customerId the customer; not null
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any database error, after
   *     rolling back
   */
  void erase(String customerId) {
    runner.transaction(
        StoreOperation.ERASE_CUSTOMER,
        c -> {
          List<String> accounts = new ArrayList<>();
          try (PreparedStatement ps = runner.prepare(c, sql.customerAccounts())) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                accounts.add(rs.getString(1));
              }
            }
          }
          runner.updateByKey(c, sql.eraseDecisions(), customerId);
          runner.updateByKey(c, sql.eraseResponses(), customerId);
          runner.updateByKey(c, sql.eraseCustomer(), customerId);
          for (String account : accounts) {
            runner.updateByKey(c, sql.bumpAccount(), account);
          }
          return null;
        });
  }
}
