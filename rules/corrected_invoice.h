// Which invoice a credit note corrects and at which VAT rate it credits (RULES B4, B6): the credit
// note of a month cites the invoice that billed that month (BT-25, BT-26) and mirrors its VAT. Pure:
// the credit notes job looks the candidates up in the ledger and the prior invoices, and asks here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/billing_facts.h"
#include "model/time.h"
#include "model/vat_amount.h"
#include "rules/invoice_arithmetic.h"

namespace clause {

// An invoice a credit note may cite, with the VAT bases it bears (as recorded or imported).
struct CorrectedInvoice {
  std::string number;          // BT-25
  Date issued_on{};            // BT-26
  std::vector<VatAmount> vat;  // what the credit note mirrors (B6); empty: none recorded
  friend bool operator==(const CorrectedInvoice&, const CorrectedInvoice&) = default;
};

// B4: the invoice that billed `month`: the first of `clause_invoices` (Clause's own, in order of
// preference: the period's invoice, then the R4 continuity invoice of the month) with VAT bases;
// else the imported prior invoice whose period holds the month's first day of service (the later
// of the month's first day and `contract_start`); else nothing (the credit waits, never guessed).
std::optional<CorrectedInvoice> choose_invoice_to_correct(const std::vector<CorrectedInvoice>& clause_invoices,
                                                          const std::vector<PriorInvoice>& prior, YearMonth month,
                                                          Date contract_start);

// B6: the VAT rate of a credit note's lines: the corrected invoice's rate when it has one rate,
// else (several or none) the terms' rate, which credit_note_totals() then checks against it.
int credit_note_vat_rate(const std::vector<VatAmount>& invoice_vat, int terms_rate_basis_points);

// B6: the totals a recorded document bears: its VAT bases, HT and VAT summed, TTC = HT + VAT.
InvoiceTotals recorded_totals(const std::vector<VatAmount>& vat);

}  // namespace clause
