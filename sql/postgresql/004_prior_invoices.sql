-- Invoices issued before Clause, in the provider's former numbering series (B4): the credit notes
-- of the periods they billed cite them and credit no more than they bear (B6).
CREATE TABLE prior_invoices (
  number          TEXT PRIMARY KEY CHECK (number <> '' AND number !~ '^(FA|AV)-[0-9]{4}-[0-9]{6}$'),
  contract_id     TEXT NOT NULL REFERENCES contracts (id),
  issued          TEXT NOT NULL CHECK (issued LIKE '____-__-__'),
  period_from     TEXT NOT NULL CHECK (period_from LIKE '____-__-__'),
  period_to       TEXT NOT NULL CHECK (period_to LIKE '____-__-__' AND period_to >= period_from),
  total_ht_cents  BIGINT NOT NULL CHECK (total_ht_cents >= 0),
  vat_rate_milli  BIGINT NOT NULL CHECK (vat_rate_milli >= 0),
  total_vat_cents BIGINT NOT NULL CHECK (total_vat_cents >= 0)
);
CREATE INDEX prior_invoices_contract ON prior_invoices (contract_id, period_from);

-- A credit note may now correct a former invoice: the corrected number is any invoice number.
ALTER TABLE credit_note_corrections DROP CONSTRAINT credit_note_corrections_invoice_number_check;
ALTER TABLE credit_note_corrections ADD CONSTRAINT credit_note_corrections_invoice_number_check
  CHECK (invoice_number <> '');
