package org.npskit.policy.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * Unchecked exception thrown by a {@link ContactHistory} when the history cannot be read or
 * written (database down, timeout, SQL error). It names the failed operation; the original cause,
 * for example an {@code SQLException}, is kept as the cause.
 *
 * <p>The gate turns this exception into the configured store-failure behaviour; it never reaches
 * the caller of {@code decide} unless asked.
 *
 * <p>Immutable once thrown (like every exception); safe to pass between threads.
 */
public class HistoryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The failed operation. */
  private final StoreOperation operation;

  /**
   * Creates the exception.
   *
   * @param operation the failed store operation; not null
   * @param cause the underlying failure; may be null
   * @throws NullPointerException if {@code operation} is null
   */
  public HistoryUnavailableException(StoreOperation operation, Throwable cause) {
    super(
        String.format(
            Locale.ROOT,
            "contact history unavailable during %s%s",
            Objects.requireNonNull(operation, "operation"),
            cause == null ? "" : ": " + cause),
        cause);
    this.operation = operation;
  }

  /**
   * The failed operation.
   *
   * @return the operation given at construction, never null
   */
  public StoreOperation operation() {
    return operation;
  }
}
