package org.npskit.policy.jdbc;

/**
 * The SQL dialect in which a {@link JdbcContactHistory} writes a survey. Both write the same rows
 * with the same atomicity (all or nothing, a lost race writes nothing); they differ in round
 * trips. Everything else the store does is portable SQL whatever the dialect.
 *
 * <p>Set one with {@link JdbcContactHistory.Builder#dialect(JdbcDialect)}; without it the store
 * asks the database for its product name once, on its first survey commit, and keeps the answer:
 * {@code PostgreSQL} (any case) selects {@link #POSTGRESQL}, any other name {@link #PORTABLE}.
 */
public enum JdbcDialect {

  /**
   * Portable SQL, for every supported database: a survey is a transaction of one statement per
   * claimed version and one for the decision. A survey costs four round trips (load, customer
   * version, decision, {@code COMMIT}; five with an account), a skip two (load, decision).
   */
  PORTABLE,

  /**
   * PostgreSQL: a survey is one statement whose data-modifying {@code WITH} queries claim the
   * versions and insert the decision. A survey costs two round trips (load, statement; three with
   * an account: the {@code COMMIT}), a skip two. On a database that does not speak PostgreSQL's
   * SQL every survey commit fails with {@link
   * org.npskit.policy.spi.HistoryUnavailableException}.
   */
  POSTGRESQL;

  /**
   * The dialect of a database product, as {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
   * names it.
   *
   * @param productName the product name, or null
   * @return {@link #POSTGRESQL} for {@code PostgreSQL} in any case, else {@link #PORTABLE}
   */
  static JdbcDialect ofProductName(String productName) {
    return "PostgreSQL".equalsIgnoreCase(productName) ? POSTGRESQL : PORTABLE;
  }
}
