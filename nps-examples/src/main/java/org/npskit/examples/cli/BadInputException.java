package org.npskit.examples.cli;

import java.util.Locale;

/**
 * Bad input or usage: the tool exits with code 2 and prints the message on stderr, nothing on
 * stdout. Messages from files name the file, line, column and value.
 *
 * <p>Immutable once thrown (like every exception); safe to pass between threads.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A problem at one cell of a file.
   *
   * @param file the file name as given on the command line
   * @param line 1-based line where the value starts
   * @param column 1-based column (field number)
   * @param columnName the header of the column, or "" when unknown
   * @param value the offending value
   * @param problem what is wrong
   * @return the exception
   */
  static BadInputException at(
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
