package org.npskit.policy.testlog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * One logging call as the test logger received it, its message already formatted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param thread the name of the thread that logged
 * @param level the level
 * @param logger the logger's name
 * @param message the formatted message, never null
 * @param throwable the throwable logged with it, or null
 */
public record LoggedEvent(
    String thread, Level level, String logger, String message, Throwable throwable) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if any field but {@code throwable} is null
   */
  public LoggedEvent {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(logger, "logger");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The event as a log file would show it: {@code [thread] LEVEL logger - message}, followed by
   * the throwable's stack trace when there is one.
   *
   * @return the text, never null
   */
  public String text() {
    String line = "[" + thread + "] " + level + " " + logger + " - " + message;
    if (throwable == null) {
      return line;
    }
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    return line + System.lineSeparator() + trace;
  }
}
