// The billing side of the ledger (B3, B4, B6, B9), beside store/ledger.h: the SYNTEC revisions an
// invoice run computed (recorded with their index), the VAT bases of each invoice and credit note,
// the invoice a credit note corrects and the invoice that deducted it (once: a primary key), and
// the issued documents the journal and the unpaid list read. Writers run inside the caller's
// transaction (issue_document's `produce` step), so a document and its bookkeeping are recorded
// together or not at all. Schema: sql/DIALECT/003_billing.sql.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract.h"
#include "model/money.h"
#include "model/time.h"
#include "model/vat_amount.h"
#include "store/database.h"
#include "store/ledger.h"

namespace clause {

// A credit note as billing needs it: its totals, the invoice it corrects, who deducted it.
struct CreditNoteEntry {
  std::string number;  // "AV-2026-000001"
  std::string period;  // the month it credits, "2026-11"
  Date issued_on{};
  Money total_ht, total_vat, total_ttc;
  std::string corrects_number;             // the invoice that billed that month (BT-25)
  Date corrects_issued_on{};               // BT-26
  std::optional<std::string> deducted_by;  // the invoice that deducted it (B4), once
  friend bool operator==(const CreditNoteEntry&, const CreditNoteEntry&) = default;
};

// The fee revisions recorded for the services of `contract_id` (not the computed ones).
std::vector<FeeRevision> load_recorded_fee_revisions(Database& db, const std::string& contract_id);
// B3: records computed revisions (price and index used); a (service, effective) already there is kept.
void record_fee_revisions(Database& db, const std::vector<FeeRevision>& revisions);

// B6: the VAT bases of document `number`, written once with the document.
void record_document_vat(Database& db, const std::string& number, const std::vector<VatAmount>& vat);
std::vector<VatAmount> load_document_vat(Database& db, const std::string& number);
// B6: the VAT bases already credited against invoice `invoice_number` by its credit notes.
std::vector<VatAmount> load_vat_credited_against(Database& db, const std::string& invoice_number);

// B4: credit note `credit_note_number` of `contract_id` corrects invoice `invoice_number`.
void record_credit_note_correction(Database& db, const std::string& credit_note_number, const std::string& contract_id,
                                   const std::string& invoice_number);
// B4: invoice `invoice_number` deducted these credit notes. Throws when one was already deducted.
void record_deductions(Database& db, const std::string& invoice_number,
                       const std::vector<std::string>& credit_note_numbers);
// The credit notes of a contract, by number.
std::vector<CreditNoteEntry> load_credit_notes_of_contract(Database& db, const std::string& contract_id);
// B4/B9: the sum TTC of the credit notes invoice `invoice_number` deducted (what the buyer does not pay).
Money deducted_from_invoice(Database& db, const std::string& invoice_number);

// B4: contracts having a month of non-zero service credits and no credit note for that month.
std::vector<std::string> contracts_with_uncredited_months(Database& db);

// Issued documents of `kind` (by contract, number), or only those issued on `issued_on` (by number).
std::vector<IssuedDocument> load_issued_documents_of_kind(Database& db, DocumentKind kind,
                                                          std::optional<Date> issued_on = std::nullopt);

}  // namespace clause
