package org.npskit.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command dispatcher behind {@code java -jar npskit.jar}: output is buffered and printed only
 * on success; bad input exits 2 with one message on stderr; other failures exit 1 with a short
 * message (stack trace with {@code --debug}).
 *
 * <p>Stateless and thread-safe: concurrent runs need separate streams, and share the default working directory and JDBC drivers.
 */
public final class Cli {
  private static final List<Command> COMMANDS = List.of(new DemoCommand(), new ReportCommand(),
      new CompareCommand(), new SampleSizeCommand(), new DecideCommand());

  private Cli() {}

  /**
   * Runs one command line.
   *
   * @param args the command line; not null
   * @param out standard output; not null
   * @param err standard error; not null
   * @return the exit code: 0 ok, 2 bad input or usage, 1 internal failure
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("help")) {
      (rest.length == 0 ? err : out).print(usage());
      return rest.length == 0 ? 2 : 0;
    }
    Command command = COMMANDS.stream().filter(c -> c.name().equals(rest[0])).findFirst()
        .orElse(null);
    if (command == null) {
      err.printf(Locale.ROOT, "npskit: unknown command \"%s\"%n%s", rest[0], usage());
      return 2;
    }
    String[] cmdArgs = Arrays.copyOfRange(rest, 1, rest.length);
    if (Arrays.asList(cmdArgs).contains("--help")) {
      out.print(command.help());
      return 0;
    }
    try {
      String result = command.run(cmdArgs, err);
      out.print(result);
      out.flush();
      return 0;
    } catch (BadInputException e) {
      err.println(e.getMessage());
      return 2;
    } catch (StoreUnavailableException e) {
      err.printf(Locale.ROOT, "npskit %s: %s%n", command.name(), e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (RuntimeException | LinkageError e) {
      err.printf(Locale.ROOT, "npskit %s: internal failure: %s%s%n", command.name(), e,
          debug ? "" : " (run with --debug for the stack trace)");
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  static String usage() {
    StringBuilder sb = new StringBuilder("usage: npskit <command> [options]   (npskit <command> "
        + "--help for details)\n\ncommands:\n");
    for (Command c : COMMANDS) {
      sb.append(String.format(Locale.ROOT, "  %-12s %s%n", c.name(), c.summary()));
    }
    return sb.toString();
  }
}
