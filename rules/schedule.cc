// The échéancier: N1 renewals and their notice deadlines, N4, R1-R4, B9, each dated by the rule
// module that owns the date (notices, service_end, reversibility, unpaid); this file only picks
// the dates that fall inside the window and keeps the trace that explains each.
#include "rules/schedule.h"

#include <algorithm>

#include "rules/anniversary.h"
#include "rules/calendar.h"
#include "rules/notices.h"
#include "rules/reversibility.h"
#include "rules/service_end.h"
#include "rules/term_notices.h"

namespace clause {
namespace {

long long count(int n) { return static_cast<long long>(n); }

// The steps of `trace` made by one of `rules`, in order.
Trace steps_of(const Trace& trace, std::initializer_list<std::string_view> rules) {
  Trace out;
  for (const TraceStep& step : trace.steps)
    if (std::find(rules.begin(), rules.end(), step.rule) != rules.end()) out.steps.push_back(step);
  return out;
}

class Collector {
 public:
  Collector(const Contract& contract, ScheduleWindow window) : contract_(contract), window_(window) {}
  // Keeps the item when its date is inside the window.
  void add(Date date, std::string rule, ScheduleEvent event, std::vector<Figure> figures, Trace trace) {
    if (!window_.contains(date)) return;
    items_.push_back({date, contract_.id, std::move(rule), event, std::move(figures), std::move(trace)});
  }
  std::vector<ScheduleItem> take() { return std::move(items_); }

