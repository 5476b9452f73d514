package org.npskit.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.ContactHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the survey gate: a {@link SurveyPolicy} read from {@code nps.policy.*}
 * by the library's own parser, a {@link ContactHistory} chosen by {@code npskit.store.*} and a
 * {@link SurveyGate} with the application's {@link Clock} (when it has exactly one) and every
 * {@link DecisionListener} bean. Each bean backs off when the application defines one of its
 * type. Runs after Spring Boot's DataSource auto-configuration, so {@code npskit.store.type=auto}
 * sees the application's DataSource.
 *
 * <p>Used by Spring only; the class holds no state and is thread-safe.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnClass(SurveyGate.class)
@EnableConfigurationProperties(NpskitProperties.class)
public class NpskitAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NpskitAutoConfiguration.class);
  private static final Duration MIN_DEFAULT_RETENTION = Duration.ofDays(30);

  /** Created by Spring. */
  public NpskitAutoConfiguration() {}

  /**
   * The policy of the {@code nps.policy.*} entries of the environment.
   *
   * @param environment the application's environment
   * @return the policy
   * @throws IllegalArgumentException naming the key and the value, for a key or value the
   *     policy properties contract rejects (start-up fails)
   */
  @Bean
  @ConditionalOnMissingBean
  public SurveyPolicy npskitSurveyPolicy(Environment environment) {
    if (!(environment instanceof ConfigurableEnvironment configurable)) {
      throw new IllegalStateException("npskit needs a ConfigurableEnvironment to read nps.policy.*,"
          + " got " + environment.getClass().getName());
    }
    Map<String, Object> settings = PolicySettings.from(configurable);
    if (settings.isEmpty()) {
      LOG.info("no nps.policy.* key configured: the survey policy has every default");
      return SurveyPolicy.defaults();
    }
    return SurveyPolicy.fromProperties(settings);
  }

  /**
   * The contact history {@code npskit.store.type} selects.
   *
   * @param properties the starter's settings
   * @param policy the policy (for the in-memory store's default retention)
   * @param dataSources the application's DataSource beans
   * @param clocks the application's Clock beans
   * @return the store
   * @throws IllegalStateException for {@code npskit.store.type=jdbc} without exactly one (or a
   *     primary) DataSource
   */
  @Bean
  @ConditionalOnMissingBean
  public ContactHistory npskitContactHistory(NpskitProperties properties, SurveyPolicy policy,
      ObjectProvider<DataSource> dataSources, ObjectProvider<Clock> clocks) {
    NpskitProperties.Store store = properties.getStore();
    DataSource dataSource = store.getType() == NpskitProperties.StoreType.MEMORY
        ? null : dataSources.getIfUnique();
    if (store.getType() == NpskitProperties.StoreType.JDBC && dataSource == null) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "npskit.store.type=jdbc needs exactly one DataSource bean (or one marked @Primary),"
              + " found %d", dataSources.stream().count()));
    }
    if (dataSource == null) {
      Duration retention = store.getMemory().getRetention();
      if (retention == null) {
        Duration twice = policy.longestWindow().multipliedBy(2);
        retention = twice.compareTo(MIN_DEFAULT_RETENTION) < 0 ? MIN_DEFAULT_RETENTION : twice;
      }
      return InMemoryContactHistory.withRetention(retention, clock(clocks));
    }
    NpskitProperties.Jdbc jdbc = store.getJdbc();
    JdbcContactHistory history = JdbcContactHistory.builder(dataSource)
        .tablePrefix(jdbc.getTablePrefix())
        .build();
    boolean create = switch (jdbc.getInitializeSchema()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case EMBEDDED -> isEmbedded(dataSource);
    };
    if (create) {
      history.createSchema();
    }
    return history;
  }

  /**
   * The gate on the policy and the store, with the application's clock and listeners.
   *
   * @param policy the policy
   * @param history the store
   * @param clocks the application's Clock beans
   * @param listeners the application's DecisionListener beans (the starter's metrics among them)
   * @return the gate
   */
  @Bean
  @ConditionalOnMissingBean
  public SurveyGate npskitSurveyGate(SurveyPolicy policy, ContactHistory history,
      ObjectProvider<Clock> clocks, ObjectProvider<DecisionListener> listeners) {
    List<DecisionListener> all = listeners.orderedStream().toList();
    SurveyGate.Builder builder = SurveyGate.builder(policy).history(history)
        .clock(clock(clocks));
    if (!all.isEmpty()) {
      builder.listener(all.size() == 1 ? all.get(0) : new ListenerChain(new ArrayList<>(all)));
    }
    return builder.build();
  }

  private static Clock clock(ObjectProvider<Clock> clocks) {
    return clocks.getIfUnique(Clock::systemUTC);
  }

  /**
   * Whether the database lives in memory, by Spring Boot's rule (H2 {@code :h2:mem}, HSQLDB
   * {@code :hsqldb:mem:}, Derby {@code :derby:memory:}). A database that cannot be reached is
   * not embedded (as in Boot): start-up goes on, and the health contributor reports it DOWN.
   */
  static boolean isEmbedded(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String url = c.getMetaData().getURL();
      return url != null && (url.contains(":h2:mem") || url.contains(":hsqldb:mem:")
          || url.contains(":derby:memory:"));
    } catch (SQLException e) {
      LOG.warn("npskit.store.jdbc.initialize-schema=embedded: the DataSource cannot be reached"
          + " ({}), so it is taken as not embedded and no table is created", e.getMessage());
      return false;
    }
  }
}
