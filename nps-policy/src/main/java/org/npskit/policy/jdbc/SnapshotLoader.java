package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.npskit.policy.spi.DecidedOrder;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyKind;
import org.npskit.policy.spi.SurveyRecord;

/**
 * Reads a {@link HistorySnapshot} with one auto-committed statement ({@link SqlText#load()}, or
 * {@link SqlText#loadWithAccount()} when the query has an account, each with the customer's
 * decided orders when the query asks for them): one round trip, one consistent snapshot. Each
 * row says its {@link RowKind}; the order's row carries whether a live survey is recorded for it
 * and its decision time ({@link DecidedOrder}), a survey's row whether it is a relationship
 * survey. Surveys, responses and decided orders come by key only;
 * the query's time range is applied here, to the instants as the database compares them (clamped,
 * in microseconds), and they are sorted by time (surveys then by order id).
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class SnapshotLoader {
  private static final Comparator<SurveyRecord> BY_TIME =
      Comparator.comparing(SurveyRecord::at).thenComparing(SurveyRecord::orderId);

  private final SqlRunner runner;
  private final SqlText sql;

  SnapshotLoader(SqlRunner runner, SqlText sql) {
    this.runner = runner;
    this.sql = sql;
  }

  /**
   * Reads the snapshot of a query.
   *
   * @param query the query; its ids already checked
   * @return the snapshot
   * @throws org.npskit.policy.spi.HistoryUnavailableException on any database error
   */
  HistorySnapshot load(HistoryQuery query) {
    return runner.autoCommit(StoreOperation.LOAD, c -> load(c, query));
  }

  private HistorySnapshot load(Connection c, HistoryQuery q) throws SQLException {
    boolean decided = false;
    DecidedOrder decidedOrder = null;
    boolean optedOut = false;
    long customerVersion = 0L;
    long accountVersion = 0L;
    List<SurveyRecord> customerSurveys = new ArrayList<>();
    List<SurveyRecord> accountSurveys = new ArrayList<>();
    List<Instant> responses = new ArrayList<>();
    List<Instant> orders = new ArrayList<>();
    boolean withAccount = q.accountId() != null;
    boolean withOrders = q.ordersFrom() != null;
    String statement = withAccount
        ? (withOrders ? sql.loadWithAccountAndOrders() : sql.loadWithAccount())
        : (withOrders ? sql.loadWithOrders() : sql.load());
    try (PreparedStatement ps = runner.prepare(c, statement)) {
      int i = 1;
      ps.setString(i++, q.orderId());
      ps.setString(i++, q.customerId());
      ps.setString(i++, q.customerId());
      ps.setString(i++, q.customerId());
      if (withAccount) {
        ps.setString(i++, q.accountId());
        ps.setString(i++, q.accountId());
      }
      if (withOrders) {
        ps.setString(i, q.customerId());
      }
      Instant from = SqlRunner.storable(q.from());
      Instant to = SqlRunner.storable(q.to());
      Instant ordersFrom = withOrders ? SqlRunner.storable(q.ordersFrom()) : null;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RowKind kind = RowKind.ofCode(rs.getInt(1));
          Instant at = kind.timed() ? SqlRunner.getInstant(rs, 5) : null;
          if (at != null && (at.isBefore(from) || at.isAfter(to))) {
            continue;
          }
          switch (kind) {
            case ORDER -> {
              decided = true;
              decidedOrder = new DecidedOrder(rs.getBoolean(4), SqlRunner.getInstant(rs, 5));
            }
            case CUSTOMER -> {
              customerVersion = rs.getLong(3);
              optedOut = rs.getBoolean(4);
            }
            case ACCOUNT -> accountVersion = rs.getLong(3);
            case CUSTOMER_SURVEY ->
                customerSurveys.add(
                    new SurveyRecord(rs.getString(2), q.customerId(), rs.getString(7),
                        rs.getString(6), at, kind(rs)));
            case ACCOUNT_SURVEY ->
                accountSurveys.add(
                    new SurveyRecord(rs.getString(2), rs.getString(7), q.accountId(),
                        rs.getString(6), at, kind(rs)));
            case RESPONSE -> responses.add(at);
            case CUSTOMER_ORDER -> {
              if (!at.isBefore(ordersFrom)) {
                orders.add(at);
              }
            }
          }
        }
      }
    }
    customerSurveys.sort(BY_TIME);
    accountSurveys.sort(BY_TIME);
    responses.sort(Comparator.naturalOrder());
    orders.sort(Comparator.naturalOrder());
    return new HistorySnapshot(
        decided,
        optedOut,
        customerSurveys,
        accountSurveys,
        responses,
        customerVersion,
        accountVersion,
        decidedOrder,
        orders);
  }

  /** The kind of a survey row: its flag is set for a relationship survey (NULL in version 1). */
  private static SurveyKind kind(ResultSet rs) throws SQLException {
    return rs.getBoolean(4) ? SurveyKind.RELATIONSHIP : SurveyKind.TRANSACTIONAL;
  }
}
