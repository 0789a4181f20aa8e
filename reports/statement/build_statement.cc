// Building the statement (reports/statement/statement_document.h), one function per section.
//
// Decisions where RULES.md is silent:
// - A credit line per guarantee that earned something (GTI, GTR, HA), each explained by its own
//   rule steps plus the service's S7 cap step; when the cap cuts the total, one more line
//   "cap" carries the negative difference, so that the table's sum is the capped total exactly.
// - Excluded incidents (S6) stay in the incident table with their measures and the reason.
// - The availability chart's y axis starts at the lowest daily value rounded down to a whole
//   percent (99 at most) so that a short outage stays visible.
#include <algorithm>

#include "reports/statement/statement_data.h"
#include "reports/statement/statement_document.h"
#include "rules/service_end.h"

namespace clause {
namespace {

namespace st = statement;

std::string one_line(const std::string& address) {
  std::string out;
  for (char c : address) {
    if (c == '\n')
      out += ", ";
    else
      out += c;
  }
  return out;
}

// Percent units from parts per million, exact, trailing zeros dropped: 998980 -> "99.898".
std::string ppm_percent(Ppm p, bool keep_three_decimals = false) {
  const long v = p.value;
  std::string out = std::to_string(v / 10000) + "." + std::to_string(10000 + v % 10000).substr(1);
  out.pop_back();  // ppm -> 3 decimals of percent (floor, as the rule's display)
  if (keep_three_decimals) return out;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string percent_text(Percent p) { return std::to_string(p.value); }

const Service* find_service(const ContractRecords& r, const std::string& id) {
  for (const auto& s : r.services)
    if (s.id == id) return &s;
  return nullptr;
}

std::string hostname_of(const ContractRecords& r, const std::string& id) {
  const Service* s = find_service(r, id);
  return s && !s->hostname.empty() ? s->hostname : id;
}

std::string label_of(const ContractRecords& r, const std::string& id) {
  const Service* s = find_service(r, id);
  return s && !s->label.empty() ? s->label : id;
}

// A service shown in one cell: "Serveur web (web01.example.fr)".
std::string service_text(const ContractRecords& r, const std::string& id) {
  const Service* s = find_service(r, id);
  if (!s) return id;
  if (s->hostname.empty()) return label_of(r, id);
  if (s->label.empty()) return s->hostname;
  return s->label + " (" + s->hostname + ")";
}

Date last_day(YearMonth m) { return add_days(m.next().first_day(), -1); }

// The steps of `trace` whose rule is one of `rules`, in order.
Trace steps_of(const Trace& trace, std::initializer_list<std::string_view> rules) {
  Trace out;
  for (const auto& step : trace.steps)
    if (std::find(rules.begin(), rules.end(), step.rule) != rules.end()) out.steps.push_back(step);
  return out;
}

std::vector<st::ExplanationStep> explanation(const Trace& trace, const TraceWording& wording,
                                             const ContractClock& clock) {
  std::vector<st::ExplanationStep> out;
  for (const auto& step : wording.describe_steps(trace, clock)) out.push_back({step.rule, step.text});
  return out;
}

std::string size_text(std::int64_t bytes, Language lang) {
  // Decimal units, as backup tools and hosting offers count them.
  const double gb = double(bytes) / 1e9;
  if (gb >= 1) return format_number(gb, 1, lang) + (lang == Language::fr ? " Go" : " GB");
  return format_number(double(bytes) / 1e6, 1, lang) + (lang == Language::fr ? " Mo" : " MB");
}

// What every section reads.
struct Context {
  const StatementInput& in;
  const ContractRecords& r;
  const ContractMonthFigures& f;
  const ContractClock& clock;
  Language lang;
  bool credits_on;
  std::string when(Instant t) const { return local_datetime(t, clock); }
  std::string when_opt(const std::optional<Instant>& t) const { return t ? local_datetime(*t, clock) : std::string(); }
  // Durations that decide a tier are shown to the second when it has one (F1).
  std::string duration(seconds s) const { return format_duration(s, lang); }
};

st::Identity identity(const Context& c) {
  // The days of the month the contract was in service (a start on 17 Nov is "du 17/11 au 30/11").
  Date from = std::max(c.f.month.first_day(), c.r.contract.start);
  Date to = last_day(c.f.month);
  if (c.f.continuity)
    to = std::min(to, c.f.continuity->last);
  else if (const auto end = service_end(c.r.contract))
    to = std::min(to, *end);
  return {c.in.reference,
          c.in.issued,
          format_date_text(c.in.issued, c.lang),
          month_label(c.f.month, c.lang),
          month_label_of(c.f.month, c.lang),
          from,
          to,
          format_date_text(from, c.lang),
          format_date_text(to, c.lang),
          c.f.interval.length().count() / 3600,
          c.r.contract.time_zone};
}

// A corrective statement says what it replaces and what becomes of the difference.
std::optional<st::Correction> correction(const Context& c) {
  const StatementCorrection* k = c.in.correction;
  if (!k) return std::nullopt;
  return st::Correction{k->corrects, format_date_text(k->corrects_issued, c.lang), k->credit_before, k->credit_after,
                        k->credit_after - k->credit_before};
}

// R4: a month of continuity after the end of service.
std::optional<st::Continuity> continuity(const Context& c) {
  if (!c.f.continuity_days || !c.f.continuity) return std::nullopt;
  return st::Continuity{format_date_text(c.f.continuity_days->first, c.lang),
                        format_date_text(c.f.continuity_days->last, c.lang),
                        format_date_text(c.f.continuity->last, c.lang)};
}

st::Provider provider(const Context& c) {
  const ProviderIdentity& p = c.in.provider;
  return {p.name,  p.legal_form, p.capital, one_line(p.address), p.siren, p.rcs, p.vat_number,
          p.email, p.phone,      c.in.logo};
}

st::Client client(const Context& c) {
  const Account& a = c.r.account;
  return {a.name, a.id, one_line(a.address), a.siren, a.vat_number};
}

st::Contract contract(const Context& c) {
  const auto& k = c.r.contract;
  const ContractYear year = contract_year_of(k, last_day(c.f.month));
  return {k.id,
          k.start,
          c.in.terms.name,
          c.in.terms.title,
          c.credits_on,
          k.high_availability,
          k.backup_option,
          k.gtr_hours > 0,
          format_duration(minutes{std::chrono::hours{k.gtr_hours}}, c.lang),
          format_date_text(year.begin, c.lang),
          format_date_text(add_days(year.end, -1), c.lang)};
}

// Services, with the monthly fee the credits and the cap are based on (S7).
std::vector<st::ServiceLine> services(const Context& c) {
  std::vector<st::ServiceLine> out;
  for (const auto& s : c.f.services) {
    const Service* service = find_service(c.r, s.service_id);
    if (!service) continue;
    std::optional<Money> fee;
    if (s.month_fee) fee = s.month_fee->monthly;
    out.push_back({service->hostname, service->label, service->kind, fee});
  }
  return out;
}

// Incidents (S1-S4, S6, S8) and GTR measures; counts the GTI met and missed and the GTR missed.
void incidents(const Context& c, StatementDocument& d) {
  for (const auto& s : c.f.services) {
    for (const auto& line : s.incidents) {
      const Incident* incident = nullptr;
      for (const auto& i : c.r.incidents)
        if (i.id == line.incident_id) incident = &i;
      if (!incident) continue;
      (line.gti.met ? d.figures.gti_met_count : d.figures.gti_late_count) += 1;
      const bool show_tier = c.credits_on && !line.gti.met && line.gti.intervention_start && !line.exclusion.excluded;
      d.incidents.push_back({line.incident_id, hostname_of(c.r, s.service_id), label_of(c.r, s.service_id),
                             c.when(line.contacted), line.gti.deadline.contacted_in_ho,
                             c.when(line.gti.deadline.deadline), c.when_opt(line.gti.intervention_start), line.gti.met,
                             line.gti.lateness > seconds{0} ? c.duration(line.gti.lateness) : "",
                             show_tier ? percent_text(line.gti.percent) : "", c.when_opt(incident->restored),
                             incident->blocking, incident->cause, line.exclusion.excluded,
                             line.exclusion.reason == "root_access", line.credit});
      if (line.gtr.applies && line.gtr.lateness > seconds{0}) ++d.figures.gtr_late_count;
      if (!line.gtr.applies) continue;
      const bool gtr_tier = c.credits_on && line.gtr.lateness > seconds{0} && !line.exclusion.excluded;
      d.gtr.push_back({line.incident_id, hostname_of(c.r, s.service_id), c.when_opt(line.gti.intervention_start),
                       c.when_opt(incident->restored), line.gtr.measured,
                       line.gtr.measured ? c.duration(*incident->restored - *line.gti.intervention_start) : "",
                       line.gtr.measured ? c.duration(line.gtr.restoration_time) : "",
                       line.gtr.backup_restore_removed > seconds{0} ? c.duration(line.gtr.backup_restore_removed) : "",
                       format_duration(line.gtr.base_gtr, c.lang),
                       line.gtr.lateness > seconds{0} ? c.duration(line.gtr.lateness) : "",
                       gtr_tier ? percent_text(line.gtr.percent) : ""});
    }
  }
  std::stable_sort(d.incidents.begin(), d.incidents.end(),
                   [](const st::IncidentLine& a, const st::IncidentLine& b) { return a.contacted < b.contacted; });
}

// Availability per HA service (S5), with the daily chart.
std::vector<st::AvailabilityLine> availability(const Context& c) {
  std::vector<st::AvailabilityLine> out;
  for (const auto& s : c.f.services) {
    if (!s.availability) continue;
    const auto& m = s.availability->measure;
    long lowest = 1'000'000;
    std::vector<st::AvailabilityDay> days;
    for (const auto& day : m.days) {
      lowest = std::min(lowest, day.availability.value);
      days.push_back({std::to_string(unsigned(day.day.day())), ppm_percent(day.availability, true)});
    }
    const long floor_percent = std::min(99L, lowest / 10000);
    std::optional<Money> credit;
    if (c.credits_on) credit = s.availability->credit.credit;
    out.push_back({service_text(c.r, s.service_id), hostname_of(c.r, s.service_id), shown_percent_value(m.shown),
                   std::to_string(std::chrono::floor<minutes>(m.unavailable).count()), c.duration(m.unavailable),
                   std::to_string(m.counted_outages.size()), m.unavailable > seconds{0},
                   c.credits_on ? percent_text(s.availability->credit.percent) : "", credit,
                   std::to_string(floor_percent), std::move(days)});
  }
  return out;
}

// Credit lines (S2, S4, S5, S7) and the per-service totals, none without a credit table (S10).
void credits(const Context& c, StatementDocument& d) {
  if (!c.credits_on) return;
  const TraceWording& w = c.in.wording;
  for (const auto& s : c.f.services) {
    const std::string service = service_text(c.r, s.service_id);
    const std::size_t first = d.credits.size();
    auto with_cap = [&](Trace t) {
      t.steps.insert(t.steps.end(), s.cap.trace.steps.begin(), s.cap.trace.steps.end());
      return explanation(t, w, c.clock);
    };
    for (const auto& line : s.incidents) {
      if (line.exclusion.excluded) continue;
      if (line.gti.credit > Money{})
        d.credits.push_back({service, st::Guarantee::gti, line.incident_id, line.monthly_fee,
                             percent_text(line.gti.percent), line.gti.credit, s.cap.reached,
                             with_cap(steps_of(line.trace, {"S1", "S2"}))});
      if (line.gtr.credit > Money{})
        d.credits.push_back({service, st::Guarantee::gtr, line.incident_id, line.monthly_fee,
                             percent_text(line.gtr.percent), line.gtr.credit, s.cap.reached,
                             with_cap(steps_of(line.trace, {"S3", "S4"}))});
    }
    if (s.availability && s.availability->credit.credit > Money{}) {
      const auto& ha = s.availability->credit;
      Trace t = s.availability->measure.trace;
      t.steps.insert(t.steps.end(), ha.trace.steps.begin(), ha.trace.steps.end());
      d.credits.push_back({service, st::Guarantee::ha, "", ha.monthly_fee, percent_text(ha.percent), ha.credit,
                           s.cap.reached, with_cap(std::move(t))});
    }
    if (s.cap.subtotal > s.cap.cap) {
      // S7: the cut as a line of its own, so the column sums to the capped total.
      d.credits.push_back({service, st::Guarantee::cap, "", s.month_fee ? s.month_fee->monthly : Money{}, "",
                           s.cap.total - s.cap.subtotal, true, explanation(s.cap.trace, w, c.clock)});
    }
    if (d.credits.size() == first) continue;
    d.credit_totals.push_back({service, s.cap.subtotal, s.cap.cap, s.cap.total, s.cap.reached});
  }
}

// Interventions of the month (I1-I3) and the emergency allowance of the contract year (I1).
std::vector<st::InterventionLine> interventions(const Context& c) {
  std::vector<st::InterventionLine> out;
  for (const auto& line : c.f.interventions.lines) {
    const Intervention* source = nullptr;
    for (const auto& i : c.r.interventions)
      if (i.id == line.intervention_id) source = &i;
    out.push_back({line.intervention_id, hostname_of(c.r, line.service_id), line.kind, c.when(line.start),
                   format_duration(line.length, c.lang),
                   line.emergency_rank > 0 ? std::to_string(line.emergency_rank) : "", line.uses_allowance,
                   line.excess > minutes{0} ? format_duration(line.excess, c.lang) : "", line.excess_quoted,
                   line.excess_not_billed, source && source->quote_reference ? *source->quote_reference : "",
                   line.amount, c.in.wording.describe(line.trace, c.clock)});
  }
  return out;
}

std::vector<st::AllowanceLine> allowances(const Context& c) {
  std::vector<st::AllowanceLine> out;
  for (const auto& a : c.f.allowances)
    out.push_back(
        {hostname_of(c.r, a.service_id), a.year.begin, add_days(a.year.end, -1), a.used, a.allowance, a.billable});
  return out;
}

// Key figures besides the incident counts (counted with the incidents).
void figures(const Context& c, st::Figures& k) {
  const AdviceMonth advice = c.f.advice.months.empty() ? AdviceMonth{} : c.f.advice.months.back();
  k.incident_count = k.gti_met_count + k.gti_late_count;
  k.ticket_count = c.f.support.total;
  k.ticket_on_time = c.f.support.on_time;
  k.ticket_ack_rate = c.f.support.shown.known ? shown_percent_value(c.f.support.shown) : "\u2014";
  k.advice_granted = format_duration(advice.granted, c.lang);
  k.advice_used = format_duration(advice.used, c.lang);
  k.advice_balance = format_duration(c.f.advice.balance, c.lang);
  k.advice_negative = c.f.advice.negative;
  k.credit_total = c.f.total_credit;
  k.credit_total_text = format_money(c.f.total_credit, c.lang);
  k.interventions_total = c.f.interventions.total;
  k.interventions_total_text = format_money(c.f.interventions.total, c.lang);
}

// Backups: K1 daily compliance and restore points, K2 the month's history.
void backups(const Context& c, StatementDocument& d) {
  for (const auto& b : c.f.daily_backups) {
    std::string dates;
    for (const auto& day : b.incomplete_days) {
      if (!dates.empty()) dates += ", ";
      dates += format_date_text(day.day, c.lang);
      d.incomplete_days.push_back({hostname_of(c.r, b.service_id), day.day, day.missing});
    }
    d.backups.push_back({hostname_of(c.r, b.service_id), b.days_checked,
                         b.days_checked - static_cast<long long>(b.incomplete_days.size()),
                         static_cast<long long>(b.incomplete_days.size()), dates,
                         static_cast<long long>(b.restore_points.size()),
                         b.restore_points.empty() ? "" : c.when(b.restore_points.back().start)});
  }
  for (const auto& h : c.f.backup_history)
    for (const auto& b : h.backups)
      d.backup_history.push_back({hostname_of(c.r, h.service_id), c.when(b.start), b.kind, b.scope, b.status,
                                  b.size_bytes > 0 ? size_text(b.size_bytes, c.lang) : "", b.location});
}

// S6: root-access periods of the month and the incidents whose guarantees they suspended.
std::vector<st::RootAccessLine> root_access(const Context& c) {
  std::vector<st::RootAccessLine> out;
  for (const auto& p : c.f.root_access) {
    std::string suspended;
    for (const auto& id : p.suspended_incidents) suspended += (suspended.empty() ? "" : ", ") + id;
    out.push_back({hostname_of(c.r, p.period.service_id), c.when(p.period.start), c.when_opt(p.period.end), suspended});
  }
  return out;
}

}  // namespace

StatementDocument build_statement(const StatementInput& in) {
  const Context c{in, in.records, in.figures, in.clock, in.language, in.terms.service_levels.credits};
  StatementDocument d;
  d.identity = identity(c);
  d.correction = correction(c);
  d.continuity = continuity(c);
  d.provider = provider(c);
  d.client = client(c);
  d.contract = contract(c);
  d.services = services(c);
  incidents(c, d);
  d.availability = availability(c);
  credits(c, d);
  d.interventions = interventions(c);
  d.allowances = allowances(c);
  figures(c, d.figures);
  backups(c, d);
  d.root_access = root_access(c);
  d.suspends_guarantees = in.terms.service_levels.root_access_suspends;
  return d;
}

}  // namespace clause
