// The ledger key (issued_documents.period) of an invoice: a periodic invoice is keyed by the first
// day of the period it bills ("2026-12-01"); an ended contract's final invoice, which bills the
// variable lines of that same period, by "final-" and that day ("final-2026-12-01").
#pragma once

#include <string>
#include <string_view>

#include "model/time.h"

namespace clause {

inline constexpr std::string_view kFinalInvoicePrefix = "final-";

inline std::string final_invoice_key(Date first_billed_day) {
  return std::string{kFinalInvoicePrefix} + format_date(first_billed_day);
}

inline bool is_final_invoice_key(std::string_view key) { return key.rfind(kFinalInvoicePrefix, 0) == 0; }

}  // namespace clause
