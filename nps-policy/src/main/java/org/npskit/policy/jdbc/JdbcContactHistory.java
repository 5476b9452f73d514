package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;
import org.npskit.policy.spi.SurveyRecord;

/**
 * A {@link ContactHistory} in a relational database reached through a {@link DataSource}, shared
 * by any number of threads and processes (tested on PostgreSQL and H2; portable SQL only).
 *
 * <p><b>Atomicity across processes.</b> {@link #load} reads everything a decision needs with one
 * statement (one round trip, one consistent snapshot; the account's rows are only queried when the
 * purchase has an account). {@link #commit} of a SURVEY is one
 * transaction: a conditional {@code UPDATE ... SET version = ? WHERE customer_id = ? AND version =
 * ?} of the customer row (for a first-time customer an {@code INSERT} whose primary key makes the
 * second of two racing processes fail), the same for the account, and the {@code INSERT} of the
 * decided order whose primary key is the order id. Any lost race (zero rows updated, duplicate key,
 * serialization failure, deadlock) rolls the whole transaction back and returns {@code false}; the
 * gate then reloads and decides again. Rows are locked in the order customer, account, order,
 * so two deciders do not deadlock on each other (a deadlock the database detects anyway is a
 * lost race). A SKIP commit is a single auto-committed
 * {@code INSERT} of the decided order. On PostgreSQL (detected from the connection metadata) the
 * SURVEY commit is a single statement whose data-modifying {@code WITH} queries claim the versions
 * and feed the decision insert: a SURVEY then costs two round trips (load, commit statement;
 * three with an account: the transaction's {@code COMMIT}), a SKIP two. Elsewhere a SURVEY costs
 * four (load, customer version, decided order, commit; five with an account).
 *
 * <p><b>Schema.</b> Tables {@code <prefix>schema_version}, {@code <prefix>customer}, {@code
 * <prefix>account}, {@code <prefix>decision} and {@code <prefix>response} of schema version
 * {@value #SCHEMA_VERSION}, shipped as the class-path resource {@value #SCHEMA_RESOURCE} and
 * created by {@link #createSchema()} ({@code CREATE TABLE IF NOT EXISTS}). The prefix (default
 * {@value #DEFAULT_TABLE_PREFIX}) is validated against {@code [a-z][a-z0-9_]{0,39}} (or empty) and
 * is the only text ever spliced into SQL; every value is a bound parameter. Instants are stored as
 * {@code TIMESTAMP WITH TIME ZONE} truncated to microseconds.
 *
 * <p><b>Failures.</b> Every statement has the configured query timeout (default 2 s) and every
 * connection a socket timeout 5 s above it, so a hung database cannot block the caller much longer
 * than that (the wait for a connection is the {@link DataSource}'s business: configure its connect
 * or pool timeout). Any database error is thrown as {@link HistoryUnavailableException} naming the
 * operation, after the transaction was rolled back: a survey is never half-written. The gate turns
 * that exception into its store-failure mode and logs it once per incident.
 *
 * <p><b>Version tokens.</b> A new customer or account row starts at a token made of the current
 * time in milliseconds and 20 random bits; every change adds one. Tokens therefore never repeat for
 * a key, even after the row was purged or erased and created again.
 *
 * <p><b>Thread safety.</b> Immutable and thread-safe if the data source is. Use a connection pool
 * in production: every operation borrows one connection and returns it.
 *
 * <p>Null arguments throw {@link NullPointerException}; ids longer than {@value #MAX_ID_LENGTH}
 * characters, or holding U+0000 or an unpaired surrogate, throw {@link IllegalArgumentException}
 * before any SQL runs ({@link #requireStorableId}).
 */
public final class JdbcContactHistory implements ContactHistory {

  /** The schema version this store reads and writes. */
  public static final int SCHEMA_VERSION = JdbcSchema.VERSION;

  /** Class-path location of the DDL of {@link #SCHEMA_VERSION}, with a {@code ${prefix}} token. */
  public static final String SCHEMA_RESOURCE = "/org/npskit/policy/jdbc/schema-v1.sql";

  /** The default table prefix. */
  public static final String DEFAULT_TABLE_PREFIX = "npskit_";

