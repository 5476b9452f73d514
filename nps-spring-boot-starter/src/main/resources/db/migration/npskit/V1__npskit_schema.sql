-- npskit JDBC contact history, schema version 1.
-- Portable SQL (tested on PostgreSQL 14 and H2 2.x). npskit_ is the validated table prefix
-- (default "npskit_"). Every statement is idempotent: running the script again changes nothing.
-- Instants are stored as TIMESTAMP WITH TIME ZONE in UTC, truncated to microseconds.

-- Installed schema versions: one row per applied version.
CREATE TABLE IF NOT EXISTS npskit_schema_version (
  version      INTEGER                  NOT NULL PRIMARY KEY,
  installed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per customer the store has written for: the optimistic version token and opt-out flag.
CREATE TABLE IF NOT EXISTS npskit_customer (
  customer_id VARCHAR(255) NOT NULL PRIMARY KEY,
  version     BIGINT       NOT NULL,
  opted_out   BOOLEAN      NOT NULL
);

-- One row per account (B2B) that had a survey: the optimistic version token.
CREATE TABLE IF NOT EXISTS npskit_account (
  account_id VARCHAR(255) NOT NULL PRIMARY KEY,
  version    BIGINT       NOT NULL
);

-- One row per decided order (SURVEY or SKIP). The primary key makes decisions idempotent per
-- order id: a redelivered order can never be recorded twice, even from two processes at once.
CREATE TABLE IF NOT EXISTS npskit_decision (
  order_id    VARCHAR(255)             NOT NULL PRIMARY KEY,
  customer_id VARCHAR(255)             NOT NULL,
  account_id  VARCHAR(255),
  decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  outcome     VARCHAR(16)              NOT NULL,
  subject_sku VARCHAR(255),
  cancelled   BOOLEAN                  NOT NULL
);
CREATE INDEX IF NOT EXISTS npskit_decision_customer_idx ON npskit_decision (customer_id, decided_at);
CREATE INDEX IF NOT EXISTS npskit_decision_account_idx ON npskit_decision (account_id, decided_at);
CREATE INDEX IF NOT EXISTS npskit_decision_time_idx ON npskit_decision (decided_at);

-- Recorded survey responses (response clocks).
CREATE TABLE IF NOT EXISTS npskit_response (
  customer_id  VARCHAR(255)             NOT NULL,
  responded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (customer_id, responded_at)
);
CREATE INDEX IF NOT EXISTS npskit_response_time_idx ON npskit_response (responded_at);

-- Records schema version 1, as JdbcContactHistory.createSchema() does (this migration is that
-- DDL for the default prefix "npskit_", for Flyway or Liquibase with initialize-schema=never).
INSERT INTO npskit_schema_version (version, installed_at) VALUES (1, CURRENT_TIMESTAMP);
