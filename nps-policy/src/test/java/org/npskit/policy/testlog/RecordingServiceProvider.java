package org.npskit.policy.testlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider of this module's tests (registered in {@code META-INF/services}): every
 * event at INFO and above goes to the open {@link LogCapture}s of the thread that logged it, and
 * events at or above the logger's print level are written to {@code System.err}.
 *
 * <p>Print levels come from {@code npskit-test-log.properties} on the class path ({@code
 * default=warn}, then {@code logger.name.prefix=level}, the longest prefix wins; {@code off}
 * prints nothing). The system property {@code npskit.test.log} (for example {@code
 * -Dnpskit.test.log=debug} on the Maven command line) replaces them all with one level.
 *
 * <p>Thread-safe.
 */
public final class RecordingServiceProvider implements SLF4JServiceProvider {
  private static final String CONFIG = "npskit-test-log.properties";

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private Factory factory;

  /** Called by SLF4J's service loader. */
  public RecordingServiceProvider() {}

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    factory = new Factory(printLevels());
  }

  /** Logger name prefix ("" for the default) to the lowest level printed, null for off. */
  private static Map<String, Level> printLevels() {
    Map<String, Level> levels = new TreeMap<>();
    String override = System.getProperty("npskit.test.log");
    if (override != null && !override.isBlank()) {
      levels.put("", level("npskit.test.log", override));
      return levels;
    }
    levels.put("", Level.WARN);
    Properties p = new Properties();
    try (InputStream in = RecordingServiceProvider.class.getClassLoader()
        .getResourceAsStream(CONFIG)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CONFIG, e);
    }
    for (String key : p.stringPropertyNames()) {
      levels.put(key.equals("default") ? "" : key, level(key, p.getProperty(key)));
    }
    return levels;
  }

  private static Level level(String key, String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.equals("OFF")) {
      return null;
    }
    try {
      return Level.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(CONFIG + ": " + key + ": value \"" + value
          + "\" is not one of trace, debug, info, warn, error, off", e);
    }
  }

  /** Hands out one logger per name. */
  static final class Factory implements ILoggerFactory {
    private final Map<String, Level> printLevels;
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    Factory(Map<String, Level> printLevels) {
      this.printLevels = printLevels;
    }

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, n -> new RecordingLogger(n, printLevel(n)));
    }

    private Level printLevel(String name) {
      String best = "";
      for (String prefix : printLevels.keySet()) {
        boolean matches = prefix.isEmpty() || name.equals(prefix) || name.startsWith(prefix + ".");
        if (matches && prefix.length() >= best.length()) {
          best = prefix;
        }
      }
      return printLevels.get(best);
    }
  }

  /** Records at INFO and above, prints at or above its print level. */
  private static final class RecordingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final Level printLevel;

    RecordingLogger(String name, Level printLevel) {
      this.name = name;
      this.printLevel = printLevel;
    }

    private boolean enabled(Level level) {
      return level.toInt() >= Level.INFO.toInt() || printed(level);
    }

    private boolean printed(Level level) {
      return printLevel != null && level.toInt() >= printLevel.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
        Object[] arguments, Throwable throwable) {
      if (!enabled(level)) {
        return;
      }
      LoggedEvent event = new LoggedEvent(Thread.currentThread().getName(), level, name,
          MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
      LogCapture.offer(event);
      if (printed(level)) {
        PrintStream err = System.err;
        err.println(event.text().stripTrailing());
      }
    }
  }
}
