package org.npskit.examples.cli;

/**
 * The contact history given with {@code --store} cannot be reached: not bad input (the URL is
 * well formed and a driver accepts it) but an environment failure, at the start or for longer
 * than {@code --store-retry} during the run. The tool exits with code 1 and prints the message,
 * which never contains the password of the URL.
 *
 * <p>Immutable once thrown; safe to pass between threads.
 */
final class StoreUnavailableException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
