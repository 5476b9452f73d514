/**
 * npskit examples and the npskit command-line tool ({@code java -jar npskit.jar}).
 *
 * <p>Exports only {@code org.npskit.examples} (the entry point and the runnable examples); the
 * command implementations are internal.
 */
module org.npskit.examples {
  requires transitive org.npskit.core;
  requires transitive org.npskit.policy;
  requires java.sql;
  requires transitive org.slf4j;

  exports org.npskit.examples;
}
