package org.npskit.examples.cli;

/** One sub-command: parses its arguments and returns what goes to stdout on success. */
interface Command {

  /** The name on the command line. */
  String name();

  /** One line for the command list. */
  String summary();

  /** The full {@code --help} text. */
  String help();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name, {@code --help} already handled
   * @param progress where progress goes (stderr), may be ignored
   * @return the complete standard output
   * @throws BadInputException on bad input or usage (exit 2)
   */
  String run(String[] args, java.io.PrintStream progress);
}
