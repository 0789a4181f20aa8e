-- The records imported from a provider's exports (model/*.h), one table per struct, columns named
-- as the struct fields. Natural keys from the export are the primary keys, so a re-import updates.
-- Text forms: instants 'YYYY-MM-DDTHH:MM:SSZ' (UTC, sorts as time does), dates 'YYYY-MM-DD',
-- months 'YYYY-MM', money integer cents, Milli integer thousandths, booleans 0/1.
-- SQLite only: typeof() checks keep amounts integers (its columns accept any type otherwise).

CREATE TABLE accounts (
  id            TEXT PRIMARY KEY CHECK (id <> ''),
  kind          TEXT NOT NULL CHECK (kind IN ('client', 'reseller', 'sub_account')),
  parent_id     TEXT REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED,
  name          TEXT NOT NULL,
  address       TEXT NOT NULL DEFAULT '',
  siren         TEXT NOT NULL DEFAULT '',
  vat_number    TEXT NOT NULL DEFAULT '',
  language      TEXT NOT NULL DEFAULT 'fr',
  last_activity TEXT CHECK (last_activity LIKE '____-__-__'),
  created       TEXT NOT NULL CHECK (created LIKE '____-__-__')
);
CREATE INDEX accounts_parent ON accounts (parent_id);

