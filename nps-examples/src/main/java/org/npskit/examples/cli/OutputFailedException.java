package org.npskit.examples.cli;

/**
 * Standard output cannot be written (a full disk, a closed pipe): the command stops at once
 * (exit 1), so that {@code decide} records nothing more that nobody would be told about.
 *
 * <p>Immutable once thrown; safe to pass between threads.
 */
final class OutputFailedException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  OutputFailedException(String message) {
    super(message);
  }
}
