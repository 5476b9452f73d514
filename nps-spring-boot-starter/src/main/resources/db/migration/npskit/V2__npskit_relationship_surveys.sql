-- npskit JDBC contact history, schema version 2: the changes from version 1 (run after
-- schema-v1.sql; on a version-1 database it upgrades the tables in place, keeping every row).
-- npskit_ is the validated table prefix. Idempotent like schema-v1.sql.

-- What a recorded survey asks about: 'TRANSACTIONAL' (a purchase, with subject_sku) or
-- 'RELATIONSHIP' (the shop, a frequent buyer's survey, subject_sku NULL); NULL for a SKIP and for
-- the surveys of version 1, which are all transactional.
ALTER TABLE npskit_decision ADD COLUMN IF NOT EXISTS survey_kind VARCHAR(16);

-- Records schema version 2, as JdbcContactHistory.createSchema() does (this migration is that
-- DDL for the default prefix "npskit_", for Flyway or Liquibase with initialize-schema=never).
INSERT INTO npskit_schema_version (version, installed_at) VALUES (2, CURRENT_TIMESTAMP);
