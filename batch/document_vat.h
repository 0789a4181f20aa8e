// VAT bases between the arithmetic and the ledger (B6): rules/invoice_arithmetic works on
// VatAmount and InvoiceTotals, store/billing_ledger records DocumentVat rows. One conversion each
// way, so the invoices and credit notes jobs cannot convert differently.
#pragma once

#include <vector>

#include "rules/invoice_arithmetic.h"
#include "store/billing_ledger.h"

namespace clause {

// The ledger rows of `totals`, one per VAT rate.
inline std::vector<DocumentVat> document_vat_of(const InvoiceTotals& totals) {
  std::vector<DocumentVat> out;
  for (const auto& v : totals.vat) out.push_back({v.rate_basis_points, v.base_ht, v.vat});
  return out;
}

// The VAT amounts of ledger rows.
inline std::vector<VatAmount> vat_amounts_of(const std::vector<DocumentVat>& vat) {
  std::vector<VatAmount> out;
  for (const auto& v : vat) out.push_back({v.rate_basis_points, v.base_ht, v.vat});
  return out;
}

// The totals a recorded document bears: its VAT bases, HT, VAT and TTC.
inline InvoiceTotals totals_of(const std::vector<DocumentVat>& vat) {
  InvoiceTotals t;
  t.vat = vat_amounts_of(vat);
  for (const auto& v : vat) {
    t.total_ht += v.base_ht;
    t.total_vat += v.vat;
  }
  t.total_ttc = t.total_ht + t.total_vat;
  return t;
}

}  // namespace clause
