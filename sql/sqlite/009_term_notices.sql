-- Issue 12, the rest of the nightly run:
--  * two imported facts the term rules need (RULES N2, N3): a less favourable price change
--    (D Art. 8) and a notified breach (K Art. 9, 15; D Art. 7), from price_changes.csv and
--    breach_notices.csv (docs/import.md);
--  * the B5 mail-quota warnings Clause e-mailed: one row per contract and exceedance (named by
--    its first day above quota), so that a rerun of a night warns no one twice;
--  * the input fingerprint of each month whose statements the nightly watches for corrections, so
--    that a late change to an older month is found without recomputing every month.
-- Dates are local dates (YYYY-MM-DD) given by the caller; nothing here reads a clock.
CREATE TABLE price_changes (
  id          TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  applies     TEXT NOT NULL CHECK (applies LIKE '____-__-__'),
  announced   TEXT CHECK (announced LIKE '____-__-__'),
  summary     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX price_changes_contract ON price_changes (contract_id);

CREATE TABLE breach_notices (
  id          TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  party       TEXT NOT NULL CHECK (party IN ('provider', 'client')),
  article     INTEGER NOT NULL CHECK (article >= 1),
  notified    TEXT NOT NULL CHECK (notified LIKE '____-__-__'),
  cured       TEXT CHECK (cured LIKE '____-__-__'),
  summary     TEXT NOT NULL DEFAULT '',
  CHECK (cured IS NULL OR cured >= notified)
);
CREATE INDEX breach_notices_contract ON breach_notices (contract_id);

-- B5: the warning of one exceedance, recorded (queued) by the nightly's mail_warnings step and
-- delivered by `clause send` under its Message-ID; a rerun finds the row and queues nothing again.
CREATE TABLE mail_quota_warnings (
  contract_id   TEXT NOT NULL REFERENCES contracts (id),
  exceeded_on   TEXT NOT NULL CHECK (exceeded_on LIKE '____-__-__'),
  megabytes     BIGINT NOT NULL CHECK (megabytes >= 0),
  quota_gb      INTEGER NOT NULL CHECK (quota_gb >= 0),
  -- the profile's B5 terms when the warning was queued, which its message states
  grace_days    INTEGER NOT NULL CHECK (grace_days >= 0),
  step_gb       INTEGER NOT NULL CHECK (step_gb > 0),
  step_cents    BIGINT NOT NULL CHECK (step_cents >= 0),
  night         TEXT NOT NULL CHECK (night LIKE '____-__-__'),
  message_id    TEXT NOT NULL CHECK (message_id <> ''),
  status        TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'deferred', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  reply         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contract_id, exceeded_on)
);

-- Corrections: the SHA-256 of the statement inputs of a month as last checked by the nightly.
CREATE TABLE statement_input_fingerprints (
  month      TEXT PRIMARY KEY CHECK (month LIKE '____-__'),
  sha256     TEXT NOT NULL,
  checked_on TEXT NOT NULL CHECK (checked_on LIKE '____-__-__')
);
