package org.npskit.policy.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal unpooled {@link javax.sql.DataSource} over {@link DriverManager}: one connection per
 * call. Its {@link #toString()} and the message of an exception it throws show no user name or
 * password of the URL (parameters such as {@code user=}, {@code password=}, {@code sslpassword=},
 * or user info {@code //user:password@}): each is replaced by {@code ***}.
 *
 * <p>The same rules as the CLI's {@code org.npskit.examples.cli.UrlDataSource}, which this module
 * cannot use (nps-examples depends on nps-policy) and which cannot move here (a DataSource is no
 * part of nps-policy's API). Immutable and thread-safe.
 */
final class UrlDataSource implements SimpleDataSource {
  private static final String HIDDEN = "***";
  private static final Pattern CREDENTIAL_PARAM =
      Pattern.compile("(?i)([?&;](user|username|uid|pwd|[a-z]*password)=)([^&;]*)");
  private static final Pattern USER_INFO = Pattern.compile("//([^/?#;]*)@");

  private final String url;
  /** Replaced wherever they occur in a message. */
  private final List<String> passwords = new ArrayList<>();
  /** Replaced where they stand as a whole word (a user "u" must not turn "could" into "co***ld"). */
  private final List<Pattern> users = new ArrayList<>();

  UrlDataSource(String url) {
    this.url = Objects.requireNonNull(url, "url");
    Matcher params = CREDENTIAL_PARAM.matcher(url);
    while (params.find()) {
      String name = params.group(2).toLowerCase(Locale.ROOT);
      if (name.equals("user") || name.equals("username") || name.equals("uid")) {
        addUser(params.group(3));
      } else if (!params.group(3).isEmpty()) {
        passwords.add(params.group(3));
      }
    }
    Matcher info = USER_INFO.matcher(url);
    if (info.find()) {
      String[] userAndPassword = info.group(1).split(":", 2);
      addUser(userAndPassword[0]);
      if (userAndPassword.length == 2 && !userAndPassword[1].isEmpty()) {
        passwords.add(userAndPassword[1]);
      }
    }
  }

  private void addUser(String user) {
    if (!user.isEmpty()) {
      users.add(Pattern.compile(
          "(?<![\\p{L}\\p{N}_])" + Pattern.quote(user) + "(?![\\p{L}\\p{N}_])"));
    }
  }

  /** The text with credential parameters and user info replaced by {@code ***}. */
  static String redact(String text) {
    String s = CREDENTIAL_PARAM.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN));
    Matcher m = USER_INFO.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String hidden = m.group(1).indexOf(':') < 0 ? HIDDEN : HIDDEN + ":" + HIDDEN;
      m.appendReplacement(sb, Matcher.quoteReplacement("//" + hidden + "@"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      String scrubbed = message;
      for (String password : passwords) {
        scrubbed = scrubbed.replace(password, HIDDEN);
      }
      for (Pattern user : users) {
        scrubbed = user.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(HIDDEN));
      }
      scrubbed = redact(scrubbed);
      if (scrubbed.equals(message)) {
        throw e;
      }
      SQLException copy = new SQLException(scrubbed, e.getSQLState(), e.getErrorCode());
      copy.setStackTrace(e.getStackTrace());
      throw copy;
    }
  }

  @Override
  public String toString() {
    return "UrlDataSource[" + redact(url) + "]";
  }
}
