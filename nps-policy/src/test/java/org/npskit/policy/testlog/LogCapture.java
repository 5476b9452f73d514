package org.npskit.policy.testlog;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.event.Level;

/**
 * Records, in memory, what the calling thread logs at {@link Level#INFO} and above while the
 * capture is open; what other threads log is not recorded, so tests that run in parallel do not
 * see each other's events. Needs {@link RecordingServiceProvider} as the SLF4J provider (the test
 * class path of this module has no other).
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *   gate.decide(purchase);
 *   assertThat(log.messages()).containsExactly("contact history unavailable ...");
 * }
 * }</pre>
 *
 * <p>The events list is thread-safe; open and close a capture on the same thread.
 */
public final class LogCapture implements AutoCloseable {
  private static final Set<LogCapture> OPEN = ConcurrentHashMap.newKeySet();

  private final Thread owner = Thread.currentThread();
  private final List<LoggedEvent> events = new CopyOnWriteArrayList<>();

  private LogCapture() {}

  /**
   * Starts recording what the calling thread logs.
   *
   * @return the open capture; close it to stop recording
   * @throws IllegalStateException if SLF4J is bound to another provider than the recording one
   */
  public static LogCapture start() {
    if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof RecordingServiceProvider.Factory)) {
      throw new IllegalStateException("SLF4J is not bound to RecordingServiceProvider but to "
          + org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }
    LogCapture capture = new LogCapture();
    OPEN.add(capture);
    return capture;
  }

  /**
   * The events recorded so far, oldest first.
   *
   * @return an unmodifiable snapshot, never null
   */
  public List<LoggedEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The recorded events' formatted messages, oldest first.
   *
   * @return an unmodifiable snapshot, never null
   */
  public List<String> messages() {
    return events.stream().map(LoggedEvent::message).toList();
  }

  /**
   * All recorded events as a log file would show them, stack traces included.
   *
   * @return the text, one event per line (plus its trace), never null
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (LoggedEvent e : events) {
      b.append(e.text()).append(System.lineSeparator());
    }
    return b.toString();
  }

  /** Stops recording; the events recorded so far stay readable. */
  @Override
  public void close() {
    OPEN.remove(this);
  }

  /** Hands an event to every open capture of the thread that logged it. */
  static void offer(LoggedEvent event) {
    if (event.level().toInt() < Level.INFO.toInt() || OPEN.isEmpty()) {
      return;
    }
    Thread current = Thread.currentThread();
    for (LogCapture capture : OPEN) {
      if (capture.owner == current) {
        capture.events.add(event);
      }
    }
  }
}
