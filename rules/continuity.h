// Reversibility continuity as a service (RULES R4 Decision, K Art. 16). After the end of service of
// a contract with a reversibility request, its services continue from the day after the end until
// the take-over date the client notifies (that day included), at most continuity_max_days (90)
// after the end; prices and service levels carry over. Continuity months get statements as usual
// and are invoiced in arrears, on the first day after each month, for its days of service (B2
// proration of the monthly price), since the end of continuity is not known in advance.
//
// Decision where R4 is silent: continuity days inside the billing period that holds the end of
// service were already invoiced in advance with that period (B1; K Art. 9 no refund, D Art. 7 a
// started month is due), so they are not invoiced again: in-arrears billing starts the day after
// that period. A contract ending on 31 Dec 2026, billed monthly, is invoiced for January on 1 Feb.
#pragma once

#include <optional>

#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/contract_records.h"
#include "model/terms.h"
#include "model/time.h"
#include "rules/billing_period.h"
#include "rules/proration.h"
#include "rules/trace.h"

namespace clause {

// R4: the days services continue after the end, both ends included.
struct ContinuityPeriod {
  Date end_of_service{};
  Date first{};           // the day after the end of service
  Date last{};            // the take-over date, at most end + continuity_max_days
  bool takeover = false;  // `last` is the notified take-over date, not the limit
  Trace trace;            // R4 "continuity" | "takeover_capped"
  PeriodSpan span() const { return {first, last}; }
  friend bool operator==(const ContinuityPeriod&, const ContinuityPeriod&) = default;
};

// R4: the continuity of `request`: from end_of_service + 1 day to the take-over date, or to
// end_of_service + continuity_max_days when none is notified or it is later (31 Dec 2026 + 90 days
// = 31 Mar 2027). Nothing when the take-over is on or before the end of service.
std::optional<ContinuityPeriod> continuity_period(const ReversibilityRequest& request, const ReversibilityTerms& terms);

// R4: the continuity of the contract of `records`, from its latest reversibility request (by
// request date); nothing without a request.
std::optional<ContinuityPeriod> contract_continuity(const ContractRecords& records, const ReversibilityTerms& terms);

// R4: the continuity days inside local month `m` (a month with some is a continuity month: it
// gets a statement); nothing when `m` holds none.
std::optional<PeriodSpan> continuity_days_in(const ContinuityPeriod& continuity, YearMonth m);

// R4 Decision: the continuity days invoiced in arrears: those after the billing period holding
// the end of service (already invoiced in advance); nothing when that period covers them all.
std::optional<PeriodSpan> continuity_in_arrears(const Contract& contract, const BillingTerms& terms,
                                                const ContinuityPeriod& continuity);

// An in-arrears continuity invoice (R4): issued on the first day after `month`, for `billed`.
struct ContinuityDue {
  Date issue{};
  YearMonth month{};
  PeriodSpan billed;  // the month's continuity days not invoiced in advance
  int days_in_month = 0;
  bool last = false;  // continuity ends in this month (take-over or day 90)
  Trace trace;        // R4 "continuity_in_arrears"
  friend bool operator==(const ContinuityDue&, const ContinuityDue&) = default;
};

// R4: the continuity invoice due on `d`, if any: `d` is the first day of a month and the month
// before holds continuity days invoiced in arrears (1 Feb 2027 for January after a 31 Dec 2026 end).
std::optional<ContinuityDue> continuity_invoice_due_on(const Contract& contract, const BillingTerms& terms,
                                                       const ContinuityPeriod& continuity, Date d);

// R4, B2: the amount of `due` from the monthly price in force (the S7 monthly fee: the period
// price / 1, 3 or 12): monthly_price x days billed / days in the month, rounded to the cent (B6).
ProratedPrice continuity_amount(Money monthly_price, const ContinuityDue& due);

}  // namespace clause
