package org.npskit.spring.boot;

import java.time.Duration;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own settings under {@code npskit.*} (the policy itself is read from
 * {@code nps.policy.*} by the library's parser). A mutable bean for Spring's binder: not
 * thread-safe while it is being bound, read-only afterwards.
 */
@ConfigurationProperties("npskit")
public class NpskitProperties {

  private final Store store = new Store();

  /** Creates the settings with their defaults. */
  public NpskitProperties() {}

  /**
   * The contact history settings.
   *
   * @return the store settings; never null
   */
  public Store getStore() {
    return store;
  }

  /** Which contact history to use and how to set it up. */
  public static class Store {

    /**
     * Which contact history to use: auto (the JDBC store on the application's DataSource when
     * there is exactly one, or one marked primary; otherwise in memory), memory or jdbc.
     */
    private StoreType type = StoreType.AUTO;

    private final Jdbc jdbc = new Jdbc();

    private final Memory memory = new Memory();

    /** Creates the settings with their defaults. */
    public Store() {}

    /**
     * The store type.
     *
     * @return the type; never null
     */
    public StoreType getType() {
      return type;
    }

    /**
     * Sets the store type.
     *
     * @param type the type; null restores {@code auto}
     */
    public void setType(StoreType type) {
      this.type = type == null ? StoreType.AUTO : type;
    }

    /**
     * The JDBC store settings.
     *
     * @return the settings; never null
     */
    public Jdbc getJdbc() {
      return jdbc;
    }

    /**
     * The in-memory store settings.
     *
     * @return the settings; never null
     */
    public Memory getMemory() {
      return memory;
    }
  }

  /** The JDBC contact history on the application's DataSource. */
  public static class Jdbc {

    /** Prefix of the store's table names. */
    private String tablePrefix = JdbcContactHistory.DEFAULT_TABLE_PREFIX;

    /**
     * When to create the tables at start-up: embedded (only on an in-memory database), always,
     * never (the schema comes from migrations).
     */
    private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

    /** Creates the settings with their defaults. */
    public Jdbc() {}

    /**
     * The table prefix.
     *
     * @return the prefix; never null
     */
    public String getTablePrefix() {
      return tablePrefix;
    }

    /**
     * Sets the table prefix; the store validates it at start-up.
     *
     * @param tablePrefix the prefix; null restores the default
     */
    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix =
          tablePrefix == null ? JdbcContactHistory.DEFAULT_TABLE_PREFIX : tablePrefix;
    }

    /**
     * When the tables are created.
     *
     * @return the mode; never null
     */
    public InitializeSchema getInitializeSchema() {
      return initializeSchema;
    }

    /**
     * Sets when the tables are created.
     *
     * @param initializeSchema the mode; null restores {@code embedded}
     */
    public void setInitializeSchema(InitializeSchema initializeSchema) {
      this.initializeSchema =
          initializeSchema == null ? InitializeSchema.EMBEDDED : initializeSchema;
    }
  }

  /** The in-memory contact history. */
  public static class Memory {

    /**
     * How long the in-memory store remembers decisions, surveys and responses (ISO-8601, e.g.
     * P180D). Unset: twice the policy's longest window, at least 30 days.
     */
    private Duration retention;

    /** Creates the settings with their defaults. */
    public Memory() {}

    /**
     * The retention.
     *
     * @return the retention, or null for the policy-derived default
     */
    public Duration getRetention() {
      return retention;
    }

    /**
     * Sets the retention.
     *
     * @param retention the retention; null for the policy-derived default
     */
    public void setRetention(Duration retention) {
      this.retention = retention;
    }
  }

  /** Which contact history the starter creates. */
  public enum StoreType {
    /** JDBC on the application's single (or primary) DataSource, else in memory. */
    AUTO,
    /** In memory, even when a DataSource exists. */
    MEMORY,
    /** JDBC; start-up fails unless exactly one (or a primary) DataSource exists. */
    JDBC
  }

  /** When the JDBC store's tables are created at start-up. */
  public enum InitializeSchema {
    /** Only on an in-memory (embedded) database such as H2 {@code jdbc:h2:mem:}. */
    EMBEDDED,
    /** On every start (the DDL is idempotent). */
    ALWAYS,
    /** Never: the schema comes from a migration tool. */
    NEVER
  }
}
