package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/**
 * Schema creation on H2: a DDL statement that fails once is run again, within the timeout; a
 * creation that fails all the same (a racing upgrade) is run again, the versions done skipped.
 */
class JdbcSchemaTest {

  /**
   * Plain statements whose first execution fails (or the first {@code failures} executions of
   * the statements containing {@code failing}), recording every query timeout set.
   */
  private static final class FlakyDdl implements SimpleDataSource {
    private final DataSource target = H2ContactHistoryTest.freshH2();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final List<Integer> executedWithTimeout = new CopyOnWriteArrayList<>();
    private final String failing;
    private final AtomicInteger failures;

    FlakyDdl() {
      this(null, 0);
    }

    FlakyDdl(String failing, int failures) {
      this.failing = failing;
      this.failures = new AtomicInteger(failures);
      if (failing != null) {
        failed.set(true);
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection physical = target.getConnection();
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) ->
                  method.getName().equals("createStatement")
                      ? flaky(physical.createStatement())
                      : invoke(method, physical, args));
    }

    /** A statement that fails its first execution in this data source. */
    private Statement flaky(Statement real) {
      int[] timeout = {0};
      return (Statement)
          Proxy.newProxyInstance(
              Statement.class.getClassLoader(),
              new Class<?>[] {Statement.class},
              (proxy, method, args) -> {
                if (method.getName().equals("setQueryTimeout")) {
                  timeout[0] = (Integer) args[0];
                }
                if (method.getName().equals("execute")) {
                  executedWithTimeout.add(timeout[0]);
                  if (failed.compareAndSet(false, true)) {
                    throw new SQLException("table exists (injected)", "42S01");
                  }
                  if (failing != null && ((String) args[0]).contains(failing)
                      && failures.getAndDecrement() > 0) {
                    throw new SQLException("table locked by a racing upgrade (injected)",
                        "HYT00");
                  }
                }
                return invoke(method, real, args);
              });
    }

    private static Object invoke(Method m, Object target, Object[] args)
        throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Test
  void aDdlStatementThatFailsOnceIsRunAgainWithTheQueryTimeout() {
    FlakyDdl ds = new FlakyDdl();
    JdbcContactHistory store =
        JdbcContactHistory.builder(ds).queryTimeout(Duration.ofSeconds(3)).build();

    store.createSchema();

    assertThat(ds.failed).isTrue();
    assertThat(store.installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION);
    int ddl = JdbcSchema.forPrefix("npskit_", null).statements().size();
    assertThat(ds.executedWithTimeout).hasSize(ddl + 1).containsOnly(3);
  }

  @Test
  void aCreationThatFailsIsRunAgainWithoutTheVersionsAlreadyRecorded() {
    // The upgrade statement fails four times (twice per attempt): the third attempt runs it.
    FlakyDdl ds = new FlakyDdl("ADD COLUMN", 4);
    JdbcContactHistory store = JdbcContactHistory.builder(ds).build();

    store.createSchema();

    assertThat(store.installedSchemaVersion()).hasValue(JdbcContactHistory.SCHEMA_VERSION);
    int version1 = JdbcSchema.forPrefix("npskit_", null).statements(1).size();
    // Version 1's statements ran once: it was recorded before the first failure.
    assertThat(ds.executedWithTimeout).hasSize(version1 + 5);
  }

  @Test
  void aCreationThatKeepsFailingGivesUpAfterFiveAttempts() {
    FlakyDdl ds = new FlakyDdl("ADD COLUMN", Integer.MAX_VALUE);
    JdbcContactHistory store = JdbcContactHistory.builder(ds).build();

    assertThatThrownBy(store::createSchema)
        .isInstanceOf(HistoryUnavailableException.class)
        .hasMessageContaining("racing upgrade")
        .satisfies(e -> assertThat(((HistoryUnavailableException) e).operation())
            .isEqualTo(StoreOperation.CREATE_SCHEMA));
    assertThat(store.installedSchemaVersion()).hasValue(1);
    int version1 = JdbcSchema.forPrefix("npskit_", null).statements(1).size();
    assertThat(ds.executedWithTimeout).hasSize(version1 + 10);
  }

  /** What another process leaves while it installs version 2: a claim row, no version row. */
  private static void claimedByAnotherProcess(DataSource ds, String claimedAt) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM npskit_schema_version WHERE version = 2");
      st.executeUpdate("INSERT INTO npskit_schema_version (version, installed_at) VALUES (-2, "
          + claimedAt + ")");
    }
  }

  private static List<Integer> versionRows(DataSource ds) throws SQLException {
    List<Integer> rows = new java.util.ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery(
            "SELECT version FROM npskit_schema_version ORDER BY version")) {
      while (rs.next()) {
        rows.add(rs.getInt(1));
      }
    }
    return rows;
  }

  @Test
  void anUpgradeClaimedByAnotherProcessIsWaitedForNotRunTwice() throws Exception {
    DataSource ds = H2ContactHistoryTest.freshH2();
    JdbcContactHistory.builder(ds).build().createSchema();
    claimedByAnotherProcess(ds, "CURRENT_TIMESTAMP");
    Thread second = new Thread(() -> JdbcContactHistory.builder(ds).build().createSchema());
    second.start();
    second.join(500);
    // It waits for the claiming process instead of altering the table beside it.
    assertThat(second.isAlive()).isTrue();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO npskit_schema_version (version, installed_at)"
          + " VALUES (2, CURRENT_TIMESTAMP)");
      st.executeUpdate("DELETE FROM npskit_schema_version WHERE version = -2");
    }
    second.join(10_000);
    assertThat(second.isAlive()).isFalse();
    assertThat(versionRows(ds)).containsExactly(1, 2);
  }

  @Test
  void aClaimOlderThanTwoMinutesIsACrashedProcesssAndIsTakenOver() throws Exception {
    DataSource ds = H2ContactHistoryTest.freshH2();
    JdbcContactHistory.builder(ds).build().createSchema();
    claimedByAnotherProcess(ds, "DATEADD(MINUTE, -3, CURRENT_TIMESTAMP)");

    JdbcContactHistory.builder(ds).build().createSchema();

    assertThat(versionRows(ds)).containsExactly(1, 2);
  }

  @Test
  void theUpgraderRemovesItsClaim() throws Exception {
    DataSource ds = H2ContactHistoryTest.freshH2();
    JdbcContactHistory.builder(ds).build().createSchema();
    assertThat(versionRows(ds)).containsExactly(1, 2);
  }
}
