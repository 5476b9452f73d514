package org.npskit.policy.jdbc;

import java.sql.SQLException;

/**
 * What one row of the snapshot query is: the query is a {@code UNION ALL} of one {@code SELECT}
 * per kind, each tagging its rows with the kind's {@link #code()} in the first column.
 */
enum RowKind {
  /** The decided order (the order id is taken). */
  ORDER(1, false),
  /** The customer row: version and opt-out flag. */
  CUSTOMER(2, false),
  /** The account row: version. */
  ACCOUNT(3, false),
  /** A live survey to the customer; its flag says whether it is a relationship survey. */
  CUSTOMER_SURVEY(4, true),
  /** A live survey to the account; its flag says whether it is a relationship survey. */
  ACCOUNT_SURVEY(5, true),
  /** A response of the customer. */
  RESPONSE(6, true),
  /** A decided order of the customer (SURVEY or SKIP, cancelled or not): its decision time. */
  CUSTOMER_ORDER(7, true);

  private final int code;
  private final boolean timed;

  RowKind(int code, boolean timed) {
    this.code = code;
    this.timed = timed;
  }

  /**
   * The number the query writes in its first column for this kind.
   *
   * @return the code
   */
  int code() {
    return code;
  }

  /**
   * Whether rows of this kind carry an instant (and so fall inside or outside a query's range).
   *
   * @return true for surveys, responses and the customer's decided orders
   */
  boolean timed() {
    return timed;
  }

  /**
   * The kind of a code the query returned.
   *
   * @param code the first column of a row
   * @return the kind
   * @throws SQLException if no kind has the code (the query and this enum disagree)
   */
  static RowKind ofCode(int code) throws SQLException {
    for (RowKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new SQLException("unexpected row kind " + code);
  }
}
