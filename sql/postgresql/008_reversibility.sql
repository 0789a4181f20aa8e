-- Reversibility milestones (issue 15, RULES R1-R5, K Art. 16), recorded by `clause reversibility`:
-- one row per request, with the dates of its schedule as computed when its dossier was last built
-- (R1 deadline and lateness, R2 start, R3 delivery deadline, R4 continuity limit and take-over),
-- the signed minutes (R5) and the destruction that closes the file. Kept apart from the imported
-- reversibility_requests, which a re-import rewrites, so that what Clause recorded is never lost.
-- Dates are local dates (YYYY-MM-DD) given by the caller; nothing here reads a clock.
CREATE TABLE reversibility_milestones (
  request_id        TEXT PRIMARY KEY CHECK (request_id <> ''),
  contract_id       TEXT NOT NULL REFERENCES contracts (id),
  requested         TEXT NOT NULL CHECK (requested LIKE '____-__-__'),
  end_of_service    TEXT NOT NULL CHECK (end_of_service LIKE '____-__-__'),
  request_deadline  TEXT NOT NULL CHECK (request_deadline LIKE '____-__-__'),
  late              INTEGER NOT NULL CHECK (late IN (0, 1)),
  start             TEXT CHECK (start LIKE '____-__-__'),
  delivery_deadline TEXT CHECK (delivery_deadline LIKE '____-__-__'),
  continuity_limit  TEXT NOT NULL CHECK (continuity_limit LIKE '____-__-__'),
  services_until    TEXT NOT NULL CHECK (services_until LIKE '____-__-__'),
  dossier_date      TEXT NOT NULL CHECK (dossier_date LIKE '____-__-__'),
  dossier_sha256    TEXT NOT NULL DEFAULT '',
  pv_signed         TEXT CHECK (pv_signed LIKE '____-__-__'),
  destroyed         TEXT CHECK (destroyed LIKE '____-__-__'),
  -- R5: the destruction follows the signed minutes, never the other way round
  CHECK (destroyed IS NULL OR (pv_signed IS NOT NULL AND destroyed >= pv_signed))
);
CREATE INDEX reversibility_milestones_contract ON reversibility_milestones (contract_id);
