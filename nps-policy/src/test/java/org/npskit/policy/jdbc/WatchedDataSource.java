package org.npskit.policy.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a data source and watches what the store does with it: how many connections it borrows,
 * how often it reads the database metadata, and the SQL of every prepared statement. It can also
 * report another database product name than the database's own.
 */
final class WatchedDataSource implements SimpleDataSource {
  private final DataSource target;
  private final String productName;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger metadataReads = new AtomicInteger();
  private final Queue<String> prepared = new ConcurrentLinkedQueue<>();

  /**
   * Watches a data source.
   *
   * @param target the data source
   * @param productName the product name its metadata reports, or null for the database's own
   */
  WatchedDataSource(DataSource target, String productName) {
    this.target = target;
    this.productName = productName;
  }

  /** How many connections were handed out. */
  int connections() {
    return connections.get();
  }

  /** How many times {@link Connection#getMetaData()} was called. */
  int metadataReads() {
    return metadataReads.get();
  }

  /** The SQL of every statement prepared so far, in order. */
  List<String> prepared() {
    return List.copyOf(prepared);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = target.getConnection();
    connections.incrementAndGet();
    return proxy(
        Connection.class,
        physical,
        (proxy, method, args) -> {
          if (method.getName().equals("getMetaData")) {
            metadataReads.incrementAndGet();
            DatabaseMetaData real = physical.getMetaData();
            return productName == null ? real : renamed(real);
          }
          if (method.getName().equals("prepareStatement")) {
            prepared.add((String) args[0]);
          }
          return invoke(method, physical, args);
        });
  }

  private DatabaseMetaData renamed(DatabaseMetaData real) {
    return proxy(
        DatabaseMetaData.class,
        real,
        (proxy, method, args) ->
            method.getName().equals("getDatabaseProductName")
                ? productName
                : invoke(method, real, args));
  }

  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
