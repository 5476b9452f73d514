package org.npskit.examples.boot;

/**
 * A delivery the shop cannot decide on: a field is missing or invalid. The message names the
 * field (its JSON path, such as {@code lines[0].unitPrice}) and the value; {@link BadRequests}
 * answers it with HTTP 400.
 */
public final class BadDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the field and the value
   */
  public BadDeliveryException(String message) {
    super(message);
  }
}
