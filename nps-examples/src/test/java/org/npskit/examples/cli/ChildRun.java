package org.npskit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar running in a child JVM, watched while it runs: its standard output as complete lines
 * (a line cut by a kill is kept apart), its standard error as text; a test can wait for a number
 * of lines or a text on stderr, kill the process, or wait for its exit. Thread-safe.
 */
final class ChildRun {
  private static final long WAIT_MILLIS = 180_000;

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final Thread outReader;
  private final Thread errReader;

  private ChildRun(Process process) {
    this.process = process;
    this.outReader = new Thread(() -> readLines(process.getInputStream()), "child-stdout");
    this.errReader = new Thread(() -> readErr(process.getErrorStream()), "child-stderr");
    outReader.start();
    errReader.start();
  }

  /**
   * Starts {@code java [jvmOptions] -jar npskit.jar args}.
   *
   * @param jvmOptions options of the child JVM, such as {@code -Xmx1g}
   * @param args the command line
   * @return the running child
   */
  static ChildRun start(List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(JarRun.jar().toString());
    cmd.addAll(args);
    try {
      return new ChildRun(new ProcessBuilder(cmd)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void readLines(InputStream in) {
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      char[] buf = new char[8192];
      for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
        synchronized (this) {
          for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
              lines.add(partial.toString());
              partial.setLength(0);
            } else {
              partial.append(buf[i]);
            }
          }
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the child died: what was read stays
    }
  }

  private void readErr(InputStream in) {
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      char[] buf = new char[4096];
      for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
        synchronized (this) {
          err.append(buf, 0, n);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the child died
    }
  }

  /** Waits until the child printed at least this many complete lines (or ended). */
  synchronized void awaitLines(int count) throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MILLIS;
    while (lines.size() < count && process.isAlive()) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("the child printed " + lines.size() + " lines, not " + count);
      }
      wait(Math.min(left, 100));
    }
  }

  /** Waits until the child's stderr holds the text (or the child ended). */
  synchronized void awaitErr(String text) throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MILLIS;
    while (err.indexOf(text) < 0 && process.isAlive()) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("stderr never showed \"" + text + "\": " + err);
      }
      wait(Math.min(left, 100));
    }
  }

  /** Kills the child at once (SIGKILL on Linux) and waits for it and its output. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    exit();
  }

  /**
   * Waits for the child to end and for its output to be read.
   *
   * @return the exit code
   */
  int exit() throws InterruptedException {
    if (!process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not end: " + err());
    }
    outReader.join(WAIT_MILLIS);
    errReader.join(WAIT_MILLIS);
    return process.exitValue();
  }

  /** The complete lines printed so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** What follows the last line end: a line the child had not finished. */
  synchronized String partialLine() {
    return partial.toString();
  }

  synchronized String err() {
    return err.toString();
  }
}
