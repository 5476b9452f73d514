package org.npskit.test;

import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.jdbc.JdbcDialect;

/** The kit on PostgreSQL with the portable multi-statement commit instead of the single one. */
class PostgresPortableContactHistoryCompatibilityTest
    extends PostgresContactHistoryCompatibilityTest {
  @Override
  JdbcContactHistory.Builder configure(JdbcContactHistory.Builder builder) {
    return builder.dialect(JdbcDialect.PORTABLE);
  }
}
