/**
 * npskit policy: decides whether a purchase should trigger an NPS survey and records contact
 * history atomically.
 */
module org.npskit.policy {
  requires transitive org.npskit.core;
  requires org.slf4j;

  exports org.npskit.policy;
}
