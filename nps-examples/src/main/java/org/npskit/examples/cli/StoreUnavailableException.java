package org.npskit.examples.cli;

/**
 * The contact history given with {@code --store} cannot be reached: not bad input (the URL is
 * well formed and a driver accepts it) but an environment failure. The tool exits with code 1 and
 * prints the message, which never contains the password of the URL.
 */
final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
