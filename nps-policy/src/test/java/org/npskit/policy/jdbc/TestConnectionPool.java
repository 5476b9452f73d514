package org.npskit.policy.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests and measurements (applications use a real pool): at most
 * {@code size} physical connections, reused; {@code close()} on a borrowed connection rolls back
 * what is open, restores auto-commit and returns it, or discards it when it is broken.
 */
final class TestConnectionPool implements SimpleDataSource, AutoCloseable {
  private final DataSource target;
  private final Semaphore permits;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  TestConnectionPool(DataSource target, int size) {
    this.target = target;
    this.permits = new Semaphore(size, true);
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new SQLException("no pooled connection within 30 s", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted waiting for a connection", "08001", e);
    }
    try {
      Connection physical = idle.poll();
      while (physical != null && physical.isClosed()) {
        physical = idle.poll();
      }
      return borrowed(physical != null ? physical : target.getConnection());
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection borrowed(Connection physical) {
    boolean[] returned = {false};
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                if (!returned[0]) {
                  returned[0] = true;
                  giveBack(physical);
                }
                return null;
              }
              if (method.getName().equals("isClosed") && returned[0]) {
                return true;
              }
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void giveBack(Connection physical) {
    try {
      if (!physical.isClosed()) {
        if (!physical.getAutoCommit()) {
          physical.rollback();
          physical.setAutoCommit(true);
        }
        idle.offer(physical);
      }
    } catch (SQLException broken) {
      closeQuietly(physical);
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    for (Connection c = idle.poll(); c != null; c = idle.poll()) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Already broken.
    }
  }
}
