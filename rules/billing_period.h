// Billing periods (RULES B1, K Art. 8.3, D Art. 8): invoices are issued in advance, on the first day
// of each period. Calendar periods (K: months, or quarters starting 1 Jan, 1 Apr, 1 Jul, 1 Oct) or,
// when the profile says periods_from_contract_start (D), periods of 12 months from the start date.
// A contract starting inside a calendar period is first invoiced on its start date for the rest of
// that period (B2 prorates it).
#pragma once

#include <optional>

#include "model/contract.h"
#include "model/terms.h"
#include "model/time.h"
#include "rules/trace.h"

namespace clause {

// A billing period, both ends included.
struct PeriodSpan {
  Date first{};
  Date last{};
  int days() const;  // 92 for 2026-10-01 .. 2026-12-31
  bool contains(Date d) const { return first <= d && d <= last; }
  friend bool operator==(const PeriodSpan&, const PeriodSpan&) = default;
};

// An invoice due on `issue` (B1) for `period`, billed from `billed_from` (the contract start when it
// falls inside the period, else period.first).
struct DuePeriod {
  Date issue{};
  PeriodSpan period;
  Date billed_from{};
  bool partial() const { return billed_from != period.first; }
  Trace trace;
  friend bool operator==(const DuePeriod&, const DuePeriod&) = default;
};

// B1: the period of `contract` (its billing choice, the profile's anchoring) that contains `d`.
PeriodSpan period_containing(const Contract& contract, const BillingTerms& terms, Date d);
// B1: the period just before `period`.
PeriodSpan previous_period(const Contract& contract, const BillingTerms& terms, const PeriodSpan& period);
// B1: the invoice due on `d`, if any: on the contract start, then on each period's first day, until
// the end of service (N4 service_end: no invoice for a period starting after it).
std::optional<DuePeriod> invoice_due_on(const Contract& contract, const BillingTerms& terms, Date d);

// The final settlement of an ended contract (Decision where B1 is silent): variable lines (I1-I3,
// B5) are billed on the next periodic invoice, and the last period has none. They are settled on
// the day after the contract's end, for the last period clipped to the contract: [from, to].
struct FinalSettlement {
  Date issue{};
  Date from{};  // the last period's first day, or the contract start if later
  Date to{};    // the contract's end
  Trace trace;
  friend bool operator==(const FinalSettlement&, const FinalSettlement&) = default;
};

// B1 (Decision): the final settlement due on `d`, if `d` is the day after the contract's end of
// service (N4 service_end: the recorded end, or the last day of a term that does not renew).
std::optional<FinalSettlement> final_settlement_on(const Contract& contract, const BillingTerms& terms, Date d);

}  // namespace clause
