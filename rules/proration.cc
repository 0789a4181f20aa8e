#include "rules/proration.h"

namespace clause {

ProratedPrice period_amount(Money period_price, const DuePeriod& due, const BillingTerms& terms) {
  ProratedPrice out;
  out.days_in_period = due.period.days();
  out.days_billed = PeriodSpan{due.billed_from, due.period.last}.days();
  if (!due.partial() || !terms.prorate_first_period) {
    out.amount = period_price;
    out.days_billed = out.days_in_period;
    out.trace.add("B2", due.partial() ? "no_proration_by_terms" : "whole_period",
                  {{"price", period_price}, {"amount", out.amount}});
    return out;
  }
  out.amount = scale_rounded(period_price, out.days_billed, out.days_in_period);
  out.trace.add("B2", "prorated",
                {{"price", period_price},
                 {"days_billed", static_cast<long long>(out.days_billed)},
                 {"days_in_period", static_cast<long long>(out.days_in_period)},
                 {"amount", out.amount}});
  return out;
}

}  // namespace clause
