package org.npskit.examples.cli;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * Opens the JDBC contact history of {@code decide --store URL}: checks the URL and its driver
 * (usage errors, exit 2, before any connection), creates the schema when missing (an unreachable
 * database exits 1), and keeps user names and passwords out of every message ({@link
 * UrlDataSource#redact}, {@link UrlDataSource#scrub}). The store works on one connection, kept
 * for the run ({@link OneConnectionDataSource}).
 *
 * <p>An H2 URL may carry settings after {@code ;}; some of them run code or open the database to
 * the network when it opens ({@code INIT} runs SQL, and SQL runs Java through {@code CREATE
 * ALIAS}; {@code DATABASE_EVENT_LISTENER} loads a class; {@code AUTO_SERVER} starts a TCP
 * server). The CLI allows only the settings in {@link #H2_ALLOWED} and refuses any other, so a
 * URL copied from an untrusted place cannot run code (see SECURITY.md).
 */
final class StoreUrls {
  /** The H2 URL settings {@code --store} accepts: credentials, files, timeouts, caches. */
  static final Set<String> H2_ALLOWED = Set.of(
      "USER", "PASSWORD", "PASSWORD_HASH", "CIPHER",
      "IFEXISTS", "FORBID_CREATION", "DB_CLOSE_DELAY", "DB_CLOSE_ON_EXIT", "AUTO_RECONNECT",
      "ACCESS_MODE_DATA", "FILE_LOCK", "PAGE_SIZE", "CACHE_SIZE", "CACHE_TYPE",
      "LOCK_TIMEOUT", "DEFAULT_LOCK_TIMEOUT", "QUERY_TIMEOUT", "MAX_QUERY_TIMEOUT",
      "NETWORK_TIMEOUT", "WRITE_DELAY", "MAX_MEMORY_ROWS", "MAX_OPERATION_MEMORY",
      "RETENTION_TIME", "TRACE_LEVEL_FILE", "TRACE_MAX_FILE_SIZE");

  /** Why some H2 settings are refused, for the message. */
  private static final Map<String, String> H2_REFUSED = Map.ofEntries(
      Map.entry("INIT", "it runs SQL when the database opens (RUNSCRIPT FROM a file or URL, "
          + "CREATE ALIAS with Java code)"),
      Map.entry("DATABASE_EVENT_LISTENER", "it loads and runs a class"),
      Map.entry("JAVA_OBJECT_SERIALIZER", "it loads and runs a class"),
      Map.entry("DEFAULT_TABLE_ENGINE", "it loads and runs a class"),
      Map.entry("AUTHENTICATOR", "it switches on external authentication, which loads classes"),
      Map.entry("AUTHREALM", "it authenticates through external code (JAAS or a validator "
          + "class)"),
      Map.entry("AUTHZPWD", "it authenticates through external code"),
      Map.entry("AUTO_SERVER", "it opens the database to the network (a TCP server)"),
      Map.entry("AUTO_SERVER_PORT", "it opens the database to the network (a TCP server)"),
      Map.entry("RECOVER_TEST", "it runs a test hook"),
      Map.entry("TRACE_LEVEL_SYSTEM_OUT", "it writes a trace into standard output, among the "
          + "decisions"),
      Map.entry("IGNORE_UNKNOWN_SETTINGS", "it hides settings the CLI must see"));

  private StoreUrls() {}

  /**
   * An opened store: the history and the one connection it uses, closed together.
   *
   * @param history the store
   * @param dataSource its connection
   * @param urls the URL's data source, which knows the credentials to hide
   */
  record Store(JdbcContactHistory history, OneConnectionDataSource dataSource, UrlDataSource urls)
      implements AutoCloseable {
    /** The URL with its credentials hidden. */
    String shownUrl() {
      return urls.redactedUrl();
    }

    /** A message with the URL's credentials hidden ({@link UrlDataSource#scrub}). */
    String scrub(String message) {
      return urls.scrub(message);
    }

    @Override
    public void close() {
      dataSource.close();
    }
  }

  /**
   * Checks a {@code --store} URL without connecting: a JDBC URL a bundled driver accepts, and
   * for H2 only the settings of {@link #H2_ALLOWED}.
   *
   * @param url the JDBC URL with credentials as URL parameters or user info
   * @throws BadInputException if the URL is not a JDBC URL, no bundled driver accepts it, or it
   *     carries an H2 setting that is not allowed
   */
  static void check(String url) {
    String shown = UrlDataSource.redact(url);
    if (!url.startsWith("jdbc:")) {
      throw new BadInputException("--store: " + BadInputException.quoteSetting(shown)
          + " is not a JDBC URL (for example "
          + "jdbc:postgresql://HOST:5432/DB?user=U&password=P or jdbc:h2:file:./history)");
    }
    if (url.startsWith("jdbc:h2:")) {
      for (String key : h2Settings(url)) {
        if (!H2_ALLOWED.contains(key)) {
          String why = H2_REFUSED.getOrDefault(key, "it is not one the CLI allows");
          throw new BadInputException("--store: the H2 setting " + BadInputException.quote(key)
              + " is refused: " + why + "; a --store URL may carry only "
              + String.join(", ", H2_ALLOWED.stream().sorted().toList()) + " (see SECURITY.md)");
        }
      }
    }
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw new BadInputException("--store: no bundled JDBC driver accepts "
          + BadInputException.quoteSetting(shown)
          + " (the jar bundles the PostgreSQL and H2 drivers)",
          e);
    }
  }

  /**
   * The setting names of an H2 URL, upper-cased as H2 reads them: the text after the first
   * {@code ;} split at every {@code ;} not escaped by a backslash, each name up to its {@code =}
   * (a part without {@code =} is returned whole, so it is refused too).
   *
   * @param url a {@code jdbc:h2:} URL
   * @return the names in URL order
   */
  static List<String> h2Settings(String url) {
    List<String> keys = new ArrayList<>();
    int start = url.indexOf(';');
    if (start < 0) {
      return keys;
    }
    StringBuilder part = new StringBuilder();
    String s = url.substring(start + 1);
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ';';
      if (c == ';') {
        if (part.length() > 0) {
          int eq = part.indexOf("=");
          keys.add((eq < 0 ? part.toString() : part.substring(0, eq))
              .toUpperCase(Locale.ENGLISH));
        }
        part.setLength(0);
      } else if (c == '\\' && i < s.length() - 1) {
        part.append(s.charAt(++i));
      } else {
        part.append(c);
      }
    }
    return keys;
  }

  /**
   * The contact history at the URL, on one connection, its schema created when missing.
   *
   * @param url the JDBC URL with credentials as URL parameters or user info
   * @return the store; the caller closes it
   * @throws BadInputException as {@link #check}
   * @throws StoreUnavailableException if the database cannot be reached
   */
  static Store open(String url) {
    check(url);
    UrlDataSource urls = new UrlDataSource(url);
    String shown = urls.redactedUrl();
    OneConnectionDataSource dataSource = new OneConnectionDataSource(urls);
    JdbcContactHistory history = JdbcContactHistory.builder(dataSource).build();
    try {
      history.createSchema();
    } catch (HistoryUnavailableException e) {
      dataSource.close();
      throw new StoreUnavailableException("--store " + shown + ": contact history unreachable: "
          + urls.scrub(rootMessage(e)), e);
    }
    return new Store(history, dataSource, urls);
  }

  /** The innermost message of a failure, for a one-line explanation. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }
}
