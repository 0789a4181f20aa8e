// B4: the credit notes an invoice deducts (credit_deductions.h).
#include "rules/credit_deductions.h"

namespace clause {

std::vector<CreditNoteBalance> credit_notes_to_deduct(const std::vector<CreditNoteBalance>& notes, Date issued_on,
                                                      Money invoice_ttc) {
  std::vector<CreditNoteBalance> out;
  Money deducted;
  for (const CreditNoteBalance& n : notes) {
    if (n.deducted || n.issued_on > issued_on) continue;
    // Oldest first and whole: a later, smaller note does not jump the queue (B4).
    if (deducted + n.total_ttc > invoice_ttc) break;
    out.push_back(n);
    deducted += n.total_ttc;
  }
  return out;
}

}  // namespace clause
