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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.npskit.policy.spi.StoreOperation;

/**
 * The store's schema: the versioned DDL shipped as the resource {@value #RESOURCE}, rendered for
 * one validated table prefix, its creation and the record of installed versions in {@code
 * <prefix>schema_version}.
 *
 * <p>Creation runs every DDL statement ({@code ... IF NOT EXISTS}) auto-committed on its own; a
 * statement that fails is run once more, because the loser of two processes creating the same
 * table at once sees a duplicate although the table is there. The version row is inserted only
 * when missing, and a duplicate from a racing process counts as done.
 *
 * <p>Immutable; thread-safe if the runner's data source is.
 */
final class JdbcSchema {

  /** The schema version this library writes and reads. */
  static final int VERSION = 1;

  /** Class-path location of the DDL script of {@link #VERSION}. */
  static final String RESOURCE = "/org/npskit/policy/jdbc/schema-v" + VERSION + ".sql";

  private static final String PLACEHOLDER = "${prefix}";

  private final String script;
  private final SqlRunner runner;
  private final String highestVersion;
  private final String versionExists;
  private final String insertVersion;

  private JdbcSchema(String prefix, String script, SqlRunner runner) {
    this.script = script;
    this.runner = runner;
    String versions = prefix + "schema_version";
    this.highestVersion = "SELECT MAX(version) FROM " + versions;
    this.versionExists = "SELECT COUNT(*) FROM " + versions + " WHERE version = ?";
    this.insertVersion = "INSERT INTO " + versions + " (version, installed_at) VALUES (?, ?)";
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
    try (InputStream in =
        Objects.requireNonNull(
            JdbcSchema.class.getResourceAsStream(RESOURCE), "schema resource " + RESOURCE)) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new JdbcSchema(prefix, template.replace(PLACEHOLDER, prefix), runner);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Returns the whole rendered script, comments included.
   *
   * @return the DDL text
   */
  String script() {
    return script;
  }

  /**
   * Returns the executable statements: the script without comment lines, split on {@code ;}.
   *
   * @return the statements in order, without the trailing semicolons
   */
  List<String> statements() {
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
   * Creates what does not exist yet and records {@link #VERSION}. Idempotent; safe from several
   * processes at once.
   *
   * @throws org.npskit.policy.spi.HistoryUnavailableException if the database refuses the DDL
   */
  void create() {
    // One connection for every statement: an in-memory database that lives as long as its last
    // connection (H2's jdbc:h2:mem:NAME without DB_CLOSE_DELAY) keeps what was created.
    runner.autoCommit(StoreOperation.CREATE_SCHEMA, c -> {
      for (String statement : statements()) {
        executeDdl(c, statement);
      }
      return recordVersion(c);
    });
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

  private Void executeDdl(Connection c, String statement) throws SQLException {
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
    return null;
  }

  private Void recordVersion(Connection c) throws SQLException {
    try (PreparedStatement ps = runner.prepare(c, versionExists)) {
      ps.setInt(1, VERSION);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return null;
        }
      }
    }
    try (PreparedStatement ps = runner.prepare(c, insertVersion)) {
      ps.setInt(1, VERSION);
      SqlRunner.setInstant(ps, 2, Instant.now());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!SqlStates.isUniqueViolation(e)) {
        throw e;
      }
    }
    return null;
  }
}
