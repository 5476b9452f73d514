package org.npskit.examples.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An unpooled {@link DataSource} over a JDBC URL: each {@link #getConnection()} opens a new
 * connection through {@link DriverManager}. Credentials are part of the URL, as parameters
 * ({@code ?user=U&password=P}, H2's {@code ;USER=U;PASSWORD=P}) or as user info
 * ({@code //U:P@host}).
 *
 * <p>Credentials never reach a text this class makes: {@link #toString()} shows the URL as
 * {@link #redact} leaves it, and a {@link SQLException} whose message (or a cause's) would show
 * a user name or password of the URL, or of {@link #getConnection(String, String)}, is rethrown
 * as a plain {@code SQLException} with the same SQL state and error code, the message
 * {@linkplain #scrub scrubbed}, and only a clean cause kept.
 *
 * <p>Immutable and thread-safe. The URL must not be null.
 */
final class UrlDataSource extends PlainDataSource {
  /** What stands in for a user name or password. */
  static final String HIDDEN = "***";

  /**
   * A credential parameter: user, username, uid, pwd, or any name ending in password
   * ({@code sslpassword}, {@code keyStorePassword}), case-insensitive, after {@code ?}, {@code &}
   * or {@code ;}; its value runs to the next {@code &} or {@code ;}.
   */
  private static final Pattern CREDENTIAL_PARAM =
      Pattern.compile("(?i)([?&;](user|username|uid|pwd|[a-z]*password)=)([^&;]*)");

  /** User info: what lies between {@code //} and the last {@code @} before the host ends. */
  private static final Pattern USER_INFO = Pattern.compile("//([^/?#;]*)@");

  /** How many causes {@link #isClean} reads before it gives up (a guard against cycles). */
  private static final int MAX_CAUSES = 32;

  private final String url;
  private final List<String> users;
  private final List<String> passwords;

  UrlDataSource(String url) {
    this.url = Objects.requireNonNull(url, "url");
    List<String> u = new ArrayList<>();
    List<String> p = new ArrayList<>();
    Matcher params = CREDENTIAL_PARAM.matcher(url);
    while (params.find()) {
      String name = params.group(2).toLowerCase(java.util.Locale.ROOT);
      boolean user = name.equals("user") || name.equals("username") || name.equals("uid");
      addSecret(user ? u : p, params.group(3));
    }
    Matcher info = USER_INFO.matcher(url);
    if (info.find()) {
      String userInfo = info.group(1);
      int colon = userInfo.indexOf(':');
      addSecret(u, colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        addSecret(p, userInfo.substring(colon + 1));
      }
    }
    this.users = List.copyOf(u);
    this.passwords = List.copyOf(p);
  }

  /** Adds a credential as written and, if different, URL-decoded (a driver may echo either). */
  private static void addSecret(List<String> to, String value) {
    if (value.isEmpty()) {
      return;
    }
    to.add(value);
    try {
      String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
      if (!decoded.isEmpty() && !decoded.equals(value)) {
        to.add(decoded);
      }
    } catch (IllegalArgumentException e) {
      // Not valid URL encoding: only the raw form can be echoed.
    }
  }

  /**
   * A JDBC URL safe to print: the values of its credential parameters and its user info replaced
   * by {@value #HIDDEN} ({@code ?user=***&password=***}, {@code //***:***@host}). A URL without
   * credentials is returned as it is.
   *
   * @param url a JDBC URL, or any text that may contain one; not null
   * @return the text with credentials hidden
   */
  static String redact(String url) {
    String s = CREDENTIAL_PARAM.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN));
    Matcher m = USER_INFO.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String hidden = m.group(1).indexOf(':') < 0 ? HIDDEN : HIDDEN + ":" + HIDDEN;
      m.appendReplacement(sb, Matcher.quoteReplacement("//" + hidden + "@"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * The URL safe to print.
   *
   * @return the URL with its credentials hidden, as {@link #redact} leaves it
   */
  String redactedUrl() {
    return redact(url);
  }

  /**
   * A message (a driver's, say) safe to print: every password of the URL replaced by
   * {@value #HIDDEN} wherever it occurs, every user name of the URL where it stands as a whole
   * word (so that a user {@code u} does not mangle "could"), then {@link #redact} for any URL in
   * the message.
   *
   * @param message the text; null is returned as null
   * @return the text with the URL's credentials hidden
   */
  String scrub(String message) {
    return scrub(message, users, passwords);
  }

  private static String scrub(String message, List<String> users, List<String> passwords) {
    if (message == null) {
      return null;
    }
    String out = message;
    for (String p : passwords) {
      out = out.replace(p, HIDDEN);
    }
    for (String u : users) {
      out = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(u) + "(?![\\p{L}\\p{N}_])")
          .matcher(out).replaceAll(Matcher.quoteReplacement(HIDDEN));
    }
    return redact(out);
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw scrubbed(e, users, passwords);
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    try {
      return DriverManager.getConnection(url, username, password);
    } catch (SQLException e) {
      List<String> u = new ArrayList<>(users);
      List<String> p = new ArrayList<>(passwords);
      if (username != null) {
        addSecret(u, username);
      }
      if (password != null) {
        addSecret(p, password);
      }
      throw scrubbed(e, u, p);
    }
  }

  /** The exception itself when no message in its causes shows a credential, else a clean copy. */
  private static SQLException scrubbed(SQLException e, List<String> users,
      List<String> passwords) {
    if (isClean(e, users, passwords)) {
      return e;
    }
    SQLException copy = new SQLException(scrub(e.getMessage(), users, passwords),
        e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    Throwable cause = e.getCause();
    if (cause != null && isClean(cause, users, passwords)) {
      copy.initCause(cause);
    }
    return copy;
  }

  private static boolean isClean(Throwable e, List<String> users, List<String> passwords) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.size() < MAX_CAUSES && seen.add(t);
        t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.equals(scrub(m, users, passwords))) {
        return false;
      }
    }
    return seen.size() < MAX_CAUSES;
  }

  /** Sets the login timeout of {@link DriverManager}, which opens the connections. */
  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  /**
   * The class name and the URL with its credentials hidden.
   *
   * @return for example {@code UrlDataSource[jdbc:postgresql://db/shop?user=***&password=***]}
   */
  @Override
  public String toString() {
    return "UrlDataSource[" + redactedUrl() + "]";
  }
}
