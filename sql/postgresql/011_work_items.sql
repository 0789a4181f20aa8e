-- Issue 16: `clause worker` processes sharing one PostgreSQL.
-- A coordinator (`clause statements|invoices --workers`) records the night's work items, one per
-- contract of the job, in the order a single run takes them (seq); each worker claims one with
-- SELECT ... FOR UPDATE SKIP LOCKED and keeps that transaction open while it processes the
-- contract, so a worker that dies (its connection ends) hands the item back. `result` is what the
-- single run's loop collects for the contract (manifest entries, skipped contracts, waiting
-- credits), as JSON, for the coordinator's manifest and journal. number_reservations: a number
-- taken for a document in a short transaction of its own (B7), before the document is rendered;
-- issue_document records the document under it, and a worker that finishes a dead worker's item
-- finds it again (no gap). The three tables are emptied when the coordinator finishes.
CREATE TABLE work_items (
  run_id      BIGINT NOT NULL REFERENCES runs (id),
  seq         INTEGER NOT NULL CHECK (seq >= 0),
  job         TEXT NOT NULL CHECK (job IN ('statements', 'invoices')),
  parameter   TEXT NOT NULL CHECK (parameter <> ''),
  output      TEXT NOT NULL CHECK (output <> ''),
  contract_id TEXT NOT NULL CHECK (contract_id <> ''),
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
  worker      TEXT NOT NULL DEFAULT '',
  result      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX work_items_pending ON work_items (state, run_id, seq);

-- The items whose invoice and credit note numbers are all reserved: the turn of the next (B7:
-- numbers in the single run's order). Apart from work_items, whose row the claim keeps locked.
CREATE TABLE numbered_work_items (
  run_id      BIGINT NOT NULL,
  seq         INTEGER NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE number_reservations (
  kind        TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  contract_id TEXT NOT NULL,
  period      TEXT NOT NULL,
  number      TEXT NOT NULL UNIQUE,
  run_id      BIGINT NOT NULL REFERENCES runs (id),
  PRIMARY KEY (kind, contract_id, period)
);
