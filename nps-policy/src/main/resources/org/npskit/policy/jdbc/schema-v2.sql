-- npskit JDBC contact history, schema version 2: the changes from version 1 (run after
-- schema-v1.sql; on a version-1 database it upgrades the tables in place, keeping every row).
-- ${prefix} is the validated table prefix. Idempotent like schema-v1.sql.

-- What a recorded survey asks about: 'TRANSACTIONAL' (a purchase, with subject_sku) or
-- 'RELATIONSHIP' (the shop, a frequent buyer's survey, subject_sku NULL); NULL for a SKIP and for
-- the surveys of version 1, which are all transactional.
ALTER TABLE ${prefix}decision ADD COLUMN IF NOT EXISTS survey_kind VARCHAR(16);
