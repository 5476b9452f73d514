package org.npskit.examples;

import java.io.PrintStream;
import org.npskit.examples.cli.Cli;

/**
 * Entry point of the {@code npskit} command-line tool ({@code java -jar npskit.jar <command>}):
 * {@code demo}, {@code report}, {@code compare}, {@code sample-size}, {@code decide}.
 *
 * <p>Stateless; each call is independent and may run concurrently with others when given
 * separate streams.
 */
public final class NpsKit {

  private NpsKit() {}

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line; not null
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
        true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(args, out, System.err));
  }

  /**
   * Runs the tool with the given streams and returns its exit code. Standard output receives
   * a command's output only on success, except {@code decide}, which prints each decision once
   * it is recorded (after an exit code 1 the lines printed are valid decisions).
   *
   * @param args the command line; not null
   * @param out standard output; not null
   * @param err standard error; not null
   * @return 0 on success, 2 on bad input or usage, 1 when the environment failed (a store that
   *     stays down, an output that cannot be written, too little heap) or on internal failure
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    java.util.Objects.requireNonNull(args, "args");
    java.util.Objects.requireNonNull(out, "out");
    java.util.Objects.requireNonNull(err, "err");
    return Cli.run(args, out, err);
  }
}
