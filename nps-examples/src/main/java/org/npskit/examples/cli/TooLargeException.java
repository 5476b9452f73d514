package org.npskit.examples.cli;

/**
 * The input does not fit in the Java heap the tool was given (exit 1): a limit of the machine,
 * not bad input, so the message says how to give Java more memory.
 *
 * <p>Immutable once thrown; safe to pass between threads.
 */
final class TooLargeException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  TooLargeException(String message) {
    super(message);
  }
}
