package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * A {@link ContactHistory} in a relational database reached through a {@link DataSource}, shared
 * by any number of threads and processes (tested on PostgreSQL and H2).
 *
 * <p><b>Atomicity across processes.</b> {@link #load} reads everything a decision needs as one
 * consistent snapshot in one round trip. {@link #commit} of a survey is all or nothing: it writes
 * the survey only if the customer's (and the account's) versions are still those of the
 * snapshot, and the order id was not decided before; a concurrent writer that got there first
 * makes it return {@code false} with nothing written, and the gate reloads and decides again. Two
 * deciders never deadlock on each other (a deadlock the database reports anyway counts as a lost
 * race). A skip only claims the order id; a version-checked skip (a policy that counts decided
 * orders: a relationship trigger) also claims the customer's version, the way a survey does, so a
 * survey decided on a count that misses it loses. The other writes ({@link #cancel}, {@link
 * #recordResponse}, {@link #setOptedOut}, {@link #eraseCustomer}) are each one transaction that
 * changes the versions it touches, so a survey decided on a snapshot from before them loses.
 *
 * <p><b>Dialect.</b> The survey commit (and the version-checked skip) is written in a {@link
 * JdbcDialect}: set it on the builder ({@link Builder#dialect}), or let the store ask the
 * database for its product name once, on its first such commit, and keep the answer ({@code PostgreSQL} selects {@link
 * JdbcDialect#POSTGRESQL}, anything else {@link JdbcDialect#PORTABLE}). Building never touches
 * the database; a detection that fails is not kept (that commit throws, the next asks again).
 *
 * <p><b>Schema.</b> Tables {@code <prefix>schema_version}, {@code <prefix>customer}, {@code
 * <prefix>account}, {@code <prefix>decision} and {@code <prefix>response} of schema version
 * {@value #SCHEMA_VERSION}, shipped as the class-path resources {@code
 * org/npskit/policy/jdbc/schema-v1.sql} (the tables of version 1) and {@value #SCHEMA_RESOURCE}
 * (the changes of version 2), and created, or upgraded in place from version 1, by {@link
 * #createSchema()} ({@code CREATE TABLE IF NOT EXISTS}, {@code ALTER TABLE ... ADD COLUMN IF NOT
 * EXISTS}). The prefix (default
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

  /**
   * Class-path location of the DDL of {@link #SCHEMA_VERSION}, with a {@code ${prefix}} token:
   * the changes from the version before, run after the scripts of the earlier versions ({@code
   * schema-v1.sql} and so on, beside it); {@link #schemaDdl()} returns them all, in order.
   */
  public static final String SCHEMA_RESOURCE = JdbcSchema.RESOURCE;

  /** The default table prefix. */
  public static final String DEFAULT_TABLE_PREFIX = "npskit_";

  /** The longest order, customer, account id and SKU the schema stores. */
  public static final int MAX_ID_LENGTH = StorableIds.MAX_LENGTH;

  private final String tablePrefix;
  private final Duration queryTimeout;
  private final SqlText sql;
  private final SqlRunner runner;
  private final JdbcSchema schema;
  private final SnapshotLoader snapshots;
  private final BatchedPurge purge;
  private final CustomerErasure erasure;
  private final SurveyCancel cancels;
  private final CustomerUpsert customers;
  private final CommitStrategyChoice surveyCommits;

  private JdbcContactHistory(Builder builder) {
    this.tablePrefix = builder.tablePrefix;
    this.queryTimeout = builder.queryTimeout;
    this.sql = SqlText.forPrefix(tablePrefix);
    this.runner = new SqlRunner(builder.dataSource, (int) queryTimeout.toSeconds());
    this.schema = JdbcSchema.forPrefix(tablePrefix, runner);
    this.snapshots = new SnapshotLoader(runner, sql);
    this.purge = new BatchedPurge(runner, sql, builder.purgeBatchSize);
    this.erasure = new CustomerErasure(runner, sql);
    this.cancels = new SurveyCancel(runner, sql);
    VersionTokens tokens = new VersionTokens();
    this.customers = new CustomerUpsert(runner, sql, tokens);
    this.surveyCommits = new CommitStrategyChoice(builder.dialect, runner, sql, tokens);
  }

  /**
   * Starts a builder for a store on the data source.
   *
   * @param dataSource where connections come from (ideally a pool); not null
   * @return a new builder with the defaults: prefix {@value #DEFAULT_TABLE_PREFIX}, query timeout
   *     2 s, purge batches of 1,000 rows, dialect detected
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Creates the tables and indexes if they do not exist, upgrades a schema of an earlier version
   * in place (every table and row kept: version 2 adds a column), and records each schema
   * version. Safe to call on every start, from several processes at once.
   *
   * @throws HistoryUnavailableException if the database refuses the DDL
   */
  public void createSchema() {
    schema.create();
  }

  /**
   * The schema version installed in the database.
   *
   * @return the highest installed version, or empty if the schema was never created
   * @throws HistoryUnavailableException if the database cannot be read
   */
  public OptionalInt installedSchemaVersion() {
    return schema.installedVersion();
  }

  /**
   * The DDL this store would run, rendered for its prefix (for review or a migration tool): the
   * script of each schema version in order (version 1 creates the tables, each later one changes
   * them).
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
    StorableIds.requireReadable(query);
    return snapshots.load(query);
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
    StorableIds.requireStorable(commit);
    return commit.versionChecked()
        ? surveyCommits.get().commitChecked(commit)
        : runner.autoCommit(StoreOperation.COMMIT, c -> commitSkip(c, commit));
  }

  /** A plain skip claims the order id only: one auto-committed insert, one round trip. */
  private boolean commitSkip(Connection c, CommitRequest commit) throws SQLException {
    try {
      DecisionRow.insert(runner, sql, c, commit);
      return true;
    } catch (SQLException e) {
      if (SqlStates.isConflict(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean cancel(String orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return cancels.cancel(orderId);
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
    StorableIds.require(customerId, "customerId");
    customers.write(
        StoreOperation.RECORD_RESPONSE,
        customerId,
        false,
        c -> {
          try (PreparedStatement ps = runner.prepare(c, sql.insertResponse())) {
            ps.setString(1, customerId);
            SqlRunner.setInstant(ps, 2, at);
            ps.executeUpdate();
          }
          return runner.updateByKey(c, sql.bumpCustomer(), customerId);
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
    StorableIds.require(customerId, "customerId");
    customers.write(
        StoreOperation.SET_OPTED_OUT,
        customerId,
        optedOut,
        c -> {
          try (PreparedStatement ps = runner.prepare(c, sql.setOptedOut())) {
            ps.setBoolean(1, optedOut);
            ps.setString(2, customerId);
            return ps.executeUpdate();
          }
        },
        () -> false);
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
    purge.olderThan(olderThan);
  }

  @Override
  public void eraseCustomer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    erasure.erase(customerId);
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
    StorableIds.require(id, name);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "JdbcContactHistory[tablePrefix=%s, queryTimeout=%s, schemaVersion=%d]",
        tablePrefix,
        queryTimeout,
        SCHEMA_VERSION);
  }

  /**
   * Configures a {@link JdbcContactHistory}. Not thread-safe; build once and share the store.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Duration queryTimeout = Duration.ofSeconds(2);
    private int purgeBatchSize = 1_000;
    private JdbcDialect dialect;

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
     * Sets the dialect of the survey commit instead of detecting it. Without this setting the
     * store reads the database's product name once, on its first survey commit, with a
     * connection of its own, and keeps the dialect for its life: {@link JdbcDialect#POSTGRESQL}
     * for {@code PostgreSQL}, {@link JdbcDialect#PORTABLE} for any other name. If the database
     * cannot be reached then, that commit throws {@link HistoryUnavailableException} naming
     * {@code commit} and the next survey commit asks again. Set the dialect to skip the detection,
     * or to use {@link JdbcDialect#PORTABLE} on PostgreSQL.
     *
     * @param dialect the dialect; not null
     * @return this builder
     * @throws NullPointerException if {@code dialect} is null
     */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Builds the store. Does not touch the database (not even to detect the dialect); call
     * {@link #createSchema()} (or apply the DDL with a migration tool) before the first use.
     *
     * @return the store
     */
    public JdbcContactHistory build() {
      return new JdbcContactHistory(this);
    }
  }
}
