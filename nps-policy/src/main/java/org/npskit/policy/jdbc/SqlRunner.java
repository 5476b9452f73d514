package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * Runs units of JDBC work with bounded waiting: every statement gets the query timeout, every
 * connection a network (socket) timeout slightly above it, and every transaction is either
 * committed whole or rolled back, so a failure never leaves a half-written record. Failures are
 * reported as {@link HistoryUnavailableException} naming the operation.
 *
 * <p>Holds no connection between calls; thread-safe if the {@link DataSource} is.
 */
final class SqlRunner {

  /** Earliest instant bound to SQL; earlier query bounds are clamped (PostgreSQL range). */
  static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** Latest instant bound to SQL; later query bounds are clamped. */
  static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final Executor DIRECT = Runnable::run;
  private static final int NETWORK_MARGIN_MILLIS = 5_000;

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    /**
     * Runs the work.
     *
     * @param connection an open connection; auto-commit is off inside transactions
     * @return the result
     * @throws SQLException on any database error
     */
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final int queryTimeoutSeconds;

  SqlRunner(DataSource dataSource, int queryTimeoutSeconds) {
    this.dataSource = dataSource;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  /**
   * Runs work with auto-commit on (one statement is its own transaction).
   *
   * @param operation the operation, named in errors
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   * @throws HistoryUnavailableException on any database error
   */
  <T> T autoCommit(StoreOperation operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      int previous = limitNetworkWait(c);
      boolean autoCommit = c.getAutoCommit();
      try {
        if (!autoCommit) {
          c.setAutoCommit(true);
        }
        return work.run(c);
      } finally {
        restoreQuietly(c, autoCommit, previous);
      }
    } catch (SQLException | RuntimeException e) {
      throw new HistoryUnavailableException(operation, explained(e));
    }
  }

  /**
   * Runs work in one transaction: committed when the work returns, rolled back when it throws.
   * Work may roll back itself (for example after a lost race) and return normally.
   *
   * @param operation the operation, named in errors
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   * @throws HistoryUnavailableException on any database error, after rolling back
   */
  <T> T transaction(StoreOperation operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      int previous = limitNetworkWait(c);
      boolean autoCommit = c.getAutoCommit();
      try {
        c.setAutoCommit(false);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        restoreQuietly(c, autoCommit, previous);
      }
    } catch (SQLException | RuntimeException e) {
      throw new HistoryUnavailableException(operation, explained(e));
    }
  }

  /**
   * Prepares a statement with the query timeout.
   *
   * @param c the connection
   * @param sql the statement text
   * @return the prepared statement; the caller closes it
   * @throws SQLException on a database error
   */
  PreparedStatement prepare(Connection c, String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setQueryTimeout(queryTimeoutSeconds);
    return ps;
  }

  /**
   * Runs a statement whose one parameter is a key.
   *
   * @param c the connection
   * @param sql the statement text, one {@code ?}
   * @param key the key
   * @return the number of rows changed
   * @throws SQLException on a database error
   */
  int updateByKey(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql)) {
      ps.setString(1, key);
      return ps.executeUpdate();
    }
  }

  /**
   * Creates a plain statement (for DDL) with the query timeout.
   *
   * @param c the connection
   * @return the statement; the caller closes it
   * @throws SQLException on a database error
   */
  Statement statement(Connection c) throws SQLException {
    Statement st = c.createStatement();
    st.setQueryTimeout(queryTimeoutSeconds);
    return st;
  }

  /**
   * Binds an instant as {@code TIMESTAMP WITH TIME ZONE} in UTC, truncated to microseconds and
   * clamped to years 1 to 9999.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param instant the instant; not null
   * @throws SQLException on a driver error
   */
  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(
        index,
        OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC),
        Types.TIMESTAMP_WITH_TIMEZONE);
  }

  /**
   * The instant as the database stores and compares it: clamped to the portable timestamp range
   * and truncated to microseconds.
   */
  static Instant storable(Instant instant) {
    Instant clamped =
        instant.isBefore(MIN_INSTANT)
            ? MIN_INSTANT
            : instant.isAfter(MAX_INSTANT) ? MAX_INSTANT : instant;
    return clamped.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Binds a string or SQL {@code NULL}.
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the value, or null
   * @throws SQLException on a driver error
   */
  static void setNullableString(PreparedStatement ps, int index, String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /**
   * Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant.
   *
   * @param rs the result set
   * @param column the column index
   * @return the instant
   * @throws SQLException on a driver error
   */
  static Instant getInstant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private int limitNetworkWait(Connection c) throws SQLException {
    try {
      int previous = c.getNetworkTimeout();
      c.setNetworkTimeout(DIRECT, queryTimeoutSeconds * 1000 + NETWORK_MARGIN_MILLIS);
      return previous;
    } catch (SQLFeatureNotSupportedException | UnsupportedOperationException e) {
      return -1;
    }
  }

  private static void restoreNetworkWait(Connection c, int previous) throws SQLException {
    if (previous >= 0 && !c.isClosed()) {
      c.setNetworkTimeout(DIRECT, previous);
    }
  }

  private static void rollbackQuietly(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  /**
   * The failure as the caller should read it: a missing table says what to do about it (the
   * gate's one warning per incident shows this text).
   */
  private static Exception explained(Exception e) {
    if (e instanceof SQLException s && SqlStates.isMissingTable(s)) {
      return new SQLException("npskit's tables do not exist: call JdbcContactHistory.createSchema()"
          + " or apply the schema migration first; an in-memory H2 database also needs"
          + " DB_CLOSE_DELAY=-1 or a pool that keeps a connection open, else it is dropped with its"
          + " last connection (" + s.getMessage() + ")", s.getSQLState(), s.getErrorCode(), s);
    }
    return e;
  }

  private static void restoreQuietly(Connection c, boolean autoCommit, int networkTimeout) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(autoCommit);
        restoreNetworkWait(c, networkTimeout);
      }
    } catch (SQLException ignored) {
      // The connection is broken; closing it is all that is left to do.
    }
  }
}
