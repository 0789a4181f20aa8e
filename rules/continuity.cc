// R4 continuity: its days, its months and its in-arrears invoices.
#include "rules/continuity.h"

#include <algorithm>

#include "rules/calendar.h"

namespace clause {
namespace {

YearMonth month_of(Date d) { return {int(d.year()), unsigned(d.month())}; }

std::optional<PeriodSpan> intersect(PeriodSpan a, PeriodSpan b) {
  PeriodSpan out{std::max(a.first, b.first), std::min(a.last, b.last)};
  if (out.first > out.last) return std::nullopt;
  return out;
}

}  // namespace

std::optional<ContinuityPeriod> continuity_period(const ReversibilityRequest& request,
                                                  const ReversibilityTerms& terms) {
  const Date end = request.end_of_service;
  const Date limit = add_days(end, terms.continuity_max_days);
  if (request.takeover && *request.takeover <= end) return std::nullopt;  // taken over at the end
  ContinuityPeriod out;
  out.end_of_service = end;
  out.first = add_days(end, 1);
  out.takeover = request.takeover && *request.takeover <= limit;
  out.last = out.takeover ? *request.takeover : limit;
  out.trace.add("R4", request.takeover && *request.takeover > limit ? "takeover_capped" : "continuity",
                {{"end_of_service", end}, {"continuity_limit", limit}, {"services_until", out.last}});
  return out;
}

std::optional<ContinuityPeriod> contract_continuity(const ContractRecords& records, const ReversibilityTerms& terms) {
  const ReversibilityRequest* latest = nullptr;
  for (const auto& r : records.reversibility_requests) {
    if (r.contract_id != records.contract.id) continue;
    if (!latest || r.requested > latest->requested || (r.requested == latest->requested && r.id > latest->id))
      latest = &r;
  }
  if (!latest) return std::nullopt;
  return continuity_period(*latest, terms);
}

std::optional<PeriodSpan> continuity_days_in(const ContinuityPeriod& continuity, YearMonth m) {
  return intersect(continuity.span(), {m.first_day(), m.last_day()});
}

std::optional<PeriodSpan> continuity_in_arrears(const Contract& contract, const BillingTerms& terms,
                                                const ContinuityPeriod& continuity) {
  const PeriodSpan invoiced = period_containing(contract, terms, continuity.end_of_service);
  return intersect(continuity.span(), {add_days(invoiced.last, 1), continuity.last});
}

std::optional<ContinuityDue> continuity_invoice_due_on(const Contract& contract, const BillingTerms& terms,
                                                       const ContinuityPeriod& continuity, Date d) {
  if (d.day() != std::chrono::day{1}) return std::nullopt;
  const std::optional<PeriodSpan> arrears = continuity_in_arrears(contract, terms, continuity);
  if (!arrears) return std::nullopt;
  const YearMonth month = month_of(add_days(d, -1));
  const std::optional<PeriodSpan> billed = intersect(*arrears, {month.first_day(), month.last_day()});
  if (!billed) return std::nullopt;
  ContinuityDue due{
      d, month, *billed, PeriodSpan{month.first_day(), month.last_day()}.days(), billed->last == continuity.last, {}};
  due.trace.add("R4", "continuity_in_arrears",
                {{"month", format_year_month(month)},
                 {"billed_from", billed->first},
                 {"billed_to", billed->last},
                 {"services_until", continuity.last},
                 {"issue", d}});
  return due;
}

ProratedPrice continuity_amount(Money monthly_price, const ContinuityDue& due) {
  ProratedPrice out;
  out.days_billed = due.billed.days();
  out.days_in_period = due.days_in_month;
  out.amount = out.days_billed == out.days_in_period
                   ? monthly_price
                   : scale_rounded(monthly_price, out.days_billed, out.days_in_period);
  out.trace.add("R4", "prorated",
                {{"price", monthly_price},
                 {"days_billed", static_cast<long long>(out.days_billed)},
                 {"days_in_period", static_cast<long long>(out.days_in_period)},
                 {"amount", out.amount}});
  return out;
}

}  // namespace clause
