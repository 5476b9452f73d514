package org.npskit.policy.spi;

/**
 * The store operation that failed, as named by {@link HistoryUnavailableException#operation()}.
 *
 * <p>{@link #toString()} is the operation's name in messages and logs ({@code "load"},
 * {@code "commit"}, ...): the name of the {@link ContactHistory} method, or of the JDBC store's
 * schema method, that failed.
 *
 * <p>Immutable and thread-safe.
 */
public enum StoreOperation {
  /** {@link ContactHistory#load}. */
  LOAD("load"),
  /** {@link ContactHistory#commit}. */
  COMMIT("commit"),
  /** {@link ContactHistory#cancel}. */
  CANCEL("cancel"),
  /** {@link ContactHistory#recordResponse}. */
  RECORD_RESPONSE("recordResponse"),
  /** {@link ContactHistory#setOptedOut}. */
  SET_OPTED_OUT("setOptedOut"),
  /** {@link ContactHistory#purge}. */
  PURGE("purge"),
  /** {@link ContactHistory#eraseCustomer}. */
  ERASE_CUSTOMER("eraseCustomer"),
  /** Creating or upgrading a database schema (JDBC store). */
  CREATE_SCHEMA("createSchema"),
  /** Reading the installed schema version (JDBC store). */
  READ_SCHEMA_VERSION("installedSchemaVersion");

  private final String label;

  StoreOperation(String label) {
    this.label = label;
  }

  /**
   * The operation's name in messages, e.g. {@code "load"}.
   *
   * @return the name, never null
   */
  @Override
  public String toString() {
    return label;
  }
}
