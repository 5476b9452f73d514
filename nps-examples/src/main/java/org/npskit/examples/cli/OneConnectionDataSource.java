package org.npskit.examples.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that keeps one connection for a single-threaded run and lends it out
 * again and again: {@link Connection#close()} on a lent connection returns it. A new connection
 * costs several round trips (and, on PostgreSQL, a server process); {@code decide --store}
 * makes two statements per order, so opening one per statement made the CLI ten times slower.
 *
 * <p>A connection that failed is not trusted again blindly: when a method of the connection or
 * of one of its statements threw a {@link SQLException} while it was lent, its return checks it
 * ({@link Connection#isValid}, one round trip), and a closed or invalid connection is closed and
 * replaced on the next {@link #getConnection()} (so a database that restarted is reconnected to).
 *
 * <p>Not thread-safe: for one thread, as the CLI runs. A {@code getConnection()} while the kept
 * connection is lent gets a connection of its own, closed when it is returned (at most two are
 * open). {@link #close()} closes the kept connection.
 */
final class OneConnectionDataSource extends PlainDataSource implements AutoCloseable {
  private static final int VALIDATION_SECONDS = 2;

  private final DataSource source;
  private Connection held;
  private boolean lent;
  private boolean suspect;
  private int opened;

  OneConnectionDataSource(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * How many connections this data source opened so far.
   *
   * @return 1 for a run without failures and without nested use
   */
  int opened() {
    return opened;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (lent) {
      opened++;
      return source.getConnection();
    }
    if (held != null && held.isClosed()) {
      held = null;
    }
    if (held == null) {
      held = source.getConnection();
      opened++;
    }
    lent = true;
    suspect = false;
    Connection real = held;
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new Lent(real));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the credentials are part of the --store URL");
  }

  /** Closes the kept connection, if any; quietly, as the run ends. */
  @Override
  public void close() {
    Connection c = held;
    held = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // The run is over; a connection that cannot close cleanly is dropped.
      }
    }
  }

  private void giveBack(Connection real) {
    lent = false;
    if (suspect && held == real) {
      boolean valid;
      try {
        valid = !real.isClosed() && real.isValid(VALIDATION_SECONDS);
      } catch (SQLException e) {
        valid = false;
      }
      if (!valid) {
        held = null;
        try {
          real.close();
        } catch (SQLException e) {
          // broken anyway
        }
      }
    }
  }

  /** Notes a failure of the lent connection and returns the exception to throw. */
  private Throwable failed(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof SQLException) {
      suspect = true;
    }
    return cause;
  }

  /** The lent connection: close returns it; statements it makes report their failures. */
  private final class Lent implements InvocationHandler {
    private final Connection real;
    private boolean returned;

    Lent(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          if (!returned) {
            returned = true;
            giveBack(real);
          }
          return null;
        }
        case "isClosed" -> {
          return returned || real.isClosed();
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "lent " + real;
        }
        default -> {
          // fall through to the real connection
        }
      }
      if (returned) {
        throw new SQLException("connection already returned", "08003");
      }
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw failed(e);
      }
      if (result instanceof Statement s && method.getReturnType().isInterface()) {
        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {method.getReturnType()}, new Watched(s));
      }
      return result;
    }
  }

  /** A statement of the lent connection: its failures make the connection suspect. */
  private final class Watched implements InvocationHandler {
    private final Statement real;

    Watched(Statement real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        default -> {
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw failed(e);
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return "OneConnectionDataSource[" + source + "]";
  }
}
