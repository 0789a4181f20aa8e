// S7 Decision: the fee billed for a month, from B2 proration and R4 continuity.
#include "rules/billed_month.h"

#include <algorithm>

#include "rules/calendar.h"
#include "rules/service_end.h"

namespace clause {

MonthBilling month_billing(const Contract& contract, const BillingTerms& terms, YearMonth m,
                           const std::optional<ContinuityPeriod>& continuity) {
  MonthBilling out;
  out.month = m;
  const PeriodSpan month{m.first_day(), m.last_day()};
  out.days_in_month = month.days();
  int days_billed = 0;
  bool prorated_part = false, continuity_part = false;

  // Billed in advance: from the start to the end of the period holding the end of service (B1).
  Date advance_last = month.last;
  if (const auto end = service_end(contract))
    advance_last = std::min(advance_last, period_containing(contract, terms, *end).last);
  const PeriodSpan advance{std::max(month.first, contract.start), advance_last};
  if (advance.first <= advance.last) {
    // B2: the first period, started inside a calendar period, is prorated over that period's days.
    // A month it covers whole (December of a quarter started on 17 Nov) is billed in full.
    const PeriodSpan first_period = period_containing(contract, terms, contract.start);
    prorated_part = terms.prorate_first_period && contract.start != first_period.first &&
                    first_period.contains(advance.first) && advance != month;
    out.parts.push_back({advance, prorated_part ? first_period.days() : out.days_in_month, prorated_part});
    days_billed += advance.days();
  }
  // Invoiced in arrears: the continuity days after that period (R4).
  if (continuity)
    if (auto arrears = continuity_in_arrears(contract, terms, *continuity)) {
      const PeriodSpan c{std::max(arrears->first, month.first), std::min(arrears->last, month.last)};
      if (c.first <= c.last) {
        out.parts.push_back({c, out.days_in_month, false});
        days_billed += c.days();
        continuity_part = true;
      }
    }
  out.prorated = prorated_part || (continuity_part && days_billed < out.days_in_month);
  return out;
}

BilledFee fee_billed_for_month(const MonthlyFee& fee, const MonthBilling& billing) {
  BilledFee out;
  if (!billing.prorated) {
    out.amount = fee.monthly;
    return out;
  }
  for (const BilledPart& part : billing.parts) {
    const Money price = part.period_price ? fee.period_price : fee.monthly;
    const Money amount = scale_rounded(price, part.days.days(), part.divisor_days);
    out.amount += amount;
    out.trace.add("S7", "prorated",
                  {{"price", price},
                   {"days_billed", static_cast<long long>(part.days.days())},
                   {"days_in_period", static_cast<long long>(part.divisor_days)},
                   {"amount", amount}});
  }
  return out;
}

}  // namespace clause
