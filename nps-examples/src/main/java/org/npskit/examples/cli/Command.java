package org.npskit.examples.cli;

import java.io.PrintStream;

/** One sub-command: parses its arguments and writes its standard output. */
interface Command {

  /** The name on the command line. */
  String name();

  /** One line for the command list. */
  String summary();

  /** The full {@code --help} text. */
  String help();

  /**
   * Runs the command and returns its output whole: nothing is printed unless it succeeds.
   *
   * @param args the arguments after the command name, {@code --help} already handled
   * @param progress where progress goes (stderr), may be ignored
   * @return the complete standard output
   * @throws BadInputException on bad input or usage (exit 2)
   * @throws CommandFailedException when the environment fails (exit 1)
   */
  String run(String[] args, PrintStream progress);

  /**
   * Runs the command and writes its output. By default the output of {@link #run(String[],
   * PrintStream)}, printed once complete; a command whose output streams overrides this (and
   * checks the stream for errors as it writes).
   *
   * @param args the arguments after the command name, {@code --help} already handled
   * @param out standard output
   * @param progress where progress goes (stderr), may be ignored
   * @throws BadInputException on bad input or usage (exit 2), before anything is printed
   * @throws CommandFailedException when the environment fails (exit 1)
   */
  default void run(String[] args, PrintStream out, PrintStream progress) {
    out.print(run(args, progress));
  }
}
