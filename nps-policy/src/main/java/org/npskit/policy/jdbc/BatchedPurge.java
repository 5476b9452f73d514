package org.npskit.policy.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import org.npskit.policy.spi.StoreOperation;

/**
 * Retention in short batches: each delete statement removes at most the configured number of
 * rows and is auto-committed on its own, and runs again until it deletes nothing, so a large
 * backlog never holds long locks. Decisions and responses older than the cut-off go first, then
 * the customer rows that hold neither an opt-out nor any decision or response, then the account
 * rows without decisions.
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class BatchedPurge {
  private final SqlRunner runner;
  private final SqlText sql;
  private final int batchSize;

  BatchedPurge(SqlRunner runner, SqlText sql, int batchSize) {
    this.runner = runner;
    this.sql = sql;
    this.batchSize = batchSize;
  }

  /**
   * Deletes everything older than the cut-off, and the rows left holding nothing.
   *
   * @param cutoff the cut-off; not null
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any database error (the batches
   *     deleted before it stay deleted)
   */
  void olderThan(Instant cutoff) {
    inBatches(sql.purgeDecisions(), cutoff, false);
    inBatches(sql.purgeResponses(), cutoff, true);
    inBatches(sql.purgeCustomers(), null, false);
    inBatches(sql.purgeAccounts(), null, false);
  }

  private void inBatches(String deleteSql, Instant cutoff, boolean cutoffTwice) {
    int deleted;
    do {
      deleted =
          runner.autoCommit(
              StoreOperation.PURGE,
              c -> {
                try (PreparedStatement ps = runner.prepare(c, deleteSql)) {
                  int i = 1;
                  if (cutoff != null) {
                    SqlRunner.setInstant(ps, i++, cutoff);
                    if (cutoffTwice) {
                      SqlRunner.setInstant(ps, i++, cutoff);
                    }
                  }
                  ps.setInt(i, batchSize);
                  return ps.executeUpdate();
                }
              });
    } while (deleted > 0);
  }
}
