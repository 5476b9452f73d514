package org.npskit.examples.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A data source that counts what reaches the database: connections opened, statements executed,
 * commits and rollbacks. On PostgreSQL each of these is one round trip (the driver sends an
 * implicit {@code BEGIN} with the first statement of a transaction), so their sum is the number
 * of round trips. Not thread-safe.
 */
final class CountingDataSource extends PlainDataSource {
  private static final Set<String> EXECUTES =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

  private final DataSource source;
  int connections;
  int statements;
  int commits;
  int rollbacks;

  CountingDataSource(DataSource source) {
    this.source = source;
  }

  /** Everything that went to the database: statements, commits and rollbacks. */
  int roundTrips() {
    return statements + commits + rollbacks;
  }

  @Override
  public Connection getConnection() throws SQLException {
    connections++;
    Connection real = source.getConnection();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("commit")) {
            commits++;
          } else if (name.equals("rollback")) {
            rollbacks++;
          }
          Object result = invoke(real, method, args);
          if (result instanceof Statement s && method.getReturnType().isInterface()) {
            return Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {method.getReturnType()}, (p, m, a) -> {
                  if (EXECUTES.contains(m.getName())) {
                    statements++;
                  }
                  return invoke(s, m, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }
}
