-- G4 reminders sent by e-mail through `clause send` (issue 14): `clause gdpr` queues one reminder
-- per account and inactivity period (its row of gdpr_reminders, keyed by account and last
-- activity), `clause send` hands it to the relay (or the outbox) and records the outcome here, as
-- the delivery ledger does for documents: queued -> sent, or deferred (4xx, connection lost; retried
-- from next_attempt) -> sent | failed; cancelled when the account was active again, or inactive
-- already, before the message left. "sent" is written only after the relay accepted the DATA; a
-- crash in between resends it under the same Message-ID. Rows written before this migration were
-- plain-text files in the outbox: they count as sent. No personal data (G3): recipients are
-- counted; a relay's reply quoting an address is scrubbed by a purge.
ALTER TABLE gdpr_reminders ADD COLUMN status TEXT NOT NULL DEFAULT 'sent'
  CHECK (status IN ('queued', 'sent', 'deferred', 'failed', 'cancelled'));
ALTER TABLE gdpr_reminders ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE gdpr_reminders ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0);
ALTER TABLE gdpr_reminders ADD COLUMN recipients INTEGER NOT NULL DEFAULT 0 CHECK (recipients >= 0);
ALTER TABLE gdpr_reminders ADD COLUMN reply TEXT NOT NULL DEFAULT '';
ALTER TABLE gdpr_reminders ADD COLUMN next_attempt TEXT CHECK (next_attempt LIKE '____-__-__T__:__:__Z');
ALTER TABLE gdpr_reminders ADD COLUMN sent_at TEXT CHECK (sent_at LIKE '____-__-__T__:__:__Z');
CREATE INDEX gdpr_reminders_status ON gdpr_reminders (status);
