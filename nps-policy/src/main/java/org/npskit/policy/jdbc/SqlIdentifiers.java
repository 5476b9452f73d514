package org.npskit.policy.jdbc;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validation of the configurable parts of SQL identifiers. The table prefix is the only text that
 * is ever spliced into SQL; everything else is a bound parameter.
 *
 * <p>Stateless; thread-safe.
 */
final class SqlIdentifiers {

  /**
   * Lower-case letters, digits and underscores, starting with a letter, at most 40 characters, so
   * that prefix plus the longest table or index name stays within PostgreSQL's 63-character limit
   * and unquoted identifiers mean the same table on PostgreSQL (folds to lower case) and H2 (folds
   * to upper case). The empty prefix is allowed.
   */
  static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,39})?");

  private SqlIdentifiers() {}

  /**
   * Returns the prefix when it matches {@link #PREFIX}.
   *
   * @param prefix the configured prefix; not null
   * @return the same prefix
   * @throws IllegalArgumentException when it does not match the pattern
   */
  static String requireValidPrefix(String prefix) {
    Objects.requireNonNull(prefix, "tablePrefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "tablePrefix must match %s (lower-case letters, digits, '_', starting with a letter,"
                  + " at most 40 characters), got '%s'",
              PREFIX.pattern(),
              prefix));
    }
    return prefix;
  }
}
