-- The delivery ledger (issue 13, `clause send`): every e-mail message Clause built, with the issued
-- documents it carries. A document belongs to at most one message (primary key of
-- delivery_documents), so a rerun never sends a document twice; a message goes queued -> sent, or
-- queued -> deferred (4xx, connection lost; retried from next_attempt up to the configured
-- attempts) -> sent | failed (5xx, too many attempts, too big). "sent" is written only after the
-- relay accepted the DATA. No personal data here (G3): recipients are counted, never named.
CREATE TABLE deliveries (
  id            INTEGER PRIMARY KEY,
  message_id    TEXT NOT NULL UNIQUE CHECK (message_id LIKE '<%@%>'),
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  night         TEXT NOT NULL CHECK (night LIKE '____-__-__'),
  part          INTEGER NOT NULL DEFAULT 1 CHECK (part >= 1),
  parts         INTEGER NOT NULL DEFAULT 1 CHECK (parts >= part),
  status        TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'deferred', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  recipients    INTEGER NOT NULL DEFAULT 0 CHECK (recipients >= 0),
  bytes         BIGINT NOT NULL DEFAULT 0 CHECK (bytes >= 0),
  reply         TEXT NOT NULL DEFAULT '',
  next_attempt  TEXT CHECK (next_attempt LIKE '____-__-__T__:__:__Z'),
  queued_at     TEXT NOT NULL CHECK (queued_at LIKE '____-__-__T__:__:__Z'),
  updated_at    TEXT NOT NULL CHECK (updated_at LIKE '____-__-__T__:__:__Z'),
  run_id        INTEGER REFERENCES runs (id)
);
CREATE INDEX deliveries_status ON deliveries (status, next_attempt);
CREATE INDEX deliveries_account ON deliveries (account_id);

CREATE TABLE delivery_documents (
  document_id  BIGINT PRIMARY KEY REFERENCES issued_documents (id),
  delivery_id  BIGINT NOT NULL REFERENCES deliveries (id),
  position     INTEGER NOT NULL CHECK (position >= 1)
);
CREATE INDEX delivery_documents_delivery ON delivery_documents (delivery_id);