  /** The longest order, customer, account id and SKU the schema stores. */
  public static final int MAX_ID_LENGTH = 255;

  private static final int MAX_UPSERT_ATTEMPTS = 8;

  private final String tablePrefix;
  private final Duration queryTimeout;
  private final int purgeBatchSize;
  private final JdbcSchema schema;
  private final SqlText sql;
  private final SqlRunner runner;
  private final AtomicLong lastInitialVersion = new AtomicLong();
  private volatile Boolean postgres;

  private JdbcContactHistory(Builder builder) {
    this.tablePrefix = builder.tablePrefix;
    this.queryTimeout = builder.queryTimeout;
    this.purgeBatchSize = builder.purgeBatchSize;
    this.schema = JdbcSchema.forPrefix(tablePrefix);
    this.sql = SqlText.forPrefix(tablePrefix);
    this.runner = new SqlRunner(builder.dataSource, (int) queryTimeout.toSeconds());
  }

  /**
   * Starts a builder for a store on the data source.
   *
   * @param dataSource where connections come from (ideally a pool); not null
   * @return a new builder with the defaults: prefix {@value #DEFAULT_TABLE_PREFIX}, query timeout
   *     2 s, purge batches of 1,000 rows
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Creates the tables and indexes if they do not exist and records the schema version. Safe to
   * call on every start, from several processes at once.
   *
   * @throws HistoryUnavailableException if the database refuses the DDL
   */
  public void createSchema() {
    for (String statement : schema.statements()) {
      runner.autoCommit(StoreOperation.CREATE_SCHEMA, c -> executeDdl(c, statement));
    }
    runner.autoCommit(StoreOperation.CREATE_SCHEMA, this::recordSchemaVersion);
  }

  /**
   * The schema version installed in the database.
   *
   * @return the highest installed version, or empty if the schema was never created
   * @throws HistoryUnavailableException if the database cannot be read
   */
  public OptionalInt installedSchemaVersion() {
    return runner.autoCommit(
        StoreOperation.READ_SCHEMA_VERSION,
        c -> {
          try (PreparedStatement ps = runner.prepare(c, sql.schemaVersion());
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
          } catch (SQLException e) {
            if (isMissingTable(e)) {
              return OptionalInt.empty();
            }
            throw e;
          }
        });
  }

  /**
   * The DDL this store would run, rendered for its prefix (for review or a migration tool).
   *
   * @return the DDL script, with comments
   */
  public String schemaDdl() {
    return schema.script();
  }

  /**
   * The table prefix.
   *
   * @return the validated prefix, possibly empty
   */
  public String tablePrefix() {
    return tablePrefix;
  }

