package org.npskit.examples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parsed command-line arguments of one command: options with a value ({@code --name VALUE} or
 * {@code --name=VALUE}), flags and positional arguments. Unknown options are usage errors. Not
 * thread-safe (confined to the command that parses it).
 */
final class Args {
  /** The most column names a message lists. */
  private static final int LISTED = 30;

  /** The most digits before, and after, the point of a numeric option. */
  static final int MAX_DIGITS = 18;

  private static final Pattern PLAIN_DECIMAL =
      Pattern.compile("-?[0-9]{1," + MAX_DIGITS + "}(\\.[0-9]{1," + MAX_DIGITS + "})?");

  private final String command;
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();

  private Args(String command) {
    this.command = command;
  }

  /**
   * Parses a command's arguments.
   *
   * @param command the command name, for messages
   * @param args the arguments after the command name
   * @param valued the names (without {@code --}) of the options that take a value
   * @param flagNames the names of the options without a value
   * @return the parsed arguments
   * @throws BadInputException for an unknown option (with the nearest known one, if any), an
   *     option given twice, a missing value, or a value given to a flag
   */
  static Args parse(String command, String[] args, Set<String> valued, Set<String> flagNames) {
    Args a = new Args(command);
    List<String> known = new ArrayList<>(new java.util.TreeSet<>(valued));
    known.addAll(new java.util.TreeSet<>(flagNames));
    boolean onlyPositional = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!onlyPositional && arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 1) {
        String name = arg.substring(1).split("=", 2)[0];
        throw a.usage("unknown option %s%s; a file name that starts with - goes after --",
            BadInputException.quote(arg),
            Suggest.nearest(name, known).map(k -> "; did you mean --" + k + "?")
                .orElse(""));
      }
      if (onlyPositional || !arg.startsWith("--")) {
        a.positional.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyPositional = true;
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw a.usage("option --%s needs a value", name);
          }
          value = args[++i];
        }
        if (a.values.put(name, value) != null) {
          throw a.usage("option --%s is given twice", name);
        }
      } else if (flagNames.contains(name)) {
        if (value != null) {
          throw a.usage("option --%s takes no value, was given %s", name,
              BadInputException.quote(value));
        }
        a.flags.add(name);
      } else {
        throw a.usage("unknown option %s%s", BadInputException.quote(arg),
            Suggest.nearest(name, known).map(k -> "; did you mean --" + k + "?").orElse(""));
      }
    }
    return a;
  }

  BadInputException usage(String format, Object... args) {
    return new BadInputException(
        "npskit " + command + ": " + String.format(Locale.ROOT, format, args)
            + " (see npskit " + command + " --help)");
  }

  /**
   * The 0-based index of a column an option needs; a usage error when the file lacks it, naming
   * the option, listing the columns the file has and suggesting the nearest.
   *
   * @param table the file
   * @param option the option as the user gave it, for example {@code --by chanel}
   * @param name the column the option needs
   * @param what what the column holds, shown in the message, or ""
   * @return the column index
   * @throws BadInputException if the header has no such column
   */
  int column(Csv.Table table, String option, String name, String what) {
    int c = table.column(name);
    if (c >= 0) {
      return c;
    }
    List<String> names = table.names();
    throw usage("%s: %s has no column %s%s%s; its columns are %s", option, table.file(),
        BadInputException.quote(name), what.isEmpty() ? "" : " (" + what + ")",
        Suggest.nearest(name, names).map(n -> "; did you mean \"" + n + "\"?").orElse(""),
        listed(names));
  }

  /** At most {@value #LISTED} names, quoted as excerpts, then how many more. */
  private static String listed(List<String> names) {
    String shown = String.join(", ", names.stream().limit(LISTED)
        .map(BadInputException::quote).toList());
    return names.size() > LISTED
        ? shown + String.format(Locale.ROOT, " and %d more", names.size() - LISTED) : shown;
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  List<String> positional() {
    return positional;
  }

  String requireValue(String name) {
    return value(name).orElseThrow(() -> usage("option --%s is required", name));
  }

  /**
   * A numeric option: a plain decimal ({@code 0.95}, {@code 30}, {@code -2.5}): digits with at
   * most one {@code .}, at most {@value #MAX_DIGITS} digits on each side; no exponent, hex, sign
   * {@code +}, {@code NaN} or {@code Infinity}, which {@link Double#parseDouble} would accept.
   *
   * @param name the option name
   * @param fallback the value when the option is absent
   * @return the value ({@code -0} as 0)
   * @throws BadInputException naming the option and the value when it is no plain decimal
   */
  double number(String name, double fallback) {
    Optional<String> v = value(name);
    if (v.isEmpty()) {
      return fallback;
    }
    String text = v.get().strip();
    if (!PLAIN_DECIMAL.matcher(text).matches()) {
      throw usage("option --%s must be a plain decimal number such as 0.95 or 30 (digits and at "
          + "most one decimal point, at most %d digits on each side; no exponent, hex, NaN or "
          + "Infinity), "
          + "was %s", name, MAX_DIGITS, BadInputException.quote(v.get()));
    }
    return Double.parseDouble(text) + 0.0; // -0 is 0: no "-0" in any output
  }

  double confidence() {
    double c = number("confidence", 0.95);
    if (!(c > 0 && c < 1)) {
      throw usage("option --confidence must be in (0, 1), was %s",
          BadInputException.quote(values.get("confidence")));
    }
    return c;
  }

  <T> T choice(String name, String fallback, java.util.function.Function<String, T> parser) {
    String v = value(name).orElse(fallback);
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      throw usage("option --%s: %s", name, e.getMessage());
    }
  }

  List<String> files(int count, String what) {
    if (positional.size() != count) {
      throw usage("expected %s, got %d file argument(s)", what, positional.size());
    }
    return positional;
  }
}
