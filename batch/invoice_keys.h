// The ledger key (issued_documents.period) of an invoice: a periodic invoice is keyed by the first
// day of the period it bills ("2026-12-01"); an ended contract's final invoice, which bills the
// variable lines of that same period, by "final-" and that day ("final-2026-12-01"); a continuity
// invoice (R4, in arrears) by "continuity-" and the month it bills ("continuity-2027-01").
#pragma once

#include <string>
#include <string_view>

#include "model/contract.h"
#include "model/terms.h"
#include "model/time.h"
#include "rules/billing_period.h"

namespace clause {

inline constexpr std::string_view kFinalInvoicePrefix = "final-";

// B1: the key of the periodic invoice of the billing period starting on `period_first`.
inline std::string periodic_invoice_key(Date period_first) { return format_date(period_first); }

// B1: the key of the periodic invoice of the billing period containing `d`.
inline std::string invoice_period_key(const Contract& contract, const BillingTerms& terms, Date d) {
  return periodic_invoice_key(period_containing(contract, terms, d).first);
}

inline std::string final_invoice_key(Date first_billed_day) {
  return std::string{kFinalInvoicePrefix} + format_date(first_billed_day);
}

inline bool is_final_invoice_key(std::string_view key) { return key.rfind(kFinalInvoicePrefix, 0) == 0; }

inline constexpr std::string_view kContinuityInvoicePrefix = "continuity-";

// R4: the key of the in-arrears invoice of the continuity days of `month`.
inline std::string continuity_invoice_key(YearMonth month) {
  return std::string{kContinuityInvoicePrefix} + format_year_month(month);
}

inline bool is_continuity_invoice_key(std::string_view key) { return key.rfind(kContinuityInvoicePrefix, 0) == 0; }

}  // namespace clause
