package org.npskit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, so that progress lines are shown to a person and never
 * written into a redirected log.
 *
 * <p>Java 17 has no direct test for one stream ({@code System.console()} is null as soon as
 * standard output is redirected, e.g. {@code decide ... > decisions.json}, even when stderr is
 * still the terminal). On Linux the link {@code /proc/self/fd/2} names the device behind stderr;
 * elsewhere the console test is the fall-back.
 */
final class Terminal {
  private Terminal() {}

  /**
   * Whether standard error is a terminal.
   *
   * @return true if stderr is a terminal (or, where that cannot be read, a console is attached)
   */
  static boolean stderrIsTerminal() {
    return isTerminal(Path.of("/proc/self/fd/2"), System.console() != null);
  }

  /**
   * Whether the file-descriptor link names a terminal device.
   *
   * @param fdLink a link such as {@code /proc/self/fd/2}
   * @param fallback the answer when the link cannot be read (not Linux)
   * @return true for {@code /dev/pts/*}, {@code /dev/tty*} and {@code /dev/console}
   */
  static boolean isTerminal(Path fdLink, boolean fallback) {
    Path target;
    try {
      target = Files.readSymbolicLink(fdLink);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return fallback;
    }
    String t = target.toString();
    return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
  }
}
