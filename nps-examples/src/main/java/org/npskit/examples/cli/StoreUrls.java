package org.npskit.examples.cli;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * Opens the JDBC contact history of {@code decide --store URL}: checks the URL and its driver
 * (usage errors, exit 2), creates the schema when missing (an unreachable database exits 1), and
 * keeps user names and passwords out of every message ({@link UrlDataSource#redact},
 * {@link UrlDataSource#scrub}).
 */
final class StoreUrls {

  private StoreUrls() {}

  /**
   * The contact history at the URL, its schema created when missing.
   *
   * @param url the JDBC URL with credentials as URL parameters or user info
   * @return the store
   * @throws BadInputException if the URL is not a JDBC URL or no bundled driver accepts it
   * @throws StoreUnavailableException if the database cannot be reached
   */
  static ContactHistory open(String url) {
    UrlDataSource dataSource = new UrlDataSource(url);
    String shown = dataSource.redactedUrl();
    if (!url.startsWith("jdbc:")) {
      throw new BadInputException("--store: \"" + shown + "\" is not a JDBC URL (for example "
          + "jdbc:postgresql://HOST:5432/DB?user=U&password=P or jdbc:h2:file:./history)");
    }
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw new BadInputException("--store: no bundled JDBC driver accepts \"" + shown
          + "\" (the jar bundles the PostgreSQL and H2 drivers)", e);
    }
    JdbcContactHistory history = JdbcContactHistory.builder(dataSource).build();
    try {
      history.createSchema();
    } catch (HistoryUnavailableException e) {
      throw new StoreUnavailableException("--store " + shown + ": contact history unreachable: "
          + dataSource.scrub(rootMessage(e)), e);
    }
    return history;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }
}