  /**
   * The query timeout of every statement.
   *
   * @return the timeout, whole seconds, at least one second
   */
  public Duration queryTimeout() {
    return queryTimeout;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if an id contains U+0000 or an unpaired surrogate (see
   *     {@link #requireStorableId}); longer ids are read, they match nothing
   */
  @Override
  public HistorySnapshot load(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    requireReadable(query.orderId(), "orderId");
    requireReadable(query.customerId(), "customerId");
    requireReadable(query.accountId(), "accountId");
    return runner.autoCommit(StoreOperation.LOAD, c -> load(c, query));
  }

  private static void requireReadable(String id, String name) {
    if (id != null && id.length() <= MAX_ID_LENGTH) {
      requireStorableId(id, name);
    }
  }

  private HistorySnapshot load(Connection c, HistoryQuery q) throws SQLException {
    boolean decided = false;
    boolean optedOut = false;
    long customerVersion = 0L;
    long accountVersion = 0L;
    List<SurveyRecord> customerSurveys = new ArrayList<>();
    List<SurveyRecord> accountSurveys = new ArrayList<>();
    List<Instant> responses = new ArrayList<>();
    boolean withAccount = q.accountId() != null;
    try (PreparedStatement ps =
        runner.prepare(c, withAccount ? sql.loadWithAccount() : sql.load())) {
      int i = 1;
      ps.setString(i++, q.orderId());
      ps.setString(i++, q.customerId());
      ps.setString(i++, q.customerId());
      ps.setString(i++, q.customerId());
      if (withAccount) {
        ps.setString(i++, q.accountId());
        ps.setString(i, q.accountId());
      }
      // Surveys and responses come by key only (see SqlText#load): the range is kept here, with
      // the bounds as the database would have compared them (clamped, in microseconds).
      Instant from = SqlRunner.storable(q.from());
      Instant to = SqlRunner.storable(q.to());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int kind = rs.getInt(1);
          Instant at =
              kind == SqlText.KIND_CUSTOMER_SURVEY
                      || kind == SqlText.KIND_ACCOUNT_SURVEY
                      || kind == SqlText.KIND_RESPONSE
                  ? SqlRunner.getInstant(rs, 5)
                  : null;
          if (at != null && (at.isBefore(from) || at.isAfter(to))) {
            continue;
          }
          switch (kind) {
            case SqlText.KIND_ORDER -> decided = true;
            case SqlText.KIND_CUSTOMER -> {
              customerVersion = rs.getLong(3);
              optedOut = rs.getBoolean(4);
            }
            case SqlText.KIND_ACCOUNT -> accountVersion = rs.getLong(3);
            case SqlText.KIND_CUSTOMER_SURVEY ->
                customerSurveys.add(
                    new SurveyRecord(
                        rs.getString(2), q.customerId(), rs.getString(7), rs.getString(6), at));
            case SqlText.KIND_ACCOUNT_SURVEY ->
                accountSurveys.add(
                    new SurveyRecord(
                        rs.getString(2), rs.getString(7), q.accountId(), rs.getString(6), at));
            case SqlText.KIND_RESPONSE -> responses.add(at);
            default -> throw new SQLException("unexpected row kind " + kind);
          }
        }
      }
    }
    Comparator<SurveyRecord> byTime =
        Comparator.comparing(SurveyRecord::at).thenComparing(SurveyRecord::orderId);
    customerSurveys.sort(byTime);
    accountSurveys.sort(byTime);
    responses.sort(Comparator.naturalOrder());
    return new HistorySnapshot(
        decided,
        optedOut,
        customerSurveys,
        accountSurveys,
        responses,
        customerVersion,
        accountVersion);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if an id or the SKU cannot be stored (longer than {@value
   *     #MAX_ID_LENGTH} characters, U+0000, an unpaired surrogate: {@link #requireStorableId})
   */
  @Override
  public boolean commit(CommitRequest commit) {
    Objects.requireNonNull(commit, "commit");
    requireStorable(commit.orderId(), "orderId");
    requireStorable(commit.customerId(), "customerId");
    requireStorable(commit.accountId(), "accountId");
    commit.surveyRecord().ifPresent(s -> requireStorable(s.sku(), "sku"));
    if (!commit.isSurvey()) {
      return runner.autoCommit(StoreOperation.COMMIT, c -> commitSkip(c, commit));
    }
    if (!singleStatementSurvey()) {
      return runner.transaction(StoreOperation.COMMIT, c -> commit(c, commit));
    }
    // Without an account the single statement claims one version: if it matches no row, nothing
    // changed at all, so it can run auto-committed. With an account, a customer claim that
    // matched must be undone when the account claim did not: one transaction.
    return commit.accountId() == null
        ? runner.autoCommit(StoreOperation.COMMIT, c -> commitSurveyInOneStatement(c, commit))
        : runner.transaction(StoreOperation.COMMIT, c -> commitSurveyInOneStatement(c, commit));
  }

  /** Whether the database is PostgreSQL (detected once, on the first SURVEY commit). */
  private boolean singleStatementSurvey() {
    Boolean known = postgres;
    if (known == null) {
      known =
          runner.autoCommit(
              StoreOperation.COMMIT,
              c -> "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName()));
      postgres = known;
    }
    return known;
  }

  /**
   * PostgreSQL: the version claims run as data-modifying {@code WITH} queries feeding the decision
   * insert, one statement. A claim that matches no row yields no decision row: returns false
   * after rolling back whatever the other claim changed.
   */
  private boolean commitSurveyInOneStatement(Connection c, CommitRequest commit)
      throws SQLException {
    boolean newCustomer = commit.expectedCustomerVersion() == 0L;
    int accountMode =
        commit.accountId() == null
            ? SqlText.ACCOUNT_NONE
            : commit.expectedAccountVersion() == 0L ? SqlText.ACCOUNT_NEW : SqlText.ACCOUNT_KNOWN;
    String statement =
        sql.surveyStatements().get(SqlText.surveyStatementIndex(newCustomer, accountMode));
    try (PreparedStatement ps = runner.prepare(c, statement)) {
      int i = bindClaim(ps, 1, newCustomer, commit.customerId(), commit.expectedCustomerVersion());
      if (accountMode != SqlText.ACCOUNT_NONE) {
        i =
            bindClaim(
                ps,
                i,
                accountMode == SqlText.ACCOUNT_NEW,
                commit.accountId(),
                commit.expectedAccountVersion());
      }
      bindDecision(ps, i, commit);
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

  private int bindClaim(PreparedStatement ps, int index, boolean isNew, String key, long expected)
      throws SQLException {
    if (isNew) {
      ps.setString(index, key);
      ps.setLong(index + 1, initialVersion());
      return index + 2;
    }
    ps.setLong(index, expected + 1);
    ps.setString(index + 1, key);
    ps.setLong(index + 2, expected);
    return index + 3;
  }

  private boolean commit(Connection c, CommitRequest commit) throws SQLException {
    try {
      if (!(claimVersion(
              c,
              sql.updateCustomerVersion(),
              sql.insertCustomer(),
              commit.customerId(),
              commit.expectedCustomerVersion())
          && (commit.accountId() == null
              || claimVersion(
                  c,
                  sql.updateAccountVersion(),
                  sql.insertAccount(),
                  commit.accountId(),
                  commit.expectedAccountVersion())))) {
        c.rollback();
        return false;
      }
      insertDecision(c, commit);
      return true;
    } catch (SQLException e) {
      if (SqlStates.isConflict(e)) {
        c.rollback();
        return false;
      }
      throw e;
    }
  }

  /** A SKIP claims the order id only: one auto-committed insert, one round trip. */
  private boolean commitSkip(Connection c, CommitRequest commit) throws SQLException {
    try {
      insertDecision(c, commit);
      return true;
    } catch (SQLException e) {
      if (SqlStates.isConflict(e)) {
        return false;
      }
      throw e;
    }
  }

  private void insertDecision(Connection c, CommitRequest commit) throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, sql.insertDecision())) {
      bindDecision(ps, 1, commit);
      ps.executeUpdate();
    }
  }

  private static void bindDecision(PreparedStatement ps, int index, CommitRequest commit)
      throws SQLException {
    ps.setString(index, commit.orderId());
    ps.setString(index + 1, commit.customerId());
    SqlRunner.setNullableString(ps, index + 2, commit.accountId());
    SqlRunner.setInstant(ps, index + 3, commit.decidedAt());
    ps.setString(index + 4, commit.isSurvey() ? "SURVEY" : "SKIP");
    SqlRunner.setNullableString(
        ps, index + 5, commit.surveyRecord().map(SurveyRecord::sku).orElse(null));
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
        ps.setLong(2, initialVersion());
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

  /**
   * A fresh version token for a new row: the current time in milliseconds with 20 random bits,
   * and strictly above every token this store issued before, so a key erased and created again
   * never gets an old token back.
   */
  private long initialVersion() {
    long candidate =
        (System.currentTimeMillis() << 20) | ThreadLocalRandom.current().nextLong(1L << 20);
    return lastInitialVersion.accumulateAndGet(
        candidate, (last, next) -> Math.max(last + (1L << 20), next));
  }

  @Override
  public boolean cancel(String orderId) {
    Objects.requireNonNull(orderId, "orderId");
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
          update(c, sql.bumpCustomer(), customerId);
          if (accountId != null) {
            update(c, sql.bumpAccount(), accountId);
          }
          return true;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Recording the same response (customer and instant) twice stores it once.
   *
   * @throws IllegalArgumentException if the id cannot be stored (see {@link #requireStorableId})
   */
  @Override
  public void recordResponse(String customerId, Instant at) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    requireStorable(customerId, "customerId");
    upsertCustomer(
        StoreOperation.RECORD_RESPONSE,
        c -> {
          try (PreparedStatement ps = runner.prepare(c, sql.insertResponse())) {
            ps.setString(1, customerId);
            SqlRunner.setInstant(ps, 2, at);
            ps.executeUpdate();
          }
          if (update(c, sql.bumpCustomer(), customerId) == 0) {
            try (PreparedStatement ps = runner.prepare(c, sql.insertCustomerOptedOut())) {
              ps.setString(1, customerId);
              ps.setLong(2, initialVersion());
              ps.setBoolean(3, false);
              ps.executeUpdate();
            }
          }
          return Boolean.TRUE;
        },
        () -> isResponseRecorded(customerId, at));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the id cannot be stored (see {@link #requireStorableId})
   */
  @Override
  public void setOptedOut(String customerId, boolean optedOut) {
    Objects.requireNonNull(customerId, "customerId");
    requireStorable(customerId, "customerId");
    upsertCustomer(
        StoreOperation.SET_OPTED_OUT,
        c -> {
          int updated;
          try (PreparedStatement ps = runner.prepare(c, sql.setOptedOut())) {
            ps.setBoolean(1, optedOut);
            ps.setString(2, customerId);
            updated = ps.executeUpdate();
          }
          if (updated == 0) {
            try (PreparedStatement ps = runner.prepare(c, sql.insertCustomerOptedOut())) {
              ps.setString(1, customerId);
              ps.setLong(2, initialVersion());
              ps.setBoolean(3, optedOut);
              ps.executeUpdate();
            }
          }
          return Boolean.TRUE;
        },
        () -> false);
  }

  /**
   * Runs a customer write, retrying when a concurrent first insert of the same customer won the
   * race; a duplicate that {@code alreadyDone} recognises ends the loop successfully.
   */
  private void upsertCustomer(
      StoreOperation operation, SqlRunner.Work<Boolean> write, BooleanSupplier done) {
    for (int attempt = 1; ; attempt++) {
      boolean retryable = attempt < MAX_UPSERT_ATTEMPTS;
      boolean written =
          runner.transaction(
              operation,
              c -> {
                try {
                  return write.run(c);
                } catch (SQLException e) {
                  if (retryable && SqlStates.isConflict(e)) {
                    c.rollback();
                    return Boolean.FALSE;
                  }
                  throw e;
                }
              });
      if (written || done.getAsBoolean()) {
        return;
      }
    }
  }

  private boolean isResponseRecorded(String customerId, Instant at) {
    HistorySnapshot snapshot =
        load(new HistoryQuery(customerId, null, "response-check", at, at));
    return !snapshot.customerResponses().isEmpty();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Deletes in batches of the configured size, each batch its own short transaction, so a large
   * backlog never holds long locks. Customer rows that hold neither an opt-out nor any remaining
   * decision or response, and account rows without decisions, are deleted too.
   */
  @Override
  public void purge(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    purgeInBatches(sql.purgeDecisions(), olderThan, false);
    purgeInBatches(sql.purgeResponses(), olderThan, true);
    purgeInBatches(sql.purgeCustomers(), null, false);
    purgeInBatches(sql.purgeAccounts(), null, false);
  }

  private void purgeInBatches(String deleteSql, Instant cutoff, boolean cutoffTwice) {
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
                  ps.setInt(i, purgeBatchSize);
                  return ps.executeUpdate();
                }
              });
    } while (deleted > 0);
  }

  @Override
  public void eraseCustomer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
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
          update(c, sql.eraseDecisions(), customerId);
          update(c, sql.eraseResponses(), customerId);
          update(c, sql.eraseCustomer(), customerId);
          for (String account : accounts) {
            update(c, sql.bumpAccount(), account);
          }
          return null;
        });
  }

  private int update(Connection c, String statement, String key) throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, statement)) {
      ps.setString(1, key);
      return ps.executeUpdate();
    }
  }

  private Void executeDdl(Connection c, String statement) throws SQLException {
    try (var st = c.createStatement()) {
      st.setQueryTimeout((int) queryTimeout.toSeconds());
      st.execute(statement);
    } catch (SQLException e) {
      // Two processes creating the same table at once: the loser sees a duplicate; the
      // statement is idempotent, so running it again settles it.
      try (var st = c.createStatement()) {
        st.execute(statement);
      } catch (SQLException again) {
        again.addSuppressed(e);
        throw again;
      }
    }
    return null;
  }

  private Void recordSchemaVersion(Connection c) throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, sql.schemaVersionExists())) {
      ps.setInt(1, SCHEMA_VERSION);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return null;
        }
      }
    }
    try (PreparedStatement ps = runner.prepare(c, sql.insertSchemaVersion())) {
      ps.setInt(1, SCHEMA_VERSION);
      SqlRunner.setInstant(ps, 2, Instant.now());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!SqlStates.isUniqueViolation(e)) {
        throw e;
      }
    }
    return null;
  }

  private static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return "42P01".equals(state) || "42S02".equals(state) || "42S04".equals(state);
  }

  private static void requireStorable(String id, String name) {
    if (id != null) {
      requireStorableId(id, name);
    }
  }

  /**
   * Checks that an id or SKU can be stored as it is: at most {@value #MAX_ID_LENGTH} characters,
   * no U+0000 (PostgreSQL's text types cannot hold it, so the driver would fail as if the
   * database were down) and no unpaired surrogate (it would be written as {@code ?}, so two
   * different ids could become one).
   *
   * @param id the id; not null
   * @param name what the id is, for the message (e.g. {@code "orderId"})
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException naming {@code name} and the id if it cannot be stored
   */
  public static void requireStorableId(String id, String name) {
    Objects.requireNonNull(id, name);
    String problem = null;
    if (id.length() > MAX_ID_LENGTH) {
      problem = String.format(Locale.ROOT, "must be at most %d characters, was %d characters",
          MAX_ID_LENGTH, id.length());
    } else if (id.indexOf('\u0000') >= 0) {
      problem = "must not contain U+0000";
    } else {
      for (int i = 0; i < id.length() && problem == null; i++) {
        char c = id.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < id.length()
            && Character.isLowSurrogate(id.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          problem = String.format(Locale.ROOT, "must not contain an unpaired surrogate (at %d)",
              i);
        }
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s %s: '%s'", name, problem,
              id.length() > MAX_ID_LENGTH ? id.substring(0, 40) + "..." : id));
    }
  }

  @Override
  public String toString() {
    return "JdbcContactHistory[tablePrefix="
        + tablePrefix
        + ", queryTimeout="
        + queryTimeout
        + ", schemaVersion="
        + SCHEMA_VERSION
        + "]";
  }

  /**
   * Configures a {@link JdbcContactHistory}. Not thread-safe; build once and share the store.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Duration queryTimeout = Duration.ofSeconds(2);
    private int purgeBatchSize = 1_000;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the prefix of every table and index name.
     *
     * @param prefix lower-case letters, digits and {@code _}, starting with a letter, at most 40
     *     characters, or empty; not null
     * @return this builder
     * @throws NullPointerException if {@code prefix} is null
     * @throws IllegalArgumentException if the prefix does not match the pattern
     */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = SqlIdentifiers.requireValidPrefix(prefix);
      return this;
    }

    /**
     * Sets the timeout of every statement. A decision whose statements time out fails like an
     * unreachable database (the gate's store-failure mode applies).
     *
     * @param timeout whole seconds between 1 s and 1 h; not null
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if out of range or not whole seconds
     */
    public Builder queryTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "queryTimeout");
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0
          || timeout.compareTo(Duration.ofHours(1)) > 0
          || timeout.getNano() != 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "queryTimeout must be whole seconds between PT1S and PT1H, was %s",
                timeout));
      }
      this.queryTimeout = timeout;
      return this;
    }

    /**
     * Sets how many rows one {@link JdbcContactHistory#purge} statement deletes at most.
     *
     * @param rows between 1 and 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder purgeBatchSize(int rows) {
      if (rows < 1 || rows > 1_000_000) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "purgeBatchSize must be between 1 and 1000000, was %d", rows));
      }
      this.purgeBatchSize = rows;
      return this;
    }

    /**
     * Builds the store. Does not touch the database; call {@link #createSchema()} (or apply the
     * DDL with a migration tool) before the first use.
     *
     * @return the store
     */
    public JdbcContactHistory build() {
      return new JdbcContactHistory(this);
    }
  }
}
