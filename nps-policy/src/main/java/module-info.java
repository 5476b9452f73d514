/**
 * npskit policy: decides whether a purchase should trigger an NPS survey and records contact
 * history atomically.
 *
 * <p>Exported: the API ({@code org.npskit.policy}), the store SPI ({@code org.npskit.policy.spi}),
 * the default in-memory store ({@code org.npskit.policy.memory}) and the JDBC store
 * ({@code org.npskit.policy.jdbc}). The rule engine lives in a package that is not exported.
 */
module org.npskit.policy {
  requires transitive org.npskit.core;
  requires org.slf4j;
  requires transitive java.sql;

  exports org.npskit.policy;
  exports org.npskit.policy.spi;
  exports org.npskit.policy.memory;
  exports org.npskit.policy.jdbc;
}
