package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The one connection of a {@code decide --store} run: kept, lent again, replaced when broken. */
class OneConnectionDataSourceTest {

  private static OneConnectionDataSource h2() {
    return new OneConnectionDataSource(new UrlDataSource("jdbc:h2:mem:one-" + System.nanoTime()));
  }

  private static int one(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void closingALentConnectionReturnsItAndTheNextCallLendsItAgain() throws SQLException {
    try (OneConnectionDataSource ds = h2()) {
      for (int i = 0; i < 100; i++) {
        try (Connection c = ds.getConnection()) {
          assertThat(one(c)).isOne();
        }
      }
      assertThat(ds.opened()).isOne();
      // An unnamed in-memory H2 database lives as long as its connection: one run, one database.
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(x INT)");
      }
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO t VALUES (1)");
      }
    }
  }

  @Test
  void aReturnedConnectionCannotBeUsedAgain() throws SQLException {
    try (OneConnectionDataSource ds = h2()) {
      Connection c = ds.getConnection();
      c.close();
      c.close();
      assertThat(c.isClosed()).isTrue();
      assertThatThrownBy(() -> c.prepareStatement("SELECT 1")).isInstanceOf(SQLException.class)
          .hasMessage("connection already returned");
    }
  }

  @Test
  void aFailedStatementKeepsAConnectionThatStillWorks() throws SQLException {
    try (OneConnectionDataSource ds = h2()) {
      try (Connection c = ds.getConnection()) {
        assertThatThrownBy(() -> c.prepareStatement("SELECT * FROM missing"))
            .isInstanceOf(SQLException.class);
      }
      try (Connection c = ds.getConnection()) {
        assertThat(one(c)).isOne();
      }
      assertThat(ds.opened()).isOne();
    }
  }

  @Test
  void aConnectionThatBrokeIsReplaced() throws SQLException {
    try (OneConnectionDataSource ds = h2()) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
      try (Connection c = ds.getConnection()) {
        assertThat(one(c)).isOne();
      }
      assertThat(ds.opened()).isEqualTo(2);
    }
  }

  @Test
  void aNestedBorrowGetsAConnectionOfItsOwn() throws SQLException {
    try (OneConnectionDataSource ds = h2()) {
      try (Connection outer = ds.getConnection()) {
        Connection inner = ds.getConnection();
        assertThat(one(inner)).isOne();
        inner.close();
        assertThat(inner.isClosed()).isTrue();
        assertThat(one(outer)).isOne();
      }
      assertThat(ds.opened()).isEqualTo(2);
      try (Connection again = ds.getConnection()) {
        assertThat(one(again)).isOne();
      }
      assertThat(ds.opened()).isEqualTo(2);
    }
  }

  @Test
  void closingTheDataSourceClosesTheKeptConnection() throws SQLException {
    OneConnectionDataSource ds = h2();
    Connection real;
    try (Connection c = ds.getConnection()) {
      real = c.unwrap(Connection.class);
    }
    assertThat(real.isClosed()).isFalse();
    ds.close();
    assertThat(real.isClosed()).isTrue();
  }
}
