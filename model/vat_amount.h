// One VAT rate of an invoice or credit note (RULES B6): the base HT and the VAT on it, in integer
// cents. The arithmetic (rules/invoice_arithmetic) computes it, the ledger (store/billing_ledger)
// records and reads it back as it was printed: one type for both, so nothing converts between them.
#pragma once

#include "model/money.h"

namespace clause {

// One VAT rate of a document: base HT and the VAT on it (B6).
struct VatAmount {
  int rate_basis_points = 0;  // 2000 = 20 %
  Money base_ht;
  Money vat;
  friend bool operator==(const VatAmount&, const VatAmount&) = default;
};

}  // namespace clause
