package org.npskit.policy.jdbc;

import org.npskit.policy.spi.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that picks a store's {@link CommitStrategy}, once: from the dialect the builder
 * was given, at construction (no database access), or else from the database's product name,
 * read on the first {@link #get()} and kept for the store's life. A detection that fails (the
 * database is down) keeps nothing: that commit fails with {@link
 * org.npskit.policy.spi.HistoryUnavailableException} naming {@code commit}, and the next one asks
 * again. Concurrent first callers wait for one detection.
 *
 * <p>Thread-safe.
 */
final class CommitStrategyChoice {
  private static final Logger LOG = LoggerFactory.getLogger(CommitStrategyChoice.class);

  private final SqlRunner runner;
  private final SqlText sql;
  private final VersionTokens tokens;
  private final Object detection = new Object();
  private volatile CommitStrategy chosen;

  /**
   * Chooses now if the dialect is known, else on first use.
   *
   * @param dialect the configured dialect, or null to detect it
   * @param runner runs the detection and the commits
   * @param sql the store's statements
   * @param tokens the store's version tokens
   */
  CommitStrategyChoice(JdbcDialect dialect, SqlRunner runner, SqlText sql, VersionTokens tokens) {
    this.runner = runner;
    this.sql = sql;
    this.tokens = tokens;
    this.chosen = dialect == null ? null : strategyFor(dialect);
  }

  /**
   * The strategy, detecting the dialect first if it is not known yet.
   *
   * @return the store's strategy, the same on every call once chosen
   * @throws org.npskit.policy.spi.HistoryUnavailableException if the detection cannot reach the
   *     database
   */
  CommitStrategy get() {
    CommitStrategy strategy = chosen;
    if (strategy != null) {
      return strategy;
    }
    synchronized (detection) {
      if (chosen == null) {
        chosen = strategyFor(detect());
      }
      return chosen;
    }
  }

  private JdbcDialect detect() {
    String product =
        runner.autoCommit(
            StoreOperation.COMMIT, c -> c.getMetaData().getDatabaseProductName());
    JdbcDialect dialect = JdbcDialect.ofProductName(product);
    LOG.debug("database product '{}': survey commits use dialect {}", product, dialect);
    return dialect;
  }

  private CommitStrategy strategyFor(JdbcDialect dialect) {
    return switch (dialect) {
      case PORTABLE -> new PortableCommit(runner, sql, tokens);
      case POSTGRESQL -> new PostgresCommit(runner, sql, tokens);
    };
  }
}
