package org.npskit.policy.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Wraps a data source and injects failures: refuse every connection, or fail the preparation of
 * any statement whose SQL contains a marker (to break a transaction half-way).
 */
final class FaultyDataSource implements SimpleDataSource {
  private final DataSource target;
  private final AtomicReference<String> failingSql = new AtomicReference<>();
  private volatile boolean down;

  FaultyDataSource(DataSource target) {
    this.target = target;
  }

  /** Every {@code getConnection()} fails from now on, as with a database that is down. */
  void goDown() {
    down = true;
  }

  /** Connections work again. */
  void comeBack() {
    down = false;
    failingSql.set(null);
  }

  /**
   * Preparing any statement containing the marker fails from now on.
   *
   * @param marker a fragment of SQL
   */
  void failStatementsContaining(String marker) {
    failingSql.set(marker);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (down) {
      throw new SQLException("Connection refused (injected)", "08001");
    }
    Connection physical = target.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String marker = failingSql.get();
              if (method.getName().equals("prepareStatement")
                  && marker != null
                  && ((String) args[0]).contains(marker)) {
                throw new SQLException("I/O error (injected) on: " + args[0], "08006");
              }
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
