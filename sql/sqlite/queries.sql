-- SQLite's spelling of the queries whose text differs between dialects (see ../queries.sql).

-- name: schema_migrations.create
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name    TEXT NOT NULL
);
-- name: schema_migrations.exists
SELECT CAST(count(*) AS INTEGER) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';
-- name: schema_migrations.applied
SELECT version FROM schema_migrations ORDER BY version;
-- name: schema_migrations.insert
INSERT INTO schema_migrations (version, name) VALUES (:version, :name);
-- SQLite serialises writers with BEGIN IMMEDIATE instead (store/ledger.cc, issue_document).
-- name: contracts.lock_for_issue
SELECT id FROM contracts WHERE id = :contract;
