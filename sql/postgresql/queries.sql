-- PostgreSQL's spelling of the queries whose text differs between dialects (see ../queries.sql).

-- name: schema_migrations.create
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name    TEXT NOT NULL
);
-- name: schema_migrations.exists
SELECT count(*) FROM information_schema.tables
 WHERE table_schema = current_schema() AND table_name = 'schema_migrations';
-- name: schema_migrations.applied
SELECT version FROM schema_migrations ORDER BY version;
-- name: schema_migrations.insert
INSERT INTO schema_migrations (version, name) VALUES (:version, :name);
-- Serialises the writers of one contract's documents (store/ledger.cc, issue_document).
-- name: contracts.lock_for_issue
SELECT id FROM contracts WHERE id = :contract FOR UPDATE;
-- Issue 16: a worker claims the first pending item no other worker holds (store/work_items.cc);
-- the row stays locked until its transaction ends (done, or the worker's connection gone).
-- name: work_items.claim
SELECT run_id, seq, job, parameter, output, contract_id FROM work_items
 WHERE state = 'pending' ORDER BY run_id, seq LIMIT 1 FOR UPDATE SKIP LOCKED;
-- name: work_items.earlier_unclaimed
SELECT seq FROM work_items WHERE run_id = :run AND seq < :seq AND state = 'pending'
 ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED;