-- Personal data lives here only: a GDPR purge (G3) deletes these rows.
CREATE TABLE people (
  id             TEXT PRIMARY KEY CHECK (id <> ''),
  account_id     TEXT NOT NULL REFERENCES accounts (id),
  full_name      TEXT NOT NULL,
  email          TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  postal_address TEXT NOT NULL DEFAULT '',
  role           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_account ON people (account_id);

CREATE TABLE contracts (
  id                TEXT PRIMARY KEY CHECK (id <> ''),
  account_id        TEXT NOT NULL REFERENCES accounts (id),
  terms_profile     TEXT NOT NULL CHECK (terms_profile <> ''),
  start             TEXT NOT NULL CHECK (start LIKE '____-__-__'),
  "end"             TEXT CHECK ("end" LIKE '____-__-__' AND "end" >= start),
  term_months       INTEGER NOT NULL CHECK (typeof(term_months) = 'integer' AND term_months > 0),
  tacit_renewal     SMALLINT NOT NULL CHECK (tacit_renewal IN (0, 1)),
  billing           TEXT NOT NULL CHECK (billing IN ('monthly', 'quarterly', 'annual')),
  backup_option     SMALLINT NOT NULL CHECK (backup_option IN (0, 1)),
  high_availability SMALLINT NOT NULL CHECK (high_availability IN (0, 1)),
  gtr_hours         INTEGER NOT NULL CHECK (typeof(gtr_hours) = 'integer' AND gtr_hours >= 0),
  holiday_zone      TEXT NOT NULL CHECK (holiday_zone IN ('metropole', 'alsace-moselle')),
  time_zone         TEXT NOT NULL
);
CREATE INDEX contracts_account ON contracts (account_id);

CREATE TABLE services (
  id          TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  kind        TEXT NOT NULL CHECK (kind IN ('server', 'ha_cluster', 'mailbox', 'other')),
  hostname    TEXT NOT NULL DEFAULT '',
  label       TEXT NOT NULL DEFAULT '',
  managed     SMALLINT NOT NULL CHECK (managed IN (0, 1))
);
CREATE INDEX services_contract ON services (contract_id);

CREATE TABLE fee_revisions (
  service_id         TEXT NOT NULL REFERENCES services (id),
  effective          TEXT NOT NULL CHECK (effective LIKE '____-__-__'),
  period_price_cents BIGINT NOT NULL CHECK (typeof(period_price_cents) = 'integer'),
  index_value_milli  BIGINT CHECK (typeof(index_value_milli) IN ('integer', 'null')),
  PRIMARY KEY (service_id, effective)
);

CREATE TABLE incidents (
  id                     TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id            TEXT NOT NULL REFERENCES contracts (id),
  service_id             TEXT NOT NULL REFERENCES services (id),
  contacted              TEXT NOT NULL CHECK (contacted LIKE '____-__-__T__:__:__Z'),
  intervention_start     TEXT CHECK (intervention_start LIKE '____-__-__T__:__:__Z'),
  restored               TEXT CHECK (restored LIKE '____-__-__T__:__:__Z'),
  blocking               SMALLINT NOT NULL CHECK (blocking IN (0, 1)),
  cause                  TEXT NOT NULL
                         CHECK (cause IN ('server', 'client', 'third_party', 'force_majeure', 'unknown')),
  data_loss              SMALLINT NOT NULL CHECK (data_loss IN (0, 1)),
  backup_restore_minutes INTEGER NOT NULL
                         CHECK (typeof(backup_restore_minutes) = 'integer' AND backup_restore_minutes >= 0),
  summary                TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_contract ON incidents (contract_id, contacted);

CREATE TABLE outages (
  id         TEXT PRIMARY KEY CHECK (id <> ''),
  service_id TEXT NOT NULL REFERENCES services (id),
  start      TEXT NOT NULL CHECK (start LIKE '____-__-__T__:__:__Z'),
  "end"      TEXT NOT NULL CHECK ("end" LIKE '____-__-__T__:__:__Z' AND "end" >= start),
  kind       TEXT NOT NULL CHECK (kind IN ('unplanned', 'planned', 'force_majeure', 'client')),
  summary    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outages_service ON outages (service_id, start);

CREATE TABLE interventions (
  id              TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id     TEXT NOT NULL REFERENCES contracts (id),
  service_id      TEXT NOT NULL REFERENCES services (id),
  incident_id     TEXT REFERENCES incidents (id),
  kind            TEXT NOT NULL CHECK (kind IN ('emergency', 'client_caused', 'scheduled', 'advice')),
  start           TEXT NOT NULL CHECK (start LIKE '____-__-__T__:__:__Z'),
  "end"           TEXT NOT NULL CHECK ("end" LIKE '____-__-__T__:__:__Z' AND "end" >= start),
  quote_reference TEXT
);
CREATE INDEX interventions_contract ON interventions (contract_id, start);

CREATE TABLE support_tickets (
  id           TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id  TEXT NOT NULL REFERENCES contracts (id),
  opened       TEXT NOT NULL CHECK (opened LIKE '____-__-__T__:__:__Z'),
  acknowledged TEXT CHECK (acknowledged LIKE '____-__-__T__:__:__Z')
);
CREATE INDEX support_tickets_contract ON support_tickets (contract_id, opened);

CREATE TABLE root_access_periods (
  id          TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  service_id  TEXT NOT NULL REFERENCES services (id),
  start       TEXT NOT NULL CHECK (start LIKE '____-__-__T__:__:__Z'),
  "end"       TEXT CHECK ("end" LIKE '____-__-__T__:__:__Z' AND "end" >= start)
);
CREATE INDEX root_access_periods_contract ON root_access_periods (contract_id, start);

CREATE TABLE backups (
  id         TEXT PRIMARY KEY CHECK (id <> ''),
  service_id TEXT NOT NULL REFERENCES services (id),
  scope      TEXT NOT NULL CHECK (scope IN ('system', 'files', 'databases', 'full')),
  kind       TEXT NOT NULL CHECK (kind IN ('full', 'incremental', 'weekly')),
  start      TEXT NOT NULL CHECK (start LIKE '____-__-__T__:__:__Z'),
  "end"      TEXT CHECK ("end" LIKE '____-__-__T__:__:__Z' AND "end" >= start),
  status     TEXT NOT NULL CHECK (status IN ('success', 'partial', 'failed')),
  size_bytes BIGINT NOT NULL CHECK (typeof(size_bytes) = 'integer' AND size_bytes >= 0),
  checksum   TEXT NOT NULL DEFAULT '',
  location   TEXT NOT NULL DEFAULT '',
  expires    TEXT CHECK (expires LIKE '____-__-__')
);
CREATE INDEX backups_service ON backups (service_id, start);

CREATE TABLE mail_usage (
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  day         TEXT NOT NULL CHECK (day LIKE '____-__-__'),
  megabytes   BIGINT NOT NULL CHECK (typeof(megabytes) = 'integer' AND megabytes >= 0),
  PRIMARY KEY (contract_id, day)
);

CREATE TABLE price_indices (
  name        TEXT NOT NULL CHECK (name <> ''),
  month       TEXT NOT NULL CHECK (month LIKE '____-__'),
  value_milli BIGINT NOT NULL CHECK (typeof(value_milli) = 'integer' AND value_milli > 0),
  published   TEXT NOT NULL CHECK (published LIKE '____-__-__'),
  PRIMARY KEY (name, month)
);

-- invoice_number names an invoice issued by Clause or by the provider's previous tool: no foreign key.
CREATE TABLE payments (
  id             TEXT PRIMARY KEY CHECK (id <> ''),
  invoice_number TEXT NOT NULL CHECK (invoice_number <> ''),
  paid           TEXT NOT NULL CHECK (paid LIKE '____-__-__'),
  amount_cents   BIGINT NOT NULL CHECK (typeof(amount_cents) = 'integer')
);
CREATE INDEX payments_invoice ON payments (invoice_number);

CREATE TABLE reversibility_requests (
  id             TEXT PRIMARY KEY CHECK (id <> ''),
  contract_id    TEXT NOT NULL REFERENCES contracts (id),
  requested      TEXT NOT NULL CHECK (requested LIKE '____-__-__'),
  end_of_service TEXT NOT NULL CHECK (end_of_service LIKE '____-__-__'),
  takeover       TEXT CHECK (takeover LIKE '____-__-__'),
  completed      TEXT CHECK (completed LIKE '____-__-__')
);
CREATE INDEX reversibility_requests_contract ON reversibility_requests (contract_id);
