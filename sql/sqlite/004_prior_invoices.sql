-- Invoices issued before Clause, in the provider's former numbering series (B4): the credit notes
-- of the periods they billed cite them and credit no more than they bear (B6).
CREATE TABLE prior_invoices (
  number          TEXT PRIMARY KEY CHECK (number <> ''
                       AND NOT number GLOB 'FA-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]' AND NOT number GLOB 'AV-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
  contract_id     TEXT NOT NULL REFERENCES contracts (id),
  issued          TEXT NOT NULL CHECK (issued LIKE '____-__-__'),
  period_from     TEXT NOT NULL CHECK (period_from LIKE '____-__-__'),
  period_to       TEXT NOT NULL CHECK (period_to LIKE '____-__-__' AND period_to >= period_from),
  total_ht_cents  BIGINT NOT NULL CHECK (typeof(total_ht_cents) = 'integer' AND total_ht_cents >= 0),
  vat_rate_milli  BIGINT NOT NULL CHECK (typeof(vat_rate_milli) = 'integer' AND vat_rate_milli >= 0),
  total_vat_cents BIGINT NOT NULL CHECK (typeof(total_vat_cents) = 'integer' AND total_vat_cents >= 0)
);
CREATE INDEX prior_invoices_contract ON prior_invoices (contract_id, period_from);

-- A credit note may now correct a former invoice: the corrected number is any invoice number.
-- SQLite cannot drop a CHECK, so the table is rebuilt (nothing refers to it).
CREATE TABLE credit_note_corrections_v4 (
  credit_note_number TEXT PRIMARY KEY CHECK (credit_note_number LIKE 'AV-%'),
  contract_id        TEXT NOT NULL REFERENCES contracts (id),
  invoice_number     TEXT NOT NULL CHECK (invoice_number <> '')
);
INSERT INTO credit_note_corrections_v4 (credit_note_number, contract_id, invoice_number)
  SELECT credit_note_number, contract_id, invoice_number FROM credit_note_corrections;
DROP TABLE credit_note_corrections;
ALTER TABLE credit_note_corrections_v4 RENAME TO credit_note_corrections;
CREATE INDEX credit_note_corrections_invoice ON credit_note_corrections (invoice_number);
