package org.npskit.policy.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The versioned DDL shipped as the resource {@code org/npskit/policy/jdbc/schema-v1.sql}, rendered
 * for one validated table prefix.
 *
 * <p>Immutable; thread-safe.
 */
final class JdbcSchema {

  /** The schema version this library writes and reads. */
  static final int VERSION = 1;

  /** Class-path location of the DDL script of {@link #VERSION}. */
  static final String RESOURCE = "/org/npskit/policy/jdbc/schema-v" + VERSION + ".sql";

  private static final String PLACEHOLDER = "${prefix}";

  private final String script;

  private JdbcSchema(String script) {
    this.script = script;
  }

  /**
   * Loads the DDL and renders it for the prefix.
   *
   * @param prefix a prefix already checked by {@link SqlIdentifiers#requireValidPrefix(String)}
   * @return the rendered schema
   */
  static JdbcSchema forPrefix(String prefix) {
    SqlIdentifiers.requireValidPrefix(prefix);
    try (InputStream in =
        Objects.requireNonNull(
            JdbcSchema.class.getResourceAsStream(RESOURCE), "schema resource " + RESOURCE)) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new JdbcSchema(template.replace(PLACEHOLDER, prefix));
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
}
