package org.npskit.policy.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.npskit.policy.spi.StoreOperation;

/**
 * The store's schema: the versioned DDL, one script per version shipped as the resources {@code
 * schema-v1.sql} (the tables of version 1) to {@value #RESOURCE} (each the changes from the
 * version before, so a database of an older version is upgraded in place), rendered for one
 * validated table prefix, its creation and the record of installed versions in {@code
 * <prefix>schema_version}.
 *
 * <p>Creation runs the script of every version not recorded yet, in version order, every DDL
 * statement ({@code ... IF NOT EXISTS}) auto-committed on its own, and records each version after
 * its script; a statement that fails is run once more, because the loser of two processes
 * creating the same table at once sees a duplicate although the table is there, and a creation
 * that fails all the same (a racing process upgrading the same table) is run again, up to
 * {@value #CREATE_ATTEMPTS} times. A version row is inserted only when missing, and a duplicate
 * from a racing process counts as done. Within one JVM, creations run one at a time.
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class JdbcSchema {

  /** The schema version this library writes and reads. */
  static final int VERSION = 2;

  /** Class-path location of the DDL script of {@link #VERSION}: the changes from version 1. */
  static final String RESOURCE = "/org/npskit/policy/jdbc/schema-v2.sql";

  private static final String PLACEHOLDER = "${prefix}";

  /** How often {@link #create()} runs the missing versions before it fails. */
  private static final int CREATE_ATTEMPTS = 5;

  /** How long a claim to install a version holds before it counts as a crashed process's. */
  private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

  private static final long CLAIM_POLL_MILLIS = 50;

  /** The rendered script of each version, index 0 for version 1. */
  private final List<String> scripts;
  private final SqlRunner runner;
  private final String highestVersion;
  private final String versionExists;
  private final String insertVersion;
  private final String deleteClaim;
  private final String deleteStaleClaim;

  private JdbcSchema(String prefix, List<String> scripts, SqlRunner runner) {
    this.scripts = List.copyOf(scripts);
    this.runner = runner;
    String versions = prefix + "schema_version";
    this.highestVersion = "SELECT MAX(version) FROM " + versions;
    this.versionExists = "SELECT COUNT(*) FROM " + versions + " WHERE version = ?";
    this.insertVersion = "INSERT INTO " + versions + " (version, installed_at) VALUES (?, ?)";
    this.deleteClaim = "DELETE FROM " + versions + " WHERE version = ?";
    this.deleteStaleClaim = "DELETE FROM " + versions + " WHERE version = ? AND installed_at < ?";
  }

  /**
   * Loads the DDL and renders it for the prefix.
   *
   * @param prefix the table prefix; validated here
   * @param runner runs the DDL and the version statements
   * @return the schema of that prefix
   * @throws IllegalArgumentException when the prefix is not a valid identifier prefix
   */
  static JdbcSchema forPrefix(String prefix, SqlRunner runner) {
    SqlIdentifiers.requireValidPrefix(prefix);
    List<String> scripts = new ArrayList<>();
    for (int version = 1; version <= VERSION; version++) {
      scripts.add(template(version).replace(PLACEHOLDER, prefix));
    }
    return new JdbcSchema(prefix, scripts, runner);
  }

  /**
   * The class-path location of the script of a version.
   *
   * @param version 1 to {@link #VERSION}
   * @return the resource path
   */
  static String resource(int version) {
    return "/org/npskit/policy/jdbc/schema-v" + version + ".sql";
  }

  private static String template(int version) {
    String resource = resource(version);
    try (InputStream in =
        Objects.requireNonNull(
            JdbcSchema.class.getResourceAsStream(resource), "schema resource " + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * Returns the whole rendered DDL, every version's script in order, comments included.
   *
   * @return the DDL text
   */
  String script() {
    return String.join("\n", scripts);
  }

  /**
   * Returns the rendered script of one version, comments included.
   *
   * @param version 1 to {@link #VERSION}
   * @return the DDL text of that version
   */
  String script(int version) {
    return scripts.get(version - 1);
  }

  /**
   * Returns the executable statements of every version: the scripts without comment lines, split
   * on {@code ;}.
   *
   * @return the statements in order, without the trailing semicolons
   */
  List<String> statements() {
    List<String> statements = new ArrayList<>();
    for (int version = 1; version <= VERSION; version++) {
      statements.addAll(statements(version));
    }
    return List.copyOf(statements);
  }

  /**
   * Returns the executable statements of one version's script.
   *
   * @param version 1 to {@link #VERSION}
   * @return the statements in order, without the trailing semicolons
   */
  List<String> statements(int version) {
    String script = script(version);
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String part : withoutComments.toString().split(";")) {
      if (!part.isBlank()) {
        statements.add(part.strip());
      }
    }
    return List.copyOf(statements);
  }

  /**
   * Creates what does not exist yet, upgrades an older schema in place, and records every version
   * up to {@link #VERSION}. Idempotent; safe from several processes at once.
   *
   * @throws org.npskit.policy.spi.HistoryUnavailableException if the database refuses the DDL
   */
  void create() {
    // One creation at a time in this JVM: H2 adds a column by rebuilding the table, and sessions
    // adding the same column at once find the table gone for a moment. Across processes the
    // attempts below settle it (PostgreSQL queues an ALTER TABLE behind another).
    synchronized (JdbcSchema.class) {
      createOnOneConnection();
    }
  }

  private void createOnOneConnection() {
    // One connection for every statement: an in-memory database that lives as long as its last
    // connection (H2's jdbc:h2:mem:NAME without DB_CLOSE_DELAY) keeps what was created.
    runner.autoCommit(StoreOperation.CREATE_SCHEMA, c -> {
      for (int attempt = 1; ; attempt++) {
        try {
          createMissingVersions(c);
          return null;
        } catch (SQLException e) {
          // A racing process is upgrading the same tables: H2 rebuilds a table to add a
          // column, so for a moment another process sees it locked or even missing. Every step
          // is idempotent and the versions done are recorded, so running again settles it.
          if (attempt == CREATE_ATTEMPTS) {
            throw e;
          }
        }
      }
    });
  }

  /**
   * Runs the script of every version not recorded yet, in version order, and records it. A
   * recorded version's script does not run again: a later version changes existing tables
   * ({@code ALTER TABLE} copies the table on H2 and locks it on PostgreSQL), which must not
   * happen on every start.
   *
   * <p>Version 1 only creates what is missing ({@code IF NOT EXISTS}), so processes may run it at
   * once. A later version changes tables, and two H2 sessions adding the same column at once can
   * lose the table; so one process at a time runs it: it first claims the version with a row of
   * its own in the version table (the negated version number; the primary key admits one), and
   * the others wait until the version is recorded. A claim older than {@link #CLAIM_TIMEOUT} is
   * taken to be a crashed process's and is taken over.
   */
  private void createMissingVersions(Connection c) throws SQLException {
    for (int version = 1; version <= VERSION; version++) {
      if (isRecorded(c, version)) {
        continue;
      }
      if (version > 1 && !claim(c, version)) {
        awaitRecorded(c, version);
        continue;
      }
      try {
        for (String statement : statements(version)) {
          executeDdl(c, statement);
        }
        recordVersion(c, version);
      } finally {
        if (version > 1) {
          release(c, version);
        }
      }
    }
  }

  /** Claims the upgrade to {@code version}; false when another process holds a live claim. */
  private boolean claim(Connection c, int version) throws SQLException {
    for (int attempt = 0; attempt < 2; attempt++) {
      try (PreparedStatement ps = runner.prepare(c, insertVersion)) {
        ps.setInt(1, -version);
        SqlRunner.setInstant(ps, 2, Instant.now());
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (!SqlStates.isUniqueViolation(e)) {
          throw e;
        }
      }
      try (PreparedStatement ps = runner.prepare(c, deleteStaleClaim)) {
        ps.setInt(1, -version);
        SqlRunner.setInstant(ps, 2, Instant.now().minus(CLAIM_TIMEOUT));
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
    }
    return false;
  }

  private void release(Connection c, int version) throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, deleteClaim)) {
      ps.setInt(1, -version);
      ps.executeUpdate();
    }
  }

  /** Waits until the claiming process recorded {@code version}, at most {@link #CLAIM_TIMEOUT}. */
  private void awaitRecorded(Connection c, int version) throws SQLException {
    Instant deadline = Instant.now().plus(CLAIM_TIMEOUT);
    while (!isRecorded(c, version)) {
      if (Instant.now().isAfter(deadline)) {
        throw new SQLException("schema version " + version + " was claimed by another process"
            + " that did not install it within " + CLAIM_TIMEOUT);
      }
      try {
        Thread.sleep(CLAIM_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for schema version " + version, e);
      }
    }
  }

  /**
   * The highest installed version.
   *
   * @return the version, or empty if the schema was never created
   * @throws org.npskit.policy.spi.HistoryUnavailableException if the database cannot be read
   */
  OptionalInt installedVersion() {
    return runner.autoCommit(
        StoreOperation.READ_SCHEMA_VERSION,
        c -> {
          try (PreparedStatement ps = runner.prepare(c, highestVersion);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
          } catch (SQLException e) {
            if (SqlStates.isMissingTable(e)) {
              return OptionalInt.empty();
            }
            throw e;
          }
        });
  }

  private void executeDdl(Connection c, String statement) throws SQLException {
    try (Statement st = runner.statement(c)) {
      st.execute(statement);
    } catch (SQLException e) {
      // Two processes creating the same table at once: the loser sees a duplicate; the
      // statement is idempotent, so running it again settles it.
      try (Statement st = runner.statement(c)) {
        st.execute(statement);
      } catch (SQLException again) {
        again.addSuppressed(e);
        throw again;
      }
    }
  }

  /** Whether the version is recorded; false on a database without the version table. */
  private boolean isRecorded(Connection c, int version) throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, versionExists)) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      if (SqlStates.isMissingTable(e)) {
        return false;
      }
      throw e;
    }
  }

  private void recordVersion(Connection c, int version) throws SQLException {
    if (isRecorded(c, version)) {
      return;
    }
    try (PreparedStatement ps = runner.prepare(c, insertVersion)) {
      ps.setInt(1, version);
      SqlRunner.setInstant(ps, 2, Instant.now());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!SqlStates.isUniqueViolation(e)) {
        throw e;
      }
    }
  }
}
