package org.npskit.examples.cli;

import java.util.Locale;

/**
 * Bad input or usage: the tool exits with code 2 and prints the message on stderr, nothing on
 * stdout. Messages from files name the file, line, column and value.
 *
 * <p>A row or cell of a file may hold personal data (a free-text comment in a responses file), so
 * a message shows at most its first 20 characters, then {@code ...}; the file, line and column
 * locate the rest. Lines of a policy file are shown up to 200 characters. Every value a message
 * quotes is {@linkplain #escape escaped}: a control character (an ANSI escape sequence, a line
 * break, a bidirectional override) shows as {@code \u001b} and the like, never raw, so a hostile
 * file cannot rewrite the terminal that shows the message.
 *
 * <p>Immutable once thrown (like every exception); safe to pass between threads.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most characters (Unicode code points) of a row or cell that a message shows. */
  static final int EXCERPT_LENGTH = 20;

  /** What follows an excerpt that was cut. */
  static final String CUT = "...";

  /** The most characters (code points) of a policy-file line that a message shows. */
  static final int POLICY_LINE_LENGTH = 200;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The text as a message may show it: whole when it has at most {@value #EXCERPT_LENGTH}
   * characters, else its first {@value #EXCERPT_LENGTH} followed by {@value #CUT} (a character
   * outside the Basic Multilingual Plane counts as one and is never split).
   *
   * @param text a row, a cell or a value taken from one; not null
   * @return the excerpt
   */
  static String excerpt(String text) {
    return cut(text, EXCERPT_LENGTH);
  }

  /**
   * A value as a message quotes it: its {@link #excerpt} in double quotes.
   *
   * @param text the value; not null
   * @return for example {@code "K-1"}, {@code "a very long free-te..."} or {@code "\u001b[2J"}
   */
  static String quote(String text) {
    return "\"" + excerpt(text) + "\"";
  }

  /**
   * A setting (a URL, an option value that is no personal data) as a message quotes it: its
   * first {@value #POLICY_LINE_LENGTH} characters, escaped, in double quotes.
   *
   * @param text the setting; not null
   * @return the quoted text
   */
  static String quoteSetting(String text) {
    return "\"" + cut(text, POLICY_LINE_LENGTH) + "\"";
  }

  /** The first {@code max} code points of the text, escaped, then {@value #CUT} if cut. */
  private static String cut(String text, int max) {
    int end = text.length();
    boolean cut = false;
    if (text.length() > max && text.codePointCount(0, text.length()) > max) {
      end = text.offsetByCodePoints(0, max);
      cut = true;
    }
    return escape(text.substring(0, end)) + (cut ? CUT : "");
  }

  /**
   * The text with every character a terminal could act on made visible: {@code \} and {@code "}
   * as {@code \\} and {@code \"}; control characters (U+0000-U+001F, U+007F-U+009F), format
   * characters (bidirectional overrides, zero-width characters, the byte order mark), line and
   * paragraph separators and lone surrogates as {@code \}{@code uXXXX} (UTF-16 units, as in
   * JSON).
   *
   * @param text the text; not null
   * @return the escaped text
   */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      String replacement = escaped(cp);
      if (replacement != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (replacement == null) {
          sb.append(text, i, i + n);
        } else {
          sb.append(replacement);
        }
      }
      i += n;
    }
    return sb == null ? text : sb.toString();
  }

  private static String escaped(int cp) {
    if (cp == '\\') {
      return "\\\\";
    }
    if (cp == '"') {
      return "\\\"";
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> {
        StringBuilder sb = new StringBuilder();
        for (char c : Character.toChars(cp)) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return sb.toString();
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * A problem at one cell (or row) of a data file; the value is shown as its {@link #excerpt}.
   *
   * @param file the file name as given on the command line
   * @param line 1-based line where the value starts
   * @param column 1-based column (field number)
   * @param columnName the header of the column, or "" when unknown
   * @param value the offending value, or the row joined with commas
   * @param problem what is wrong; it must not quote the file's cells except as excerpts
   * @return the exception
   */
  static BadInputException at(
      String file, int line, int column, String columnName, String value, String problem) {
    return located(file, line, column, columnName, excerpt(value), problem);
  }

  /**
   * A problem at one line of a policy file, the line shown up to {@value #POLICY_LINE_LENGTH}
   * characters, escaped: a policy holds settings, no personal data, and its key and value are
   * what the reader needs to see.
   *
   * @param file the file name as given on the command line
   * @param line 1-based line
   * @param key the policy key on that line
   * @param text the line, stripped
   * @param problem what is wrong
   * @return the exception
   */
  static BadInputException atPolicyLine(
      String file, int line, String key, String text, String problem) {
    return located(file, line, 1, escape(key), cut(text, POLICY_LINE_LENGTH), problem);
  }

  private static BadInputException located(
      String file, int line, int column, String columnName, String value, String problem) {
    String name = columnName.isEmpty() ? "" : String.format(Locale.ROOT, " (%s)", columnName);
    return new BadInputException(
        String.format(
            Locale.ROOT,
            "%s:%d:%d%s: value \"%s\": %s",
            file,
            line,
            column,
            name,
            value,
            problem));
  }
}
