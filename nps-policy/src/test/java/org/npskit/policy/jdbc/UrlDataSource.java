package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/** A minimal unpooled {@link javax.sql.DataSource} over {@link DriverManager}: one connection per call. */
final class UrlDataSource implements SimpleDataSource {
  private final String url;

  UrlDataSource(String url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public String toString() {
    return "UrlDataSource[" + url.replaceAll("password=[^&;]*", "password=***") + "]";
  }
}
