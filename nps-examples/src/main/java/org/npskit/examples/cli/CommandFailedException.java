package org.npskit.examples.cli;

/**
 * The command cannot finish for a reason outside its input: the environment failed (a database
 * that stays down, an output that cannot be written, a heap too small for the input). The tool
 * exits with code 1 and prints the message, without a stack trace unless {@code --debug}; what
 * was printed on standard output before stays valid (see the subclasses). The message never
 * contains a password.
 *
 * <p>Immutable once thrown; safe to pass between threads.
 */
class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailedException(String message) {
    super(message);
  }

  CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
