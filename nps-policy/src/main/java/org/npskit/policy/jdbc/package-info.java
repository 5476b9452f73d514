/**
 * The JDBC contact history: {@link org.npskit.policy.jdbc.JdbcContactHistory}, a {@link
 * org.npskit.policy.spi.ContactHistory} in any relational database reached through a {@link
 * javax.sql.DataSource} (tested on PostgreSQL and H2), so that every instance of an application
 * sees the same history and check-and-record is atomic across processes; and {@link
 * org.npskit.policy.jdbc.JdbcDialect}, the SQL dialect of its survey commit (detected, or set on
 * the builder).
 *
 * <p>Uses only the JDK's {@code java.sql}; the JDBC driver and connection pool are the
 * application's choice. The schema is versioned and shipped as the resources {@code
 * org/npskit/policy/jdbc/schema-v1.sql} (the tables) and {@code schema-v2.sql} (the changes of
 * version 2, which upgrade a version-1 database in place).
 */
package org.npskit.policy.jdbc;
