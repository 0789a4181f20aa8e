// The monthly fee of a service (RULES S7, B6): the basis of every credit percentage. Fees are
// stored per billing period of the contract (FeeRevision.period_price); a month is 1/1, 1/3 or
// 1/12 of it, and the fee in force is the latest revision effective on or before the date.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/contract.h"
#include "rules/trace.h"

namespace clause {

struct MonthlyFee {
  Money monthly{};
  Money period_price{};
  Date effective{};  // the revision in force
  Trace trace;       // S7 "monthly_fee" {period_price, divisor, monthly, effective}
};

// Months in one billing period: monthly 1, quarterly 3, annual 12.
int months_per_period(BillingPeriod period);

// S7: the monthly fee of `service_id` in force on `on`, rounded half away from zero to the cent
// (B6). Nothing when no revision of that service is effective yet.
std::optional<MonthlyFee> monthly_fee_on(const std::vector<FeeRevision>& history, std::string_view service_id, Date on,
                                         BillingPeriod period);

// S7: the highest monthly fee in force on any day of [first, last] (revisions inside the month
// included). Nothing when no revision is in force on any of those days.
std::optional<MonthlyFee> highest_monthly_fee(const std::vector<FeeRevision>& history, std::string_view service_id,
                                              Date first, Date last, BillingPeriod period);

}  // namespace clause
