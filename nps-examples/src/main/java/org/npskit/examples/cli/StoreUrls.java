package org.npskit.examples.cli;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * Opens the JDBC contact history of {@code decide --store URL}: checks the URL and its driver
 * (usage errors, exit 2), creates the schema when missing (an unreachable database exits 1), and
 * keeps passwords out of every message.
 */
final class StoreUrls {
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(password=)([^&;]*)");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]+:)([^@/]*)(@)");

  private StoreUrls() {}

  /**
   * The contact history at the URL, its schema created when missing.
   *
   * @param url the JDBC URL with credentials as URL parameters
   * @return the store
   * @throws BadInputException if the URL is not a JDBC URL or no bundled driver accepts it
   * @throws StoreUnavailableException if the database cannot be reached
   */
  static ContactHistory open(String url) {
    String shown = redact(url);
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
    JdbcContactHistory history = JdbcContactHistory.builder(new UrlDataSource(url)).build();
    try {
      history.createSchema();
    } catch (HistoryUnavailableException e) {
      throw new StoreUnavailableException("--store " + shown + ": contact history unreachable: "
          + redactSecrets(url, rootMessage(e)), e);
    }
    return history;
  }

  /**
   * The URL with its password replaced by {@code ***} (as a parameter or in user info).
   *
   * @param url a JDBC URL
   * @return the URL safe to print
   */
  static String redact(String url) {
    String s = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("$1***$3");
  }

  /** A driver message with any password of the URL replaced, should the driver echo it. */
  private static String redactSecrets(String url, String message) {
    String out = message;
    for (Pattern p : new Pattern[] {PASSWORD_PARAM, USER_INFO}) {
      Matcher m = p.matcher(url);
      while (m.find()) {
        if (!m.group(2).isEmpty()) {
          out = out.replace(m.group(2), "***");
        }
      }
    }
    return redact(out);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }
}
