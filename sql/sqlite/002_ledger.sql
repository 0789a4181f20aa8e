-- The ledger: what Clause did and issued. Invariant 1 (nothing issued twice, nothing lost) rests on
-- the unique keys here: one document per (kind, contract, period), one number per (kind, number),
-- and numbers allocated from number_sequences in the same transaction that records the document (B7).
-- Times are text given by the caller (the batch's run clock), never read by the database.

CREATE TABLE runs (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind <> ''),
  parameters        TEXT NOT NULL DEFAULT '',
  started           TEXT NOT NULL CHECK (started LIKE '____-__-__T__:__:__Z'),
  finished          TEXT CHECK (finished LIKE '____-__-__T__:__:__Z' AND finished >= started),
  status            TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
  contracts_done    INTEGER NOT NULL DEFAULT 0 CHECK (contracts_done >= 0),
  contracts_failed  INTEGER NOT NULL DEFAULT 0 CHECK (contracts_failed >= 0),
  documents_issued  INTEGER NOT NULL DEFAULT 0 CHECK (documents_issued >= 0)
);

CREATE TABLE number_sequences (
  kind        TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  last_number BIGINT NOT NULL CHECK (typeof(last_number) = 'integer' AND last_number >= 0),
  PRIMARY KEY (kind, year)
);

CREATE TABLE issued_documents (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL
              CHECK (kind IN ('statement', 'invoice', 'credit_note', 'reversibility_dossier')),
  number      TEXT,
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  period      TEXT NOT NULL CHECK (period <> ''),
  issued_on   TEXT NOT NULL CHECK (issued_on LIKE '____-__-__'),
  path        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  ht_cents    BIGINT NOT NULL DEFAULT 0 CHECK (typeof(ht_cents) = 'integer'),
  vat_cents   BIGINT NOT NULL DEFAULT 0 CHECK (typeof(vat_cents) = 'integer'),
  ttc_cents   BIGINT NOT NULL DEFAULT 0 CHECK (typeof(ttc_cents) = 'integer'),
  run_id      INTEGER NOT NULL REFERENCES runs (id),
  -- invoices and credit notes are numbered (B7); statements and dossiers are not
  CHECK ((kind IN ('invoice', 'credit_note')) = (number IS NOT NULL)),
  UNIQUE (kind, contract_id, period),
  UNIQUE (kind, number)
);
CREATE INDEX issued_documents_contract ON issued_documents (contract_id);

CREATE TABLE service_credits (
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  service_id  TEXT NOT NULL REFERENCES services (id),
  month       TEXT NOT NULL CHECK (month LIKE '____-__'),
  cents       BIGINT NOT NULL CHECK (typeof(cents) = 'integer' AND cents >= 0),
  UNIQUE (service_id, month)
);
CREATE INDEX service_credits_contract ON service_credits (contract_id, month);

-- What was done to which record, never who the person was (G3): ids and counts only.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL CHECK (at LIKE '____-__-__T__:__:__Z'),
  run_id    INTEGER REFERENCES runs (id),
  action    TEXT NOT NULL CHECK (action <> ''),
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);
