// Which credit notes an invoice deducts (RULES B4, K Art. 14): a service credit becomes a credit
// note, and the credit note is deducted from the next invoice of the contract, whole, never split.
// Pure: the invoices job reads the contract's credit notes under issue_document's lock and asks here.
#pragma once

#include <string>
#include <vector>

#include "model/money.h"
#include "model/time.h"

namespace clause {

// A credit note of the contract as B4 needs it to deduct it.
struct CreditNoteBalance {
  std::string number;  // "AV-2026-000001"
  Date issued_on{};
  Money total_ttc;        // deducted whole (B4)
  bool deducted = false;  // already deducted by an earlier invoice
  friend bool operator==(const CreditNoteBalance&, const CreditNoteBalance&) = default;
};

// B4: the credit notes an invoice issued on `issued_on` for `invoice_ttc` deducts: in the order of
// `notes` (by number, oldest first), those not yet deducted and issued by that day, each whole,
// until the next one would take the invoice below zero; that one and the later ones wait.
std::vector<CreditNoteBalance> credit_notes_to_deduct(const std::vector<CreditNoteBalance>& notes, Date issued_on,
                                                      Money invoice_ttc);

}  // namespace clause
