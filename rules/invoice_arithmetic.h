// Invoice and credit-note arithmetic (RULES B6): integer cents; each line is quantity x unit price
// HT rounded half away from zero to the cent; VAT is computed per rate on the sum of the lines HT at
// that rate (not line by line); TTC = HT + VAT. A credit note (avoir) mirrors the VAT rates of the
// invoice it corrects and never credits more, per rate, than that invoice bears.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "model/money.h"
#include "model/vat_amount.h"
#include "rules/trace.h"

namespace clause {

struct InvoiceLineInput {
  std::string description;
  Milli quantity{1000};              // 1; fractions for hours (1.25)
  Money unit_price;                  // HT
  int vat_rate_basis_points = 2000;  // 20 % (from BillingTerms.vat_rate_basis_points)
  friend bool operator==(const InvoiceLineInput&, const InvoiceLineInput&) = default;
};

struct InvoiceLineAmount {
  InvoiceLineInput line;
  Money total_ht;  // quantity x unit price, rounded to the cent
  friend bool operator==(const InvoiceLineAmount&, const InvoiceLineAmount&) = default;
};

struct InvoiceTotals {
  std::vector<InvoiceLineAmount> lines;
  std::vector<VatAmount> vat;  // one per rate, ascending rate
  Money total_ht;
  Money total_vat;
  Money total_ttc;
  Trace trace;
  friend bool operator==(const InvoiceTotals&, const InvoiceTotals&) = default;
};

struct CreditNoteTotals {
  InvoiceTotals totals;              // positive amounts: what is credited
  std::optional<std::string> error;  // a rate the invoice lacks, or more than it bears
  friend bool operator==(const CreditNoteTotals&, const CreditNoteTotals&) = default;
};

// B6: the totals of an invoice made of `lines`.
InvoiceTotals invoice_totals(const std::vector<InvoiceLineInput>& lines);

// B6: the totals of a credit note of `lines` (positive amounts) correcting `invoice`, after credit
// notes already issued against it (`already_credited`, per rate). Each line's rate must be one of
// the invoice's rates and, per rate, the credited base HT (with earlier credit notes) may not exceed
// the invoice's base: otherwise `error`. The VAT of a rate is computed on the credited base, but the
// credit that exhausts the base takes exactly the VAT left, and rounding never credits more VAT.
CreditNoteTotals credit_note_totals(const std::vector<InvoiceLineInput>& lines, const InvoiceTotals& invoice,
                                    const std::vector<VatAmount>& already_credited = {});

}  // namespace clause
