/**
 * npskit examples and the npskit command-line tool.
 */
module org.npskit.examples {
  requires org.npskit.core;
  requires org.npskit.policy;

  exports org.npskit.examples;
}
