package org.npskit.policy.jdbc;

import java.util.Locale;
import java.util.Objects;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;

/**
 * The one place that decides whether an order, customer or account id or a SKU can be stored as it
 * is: at most {@value #MAX_LENGTH} characters (the column width), no U+0000 (PostgreSQL's text
 * types cannot hold it, so the driver would fail as if the database were down) and no unpaired
 * surrogate (the driver would write it as {@code ?}, so two different ids could become one). A
 * rejected id is quoted in the message, an over-long one by its first {@value #QUOTED_LENGTH}
 * characters.
 *
 * <p>Stateless; thread-safe.
 */
final class StorableIds {

  /** The longest id or SKU the schema stores. */
  static final int MAX_LENGTH = 255;

  /** How many characters of an over-long id a message quotes. */
  static final int QUOTED_LENGTH = 40;

  private StorableIds() {}

  /**
   * Checks every id of a commit and the SKU of its survey.
   *
   * @param commit the commit; not null
   * @throws IllegalArgumentException naming the first id that cannot be stored
   */
  static void requireStorable(CommitRequest commit) {
    requireIfPresent(commit.orderId(), "orderId");
    requireIfPresent(commit.customerId(), "customerId");
    requireIfPresent(commit.accountId(), "accountId");
    commit.surveyRecord().ifPresent(s -> requireIfPresent(s.sku(), "sku"));
  }

  /**
   * Checks every id of a query: as {@link #requireReadable(String, String)}.
   *
   * @param query the query; not null
   * @throws IllegalArgumentException naming the first id that cannot be bound unchanged
   */
  static void requireReadable(HistoryQuery query) {
    requireReadable(query.orderId(), "orderId");
    requireReadable(query.customerId(), "customerId");
    requireReadable(query.accountId(), "accountId");
  }

  /**
   * Checks an id that is about to be written.
   *
   * @param id the id; not null
   * @param name what the id is, for the message (e.g. {@code "orderId"})
   * @throws NullPointerException naming {@code name} if {@code id} is null
   * @throws IllegalArgumentException naming {@code name} and the id if it cannot be stored
   */
  static void require(String id, String name) {
    Objects.requireNonNull(id, name);
    String problem = problem(id);
    if (problem != null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s %s: '%s'", name, problem, quoted(id)));
    }
  }

  /**
   * Checks an optional id that is about to be written.
   *
   * @param id the id, or null (accepted)
   * @param name what the id is, for the message
   * @throws IllegalArgumentException as {@link #require}
   */
  private static void requireIfPresent(String id, String name) {
    if (id != null) {
      require(id, name);
    }
  }

  /**
   * Checks an optional id that is only read: an over-long id is accepted (it matches no row), one
   * with U+0000 or an unpaired surrogate is not (it could not be bound unchanged).
   *
   * @param id the id, or null (accepted)
   * @param name what the id is, for the message
   * @throws IllegalArgumentException as {@link #require}, except for the length
   */
  private static void requireReadable(String id, String name) {
    if (id != null && id.length() <= MAX_LENGTH) {
      require(id, name);
    }
  }

  private static String problem(String id) {
    if (id.length() > MAX_LENGTH) {
      return String.format(
          Locale.ROOT,
          "must be at most %d characters, was %d characters",
          MAX_LENGTH,
          id.length());
    }
    if (id.indexOf('\u0000') >= 0) {
      return "must not contain U+0000";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < id.length()
          && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format(Locale.ROOT, "must not contain an unpaired surrogate (at %d)", i);
      }
    }
    return null;
  }

  private static String quoted(String id) {
    return id.length() > MAX_LENGTH ? id.substring(0, QUOTED_LENGTH) + "..." : id;
  }
}
