package org.npskit.examples;

import java.io.PrintStream;

/** Entry point of the {@code npskit} command-line tool. */
public final class NpsKit {

  private NpsKit() {}

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the tool with the given streams and returns its exit code.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return 0 on success, 2 on bad input or usage, 1 on internal failure
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    err.println("usage: npskit <command> [options]");
    return 2;
  }
}
