package org.npskit.examples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments of one command: options with a value ({@code --name VALUE} or
 * {@code --name=VALUE}), flags and positional arguments. Unknown options are usage errors. Not
 * thread-safe (confined to the command that parses it).
 */
final class Args {
  private final String command;
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();

  private Args(String command) {
    this.command = command;
  }

  static Args parse(String command, String[] args, Set<String> valued, Set<String> flagNames) {
    Args a = new Args(command);
    boolean onlyPositional = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
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
      } else if (flagNames.contains(name) && value == null) {
        a.flags.add(name);
      } else {
        throw a.usage("unknown option \"%s\"", arg);
      }
    }
    return a;
  }

  BadInputException usage(String format, Object... args) {
    return new BadInputException(
        "npskit " + command + ": " + String.format(Locale.ROOT, format, args)
            + " (see npskit " + command + " --help)");
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

  double number(String name, double fallback) {
    Optional<String> v = value(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.get().strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw usage("option --%s must be a number, was \"%s\"", name, v.get());
    }
  }

  double confidence() {
    double c = number("confidence", 0.95);
    if (!(c > 0 && c < 1)) {
      throw usage("option --confidence must be in (0, 1), was \"%s\"", values.get("confidence"));
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
