// What a contract's invoices bill of one local month (RULES S7 Decision, B2, R4, K Art. 14: credits
// never exceed "les frais mensuels ... payés par le Client"). A month billed for part of its days at
// a prorated price (a B2 first period, R4 continuity days invoiced in arrears) caps its credits at
// the fee billed for it, so that a credit note never exceeds what it corrects (B4); every other
// month caps at the monthly fee. The credit percentages still apply to the monthly fee (S2, S4, S5).
#pragma once

#include <optional>
#include <vector>

#include "model/contract.h"
#include "model/terms.h"
#include "model/time.h"
#include "rules/billing_period.h"
#include "rules/continuity.h"
#include "rules/monthly_fee.h"
#include "rules/trace.h"

namespace clause {

// Some days of a month and the price that bills them: price x days / divisor_days.
struct BilledPart {
  PeriodSpan days;
  int divisor_days = 0;       // the days the price is spread over
  bool period_price = false;  // true: the billing period's price over its days (B2 first
                              // period); false: the monthly fee over the month's days
  friend bool operator==(const BilledPart&, const BilledPart&) = default;
};

struct MonthBilling {
  YearMonth month{};
  int days_in_month = 0;
  std::vector<BilledPart> parts;  // the month's billed days, in date order
  bool prorated = false;          // billed for part of its days at a prorated price
  friend bool operator==(const MonthBilling&, const MonthBilling&) = default;
};

// B2, R4, N4: the days of local month `m` the invoices of `contract` bill. The days from the start
// (or the month's first day) to the end of the billing period holding the end of service (N4) are
// billed in advance: prorated over the first period's days when the contract starts inside a
// calendar period and the profile prorates (B2), else at the full price; then the continuity days
// invoiced in arrears (R4), over the month's days. A month whose days are not all billed through
// the full price is `prorated`.
MonthBilling month_billing(const Contract& contract, const BillingTerms& terms, YearMonth m,
                           const std::optional<ContinuityPeriod>& continuity = std::nullopt);

struct BilledFee {
  Money amount{};
  Trace trace;  // S7 "prorated" per part, for a prorated month only
};

// S7 Decision: the fee billed for the month from the fee in force `fee`: fee.monthly when the
// month is not prorated; else the sum of its parts, each rounded to the cent (a contract starting
// 17 Nov at 1,000.00 a month: 1,000.00 x 14 / 30 = 466.67).
BilledFee fee_billed_for_month(const MonthlyFee& fee, const MonthBilling& billing);

}  // namespace clause
