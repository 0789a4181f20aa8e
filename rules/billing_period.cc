#include "rules/billing_period.h"

#include "rules/calendar.h"
#include "rules/service_end.h"

namespace clause {
namespace {

int months_per_period(BillingPeriod p) {
  switch (p) {
    case BillingPeriod::monthly:
      return 1;
    case BillingPeriod::quarterly:
      return 3;
    case BillingPeriod::annual:
      return 12;
  }
  return 1;
}

// A month number that grows by one each calendar month (year * 12 + month - 1).
int month_index(Date d) {
  return static_cast<int>(d.year()) * 12 + static_cast<int>(static_cast<unsigned>(d.month())) - 1;
}

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

int PeriodSpan::days() const { return static_cast<int>((to_days(last) - to_days(first)).count()) + 1; }

PeriodSpan period_containing(const Contract& contract, const BillingTerms& terms, Date d) {
  const int n = months_per_period(contract.billing);
  if (terms.periods_from_contract_start) {
    // Periods start at start + k*n months, each computed from the start date (T5), so a contract
    // signed on 29 Feb renews on 28 Feb and again on 29 Feb in leap years, never drifting.
    int k = floor_div(month_index(d) - month_index(contract.start), n);
    while (add_months(contract.start, k * n) > d) --k;
    while (add_months(contract.start, (k + 1) * n) <= d) ++k;
    Date first = add_months(contract.start, k * n);
    return {first, add_days(add_months(contract.start, (k + 1) * n), -1)};
  }
  // Calendar periods: months, quarters from 1 Jan / 1 Apr / 1 Jul / 1 Oct, or calendar years.
  int index = floor_div(month_index(d), n) * n;
  Date first = Date{std::chrono::year{index / 12}, std::chrono::month{static_cast<unsigned>(index % 12 + 1)},
                    std::chrono::day{1}};
  return {first, add_days(add_months(first, n), -1)};
}

PeriodSpan previous_period(const Contract& contract, const BillingTerms& terms, const PeriodSpan& period) {
  return period_containing(contract, terms, add_days(period.first, -1));
}

std::optional<DuePeriod> invoice_due_on(const Contract& contract, const BillingTerms& terms, Date d) {
  if (d < contract.start) return std::nullopt;
  const std::optional<Date> end = service_end(contract);  // N4: recorded end, or the term's
  if (end && d > *end) return std::nullopt;
  PeriodSpan period = period_containing(contract, terms, d);
  if (d != contract.start && d != period.first) return std::nullopt;
  DuePeriod due{d, period, d, {}};
  due.trace.add("B1", due.partial() ? "first_period_partial" : "period_in_advance",
                {{"issue", d}, {"period_first", period.first}, {"period_last", period.last}, {"billed_from", d}});
  return due;
}

std::optional<FinalSettlement> final_settlement_on(const Contract& contract, const BillingTerms& terms, Date d) {
  const std::optional<Date> end = service_end(contract);  // N4: recorded end, or the term's
  if (!end || *end < contract.start || d != add_days(*end, 1)) return std::nullopt;
  const PeriodSpan last = period_containing(contract, terms, *end);
  FinalSettlement s{d, std::max(last.first, contract.start), *end, {}};
  s.trace.add("B1", "final_settlement",
              {{"contract_end", *end}, {"period_first", last.first}, {"from", s.from}, {"issue", d}});
  return s;
}

}  // namespace clause
