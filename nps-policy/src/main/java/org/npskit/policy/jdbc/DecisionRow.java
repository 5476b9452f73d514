package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The decided order's row, written by every commit: its seven bound values in column order (order
 * id, customer id, account id or {@code NULL}, decision time, {@code SURVEY} or {@code SKIP},
 * subject SKU or {@code NULL}, then, after the {@code cancelled} column the statement writes
 * itself, the survey's kind, {@code TRANSACTIONAL} or {@code RELATIONSHIP}, or {@code NULL} for a
 * skip). Its primary key, the order id, makes the second of two commits of the same order fail.
 *
 * <p>Stateless; thread-safe.
 */
final class DecisionRow {

  private DecisionRow() {}

  /**
   * Inserts the decision with {@link SqlText#insertDecision()}.
   *
   * @param runner prepares the statement
   * @param sql the store's statements
   * @param c the connection
   * @param commit the decision
   * @throws SQLException on any database error, a duplicate order id included
   */
  static void insert(SqlRunner runner, SqlText sql, Connection c, CommitRequest commit)
      throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, sql.insertDecision())) {
      bind(ps, 1, commit);
      ps.executeUpdate();
    }
  }

  /**
   * Binds the seven values of the decision.
   *
   * @param ps the statement
   * @param index the index of the first of the seven parameters
   * @param commit the decision
   * @throws SQLException on a driver error
   */
  static void bind(PreparedStatement ps, int index, CommitRequest commit) throws SQLException {
    ps.setString(index, commit.orderId());
    ps.setString(index + 1, commit.customerId());
    SqlRunner.setNullableString(ps, index + 2, commit.accountId());
    SqlRunner.setInstant(ps, index + 3, commit.decidedAt());
    ps.setString(index + 4, commit.isSurvey() ? "SURVEY" : "SKIP");
    SqlRunner.setNullableString(
        ps, index + 5, commit.surveyRecord().map(SurveyRecord::sku).orElse(null));
    SqlRunner.setNullableString(
        ps, index + 6, commit.surveyRecord().map(s -> s.kind().name()).orElse(null));
  }
}
