package org.npskit.examples.cli;

/** The {@code --format text|json} option. Stateless. */
final class Formats {
  private Formats() {}

  static boolean json(Args a) {
    String f = a.value("format").orElse("text");
    if (f.equals("json")) {
      return true;
    }
    if (f.equals("text")) {
      return false;
    }
    throw a.usage("option --format must be text or json, was %s", BadInputException.quote(f));
  }
}
