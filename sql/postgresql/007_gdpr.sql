-- GDPR inactivity (RULES G1-G6, issue 14). What a purge did, never who the person was: account and
-- person ids (the provider's keys), dates, rule ids and counts; no name, e-mail, phone or address,
-- and no hash of one (a hash of an e-mail is reversed by guessing). Rows are written in the
-- transaction of the purge they record, and also appended to the audit file outside the database
-- (docs/gdpr.md) so that `clause gdpr --replay` can apply them again after a restore (G5).

-- One row per account purge: the audit row. run_id is the gdpr run's own id (text, not a key of
-- runs: a restored database may not hold that run, and the row must replay identically).
CREATE TABLE gdpr_purges (
  id                TEXT PRIMARY KEY CHECK (id <> ''),
  run_id            TEXT NOT NULL CHECK (run_id <> ''),
  account_id        TEXT NOT NULL REFERENCES accounts (id),
  purged_on         TEXT NOT NULL CHECK (purged_on LIKE '____-__-__'),
  last_activity     TEXT NOT NULL CHECK (last_activity LIKE '____-__-__'),
  rules             TEXT NOT NULL,
  people_erased     INTEGER NOT NULL CHECK (people_erased >= 0),
  texts_scrubbed    INTEGER NOT NULL CHECK (texts_scrubbed >= 0),
  files_removed     INTEGER NOT NULL CHECK (files_removed >= 0),
  reminders_removed INTEGER NOT NULL CHECK (reminders_removed >= 0)
);
CREATE INDEX gdpr_purges_account ON gdpr_purges (account_id);

-- The people a purge erased (G5): a re-import that brings one back keeps it erased.
CREATE TABLE gdpr_erased_people (
  person_id  TEXT PRIMARY KEY CHECK (person_id <> ''),
  account_id TEXT NOT NULL,
  purge_id   TEXT NOT NULL REFERENCES gdpr_purges (id)
);
CREATE INDEX gdpr_erased_people_account ON gdpr_erased_people (account_id);

-- G4: one reminder per account and inactivity period (a period is named by its last activity).
CREATE TABLE gdpr_reminders (
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  last_activity TEXT NOT NULL CHECK (last_activity LIKE '____-__-__'),
  inactive_on   TEXT NOT NULL CHECK (inactive_on LIKE '____-__-__'),
  reminded_on   TEXT NOT NULL CHECK (reminded_on LIKE '____-__-__'),
  path          TEXT NOT NULL,
  PRIMARY KEY (account_id, last_activity)
);

-- Files a committed purge or destruction still has to delete (written in its transaction, deleted
-- after the commit, the row removed then): a crash between the two is finished by the next run.
CREATE TABLE gdpr_pending_files (
  path TEXT PRIMARY KEY CHECK (path <> '')
);

-- G6: an issued invoice or credit note destroyed at the end of its retention. The ledger row stays
-- (kind, number, contract, period, issued_on) with its content blanked (path, digest, amounts);
-- this row says when it was destroyed, so that the numbering stays provably continuous (B7).
CREATE TABLE gdpr_destroyed_documents (
  document_id  BIGINT PRIMARY KEY REFERENCES issued_documents (id),
  kind         TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  number       TEXT NOT NULL UNIQUE,
  issued_on    TEXT NOT NULL CHECK (issued_on LIKE '____-__-__'),
  destroyed_on TEXT NOT NULL CHECK (destroyed_on LIKE '____-__-__'),
  run_id       TEXT NOT NULL
);