 private:
  const Contract& contract_;
  ScheduleWindow window_;
  std::vector<ScheduleItem> items_;
};

// N1 (D Art. 7): every renewal whose notice deadline or date is in the window. The notice deadline
// comes before the renewal, so the renewals are walked until a deadline passes the window's end.
void add_renewals(Collector& out, const Contract& c, const TermTerms& terms, ScheduleWindow window) {
  std::optional<Date> renewal = next_renewal_on_or_after(c, window.from);
  while (renewal) {
    const Date notice = latest_termination_notice(c, terms, *renewal);
    if (notice >= window.until()) break;
    Trace why;
    why.add("N1", "renewal_notice_deadline",
            {{"renewal", *renewal},
             {"notice_days", count(terms.termination_notice.days)},
             {"day_count", std::string(to_word(terms.termination_notice.count))},
             {"latest_notice", notice}});
    out.add(notice, "N1", ScheduleEvent::notice_deadline, {{"renewal", *renewal}}, why);
    const Date term_end = add_days(renewal_on_or_after(c, add_days(*renewal, 1)), -1);
    Trace renews;
    renews.add("N1", "tacit_renewal",
               {{"renewal", *renewal}, {"term_months", count(c.term_months)}, {"term_end", term_end}});
    out.add(*renewal, "N1", ScheduleEvent::renewal, {{"term_months", count(c.term_months)}, {"term_end", term_end}},
            renews);
    renewal = next_renewal_on_or_after(c, add_days(*renewal, 1));
  }
}

// N2 (D Art. 8): a change not announced yet is due to be announced by its deadline; once announced,
// the client's termination window ends one month after the announcement (the trace says whether
// the announcement was late).
void add_price_changes(Collector& out, const ScheduleFacts& facts, const TermTerms& terms) {
  if (terms.price_change_notice_months <= 0) return;
  for (const PriceChange& change : facts.price_changes) {
    if (change.contract_id != facts.contract.id) continue;
    const PriceChangeDates d = price_change_dates(change, terms);
    if (!d.announced)
      out.add(d.announce_by, "N2", ScheduleEvent::price_change_announce_by,
              {{"change", change.id}, {"applies", change.applies}, {"summary", change.summary}}, d.trace);
    else
      out.add(*d.client_may_terminate_until, "N2", ScheduleEvent::price_change_termination,
              {{"change", change.id},
               {"applies", change.applies},
               {"announced", *change.announced},
               {"summary", change.summary}},
              d.trace);
  }
}

// N3 (K Art. 9, 15; D Art. 7): the cure deadline of each breach not cured yet.
void add_breaches(Collector& out, const ScheduleFacts& facts, const TermTerms& terms) {
  for (const BreachNotice& notice : facts.breach_notices) {
    if (notice.contract_id != facts.contract.id || notice.cured) continue;
    const BreachCureDates d = breach_cure_dates(notice, terms, facts.breach_cure_articles, facts.contract.holiday_zone);
    if (!d.known) continue;
    out.add(d.deadline, "N3", ScheduleEvent::breach_cure_deadline,
            {{"breach", notice.id},
             {"party", std::string(to_word(notice.party))},
             {"article", count(notice.article)},
             {"notified", notice.notified},
             {"delay_days", count(d.delay.days)},
             {"day_count", std::string(to_word(d.delay.count))}},
            d.trace);
  }
}

// N4 (K Art. 9): the last day of service, recorded or at the end of a term that does not renew.
void add_service_end(Collector& out, const Contract& c) {
  const std::optional<Date> end = service_end(c);
  if (!end) return;
  Trace why;
  if (c.end)
    why.add("N4", "service_end_recorded", {{"end", *end}});
  else
    why.add("N4", "service_end_of_term", {{"start", c.start}, {"term_months", count(c.term_months)}, {"end", *end}});
  out.add(*end, "N4", ScheduleEvent::service_end, {}, why);
}

// R1-R4 (K Art. 16) of the latest request (by request date, then id, as rules/continuity.h picks it).
// Once its minutes are signed (R5), nothing after that day is due any more.
void add_reversibility(Collector& out, const ScheduleFacts& facts, const ReversibilityTerms& terms) {
  const ReversibilityRequest* latest = nullptr;
  for (const auto& r : facts.reversibility_requests) {
    if (r.contract_id != facts.contract.id) continue;
    if (!latest || r.requested > latest->requested || (r.requested == latest->requested && r.id > latest->id))
      latest = &r;
  }
  if (!latest) return;
  const ReversibilitySchedule s =
      reversibility_schedule(*latest, facts.contract.holiday_zone, facts.invoices, facts.payments, terms);
  const Date end = latest->end_of_service;
  auto add = [&](Date date, const char* rule, ScheduleEvent event, std::vector<Figure> figures, Trace trace) {
    if (latest->completed && date > *latest->completed) return;
    out.add(date, rule, event, std::move(figures), std::move(trace));
  };
  add(s.request_deadline, "R1", ScheduleEvent::reversibility_request_deadline,
      {{"end_of_service", end}, {"request", latest->id}}, steps_of(s.trace, {"R1"}));
  if (s.start) {
    add(*s.start, "R2", ScheduleEvent::reversibility_start, {{"request", latest->id}}, steps_of(s.trace, {"R2"}));
    add(*s.delivery_deadline, "R3", ScheduleEvent::reversibility_delivery,
        {{"request", latest->id},
         {"delay_days", count(terms.delivery.days)},
         {"day_count", std::string(to_word(terms.delivery.count))}},
        steps_of(s.trace, {"R2", "R3"}));
  } else {
    std::string numbers;
    for (const auto& n : s.unpaid_at_end) numbers += (numbers.empty() ? "" : ", ") + n;
    add(end, "R2", ScheduleEvent::reversibility_awaits_payment,
        {{"unpaid_invoices", count(int(s.unpaid_at_end.size()))}, {"invoices", numbers}}, steps_of(s.trace, {"R2"}));
  }
  if (latest->takeover && *latest->takeover <= end) return;  // taken over at the end: no continuity
  const bool takeover = latest->takeover && *latest->takeover <= s.continuity_limit;
  add(s.services_until, "R4", takeover ? ScheduleEvent::takeover : ScheduleEvent::continuity_end,
      {{"continuity_days", count(terms.continuity_max_days)}, {"end_of_service", end}}, steps_of(s.trace, {"R4"}));
}

// B9 (K Art. 8.3; D Art. 8), as far as the recorded payments tell.
void add_unpaid(Collector& out, const ScheduleFacts& facts, const BillingTerms& terms) {
  const Contract& c = facts.contract;
  for (const IssuedInvoice& invoice : facts.invoices) {
    const UnpaidConsequences u = unpaid_consequences(c, terms, invoice, std::nullopt);
    if (u.definitive_suspension) {
      // D: the renewal still unpaid 15 days after the anniversary is suspended for good.
      const Date d = *u.definitive_suspension;
      if (!outstanding_on({invoice}, facts.payments, d).empty())
        out.add(d, "B9", ScheduleEvent::unpaid_definitive_suspension,
                {{"invoice", invoice.number}, {"anniversary", *u.service_stops}}, u.trace);
      continue;
    }
    // K: the first day the invoice is overdue, everything becomes due and interventions stop.
    const Date d = add_days(invoice.due, 1);
    if (!overdue_on({invoice}, facts.payments, d).empty())
      out.add(d, "B9", ScheduleEvent::unpaid_overdue,
              {{"invoice", invoice.number}, {"due", invoice.due}, {"delay_days", count(terms.unpaid_suspension.days)}},
              u.trace);
  }
}

}  // namespace

Date ScheduleWindow::until() const { return add_days(from, days); }

std::vector<ScheduleItem> contract_schedule(const ScheduleFacts& facts, const TermsProfile& terms,
                                            ScheduleWindow window) {
  Collector out(facts.contract, window);
  if (facts.contract.tacit_renewal) add_renewals(out, facts.contract, terms.term, window);
  add_price_changes(out, facts, terms.term);  // issue 12
  add_breaches(out, facts, terms.term);       // issue 12
  add_service_end(out, facts.contract);
  add_reversibility(out, facts, terms.reversibility);
  add_unpaid(out, facts, terms.billing);
  return out.take();
}

void sort_schedule(std::vector<ScheduleItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const ScheduleItem& a, const ScheduleItem& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.contract_id < b.contract_id;
  });
}

}  // namespace clause
