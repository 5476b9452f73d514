package org.npskit.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command dispatcher behind {@code java -jar npskit.jar}: output is printed only on success,
 * except for {@code decide}, which streams (each decision once it is recorded); bad input exits 2
 * with one message on stderr and nothing on stdout; other failures (a store that stays down,
 * standard output that cannot be written, a heap too small) exit 1 with a short message (stack
 * trace with {@code --debug}).
 *
 * <p>Stateless and thread-safe: concurrent runs need separate streams, and share the default working directory and JDBC drivers.
 */
public final class Cli {
  private static final List<Command> COMMANDS = List.of(new DemoCommand(), new ReportCommand(),
      new CompareCommand(), new SampleSizeCommand(), new CoverageCommand(), new DecideCommand());

  /** Where the build puts the executable jar, relative to the project root. */
  static final String JAR = "nps-examples/target/npskit.jar";

  /** The Maven descriptor the jar carries; it holds the version. */
  private static final String POM_PROPERTIES =
      "/META-INF/maven/org.npskit/nps-examples/pom.properties";

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
    if (rest.length == 0) {
      err.print("npskit: no command given\n" + usage());
      return 2;
    }
    if (HELP.contains(rest[0])) {
      out.print(usage());
      return 0;
    }
    if (rest[0].equals("--version") || rest[0].equals("version")) {
      out.println("npskit " + version());
      return 0;
    }
    Command command = COMMANDS.stream().filter(c -> c.name().equals(rest[0])).findFirst()
        .orElse(null);
    if (command == null) {
      List<String> names = new java.util.ArrayList<>(COMMANDS.stream().map(Command::name)
          .toList());
      names.addAll(List.of("help", "--help", "--version"));
      err.printf(Locale.ROOT, "npskit: unknown command %s%s%n%s", BadInputException.quote(rest[0]),
          Suggest.nearest(rest[0], names).map(n -> "; did you mean " + n + "?").orElse(""),
          usage());
      return 2;
    }
    String[] cmdArgs = Arrays.copyOfRange(rest, 1, rest.length);
    if (Arrays.stream(cmdArgs).anyMatch(x -> x.equals("--help") || x.equals("-h"))) {
      out.print(command.help());
      return 0;
    }
    try {
      command.run(cmdArgs, out, err);
      out.flush();
      if (out.checkError()) {
        throw new OutputFailedException("cannot write standard output (a full disk or a closed "
            + "pipe?)");
      }
      return 0;
    } catch (BadInputException e) {
      err.println(terminalSafe(e.getMessage()));
      return 2;
    } catch (CommandFailedException e) {
      err.printf(Locale.ROOT, "npskit %s: %s%n", command.name(), terminalSafe(e.getMessage()));
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (OutOfMemoryError e) {
      err.printf(Locale.ROOT, "npskit %s: out of memory: the input needs more than the %d MB of "
          + "heap Java was given; give it more (java -Xmx4g -jar npskit.jar %s ...) or split "
          + "the input%n", command.name(), Runtime.getRuntime().maxMemory() >> 20, command.name());
      return 1;
    } catch (RuntimeException | LinkageError e) {
      err.printf(Locale.ROOT, "npskit %s: internal failure: %s%s%n", command.name(),
          terminalSafe(String.valueOf(e)),
          debug ? "" : " (run with --debug for the stack trace)");
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /**
   * A message as the terminal may show it: line breaks and tabs kept, every other control
   * character (an escape sequence a value smuggled in) made visible as {@code \u001b} etc.
   */
  static String terminalSafe(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\t' || !Character.isISOControl(c)
          && Character.getType(c) != Character.FORMAT) {
        sb.append(c);
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /** The ways to ask for help. */
  private static final List<String> HELP = List.of("--help", "-h", "help");

  static String usage() {
    StringBuilder sb = new StringBuilder("usage: npskit <command> [options]   (npskit <command> "
        + "--help for details)\n");
    sb.append("where npskit is: ").append(launcher()).append("\n\ncommands:\n");
    for (Command c : COMMANDS) {
      sb.append(String.format(Locale.ROOT, "  %-12s %s%n", c.name(), c.summary()));
    }
    sb.append("\n  --help, -h   this text        --version   the version of npskit\n");
    return sb.toString();
  }

  /**
   * The version of npskit, from the Maven descriptor in the jar.
   *
   * @return the version, or a note that it is unknown (running from class files, not the jar)
   */
  static String version() {
    try (java.io.InputStream in = Cli.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v.strip();
        }
      }
    } catch (java.io.IOException e) {
      // fall through: the version is unknown
    }
    return "(version unknown: not run from the npskit jar)";
  }

  /**
   * How to run this tool from the current directory: {@code java -jar PATH}, with the path of the
   * running jar (relative when it lies below the working directory), or {@value #JAR} when not
   * run from a jar.
   *
   * @return the command prefix, for example {@code java -jar nps-examples/target/npskit.jar}
   */
  static String launcher() {
    String shown = JAR;
    try {
      java.security.CodeSource source = Cli.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        java.nio.file.Path jar = java.nio.file.Path.of(source.getLocation().toURI());
        if (jar.getFileName() != null && jar.getFileName().toString().endsWith(".jar")
            && java.nio.file.Files.isRegularFile(jar)) {
          java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
          shown = (jar.startsWith(cwd) ? cwd.relativize(jar) : jar).toString();
        }
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // keep the documented path
    }
    return "java -jar " + (shown.contains(" ") ? "\"" + shown + "\"" : shown);
  }
}
