-- Billing bookkeeping beside issued_documents (B4, B6): the VAT bases of each invoice and credit
-- note, the invoice a credit note corrects, and the invoice that deducted it. Rows are keyed by the
-- document number (unique across kinds: FA- and AV- prefixes) because they are written inside
-- issue_document's `produce` step, before the document row and its id exist. Insert-only: an
-- issued document is never changed (B7); the primary keys make "deducted once" a constraint.

CREATE TABLE document_vat (
  number             TEXT NOT NULL CHECK (number <> ''),
  rate_basis_points  INTEGER NOT NULL CHECK (rate_basis_points >= 0),
  base_ht_cents      BIGINT NOT NULL,
  vat_cents          BIGINT NOT NULL,
  PRIMARY KEY (number, rate_basis_points)
);

CREATE TABLE credit_note_corrections (
  credit_note_number TEXT PRIMARY KEY CHECK (credit_note_number LIKE 'AV-%'),
  contract_id        TEXT NOT NULL REFERENCES contracts (id),
  invoice_number     TEXT NOT NULL CHECK (invoice_number LIKE 'FA-%')
);
CREATE INDEX credit_note_corrections_invoice ON credit_note_corrections (invoice_number);

CREATE TABLE credit_note_deductions (
  credit_note_number TEXT PRIMARY KEY CHECK (credit_note_number LIKE 'AV-%'),
  invoice_number     TEXT NOT NULL CHECK (invoice_number LIKE 'FA-%')
);
CREATE INDEX credit_note_deductions_invoice ON credit_note_deductions (invoice_number);
