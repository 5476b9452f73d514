package org.npskit.examples.cli;

import java.util.Locale;

/**
 * Bad input or usage: the tool exits with code 2 and prints the message on stderr, nothing on
 * stdout. Messages from files name the file, line, column and value.
 *
 * <p>A row or cell of a file may hold personal data (a free-text comment in a responses file), so
 * a message shows at most its first 20 characters, then {@code ...}; the file, line and column
 * locate the rest. Lines of a policy file are shown whole.
 *
 * <p>Immutable once thrown (like every exception); safe to pass between threads.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most characters (Unicode code points) of a row or cell that a message shows. */
  static final int EXCERPT_LENGTH = 20;

  /** What follows an excerpt that was cut. */
  static final String CUT = "...";

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
    if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + CUT;
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
   * A problem at one line of a policy file, the line shown whole: a policy holds settings, no
   * personal data, and its key and value are what the reader needs to see.
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
    return located(file, line, 1, key, text, problem);
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
