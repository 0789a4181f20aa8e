// Statement data (reports/statement/statement_data.h).
//
// Decisions where RULES.md is silent:
// - A credit line per guarantee that earned something (GTI, GTR, HA), each explained by its own
//   rule steps plus the service's S7 cap step; when the cap cuts the total, one more line
//   "cap" carries the negative difference, so that the table's sum is the capped total exactly.
// - Excluded incidents (S6) stay in the incident table with their measures and the reason.
// - The availability chart's y axis starts at the lowest daily value rounded down to a whole
//   percent (99 at most) so that a short outage stays visible.
#include "reports/statement/statement_data.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "model/decimal.h"
#include "rules/service_end.h"

namespace clause {
namespace {

using nlohmann::json;

std::string two_digits(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string one_line(const std::string& address) {
  std::string out;
  for (char c : address) {
    if (c == '\n') out += ", ";
    else out += c;
  }
  return out;
}

// Percent units from parts per million, exact, trailing zeros dropped: 998980 -> "99.898".
std::string ppm_percent(Ppm p, bool keep_three_decimals = false) {
  const long v = p.value;
  std::string out = std::to_string(v / 10000) + "." + std::to_string(10000 + v % 10000).substr(1);
  out.pop_back();   // ppm -> 3 decimals of percent (floor, as the rule's display)
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

json cause_flags(IncidentCause cause) {
  return {{"server", cause == IncidentCause::server},
          {"client", cause == IncidentCause::client},
          {"third_party", cause == IncidentCause::third_party},
          {"force_majeure", cause == IncidentCause::force_majeure},
          {"other", cause == IncidentCause::unknown}};
}

json kind_flags(ServiceKind kind) {
  return {{"server", kind == ServiceKind::server},
          {"ha_cluster", kind == ServiceKind::ha_cluster},
          {"mailbox", kind == ServiceKind::mailbox},
          {"other", kind == ServiceKind::other}};
}

json intervention_kind_flags(InterventionKind kind) {
  return {{"emergency", kind == InterventionKind::emergency},
          {"client_caused", kind == InterventionKind::client_caused},
          {"scheduled", kind == InterventionKind::scheduled},
          {"advice", kind == InterventionKind::advice}};
}

json scope_flags(const std::vector<BackupScope>& scopes) {
  auto has = [&](BackupScope s) { return std::find(scopes.begin(), scopes.end(), s) != scopes.end(); };
  return {{"system", has(BackupScope::system)},
          {"files", has(BackupScope::files)},
          {"databases", has(BackupScope::databases)},
          {"full", has(BackupScope::full)}};
}

Date last_day(YearMonth m) { return add_days(m.next().first_day(), -1); }

// The steps of `trace` whose rule is one of `rules`, in order.
Trace steps_of(const Trace& trace, std::initializer_list<std::string_view> rules) {
  Trace out;
  for (const auto& step : trace.steps)
    if (std::find(rules.begin(), rules.end(), step.rule) != rules.end()) out.steps.push_back(step);
  return out;
}

json explanation(const Trace& trace, const TraceWording& wording, const ContractClock& clock) {
  json out = json::array();
  for (const auto& step : wording.describe_steps(trace, clock)) out.push_back({{"rule", step.rule}, {"text", step.text}});
  return out;
}

json credit_line(const std::string& service, const char* guarantee, const std::string& incident, Money fee,
                 std::string rate, Money amount, bool capped, json explained) {
  return {{"service", service},
          {"guarantee",
           {{"gti", std::string_view(guarantee) == "gti"},
            {"gtr", std::string_view(guarantee) == "gtr"},
            {"ha", std::string_view(guarantee) == "ha"},
            {"cap", std::string_view(guarantee) == "cap"}}},
          {"incident", incident},
          {"monthly_fee", format_money_plain(fee)},
          {"rate", std::move(rate)},
          {"amount", format_money_plain(amount)},
          {"capped", capped},
          {"explanation", std::move(explained)}};
}

std::string size_text(std::int64_t bytes, Language lang) {
  // Decimal units, as backup tools and hosting offers count them.
  const double gb = double(bytes) / 1e9;
  if (gb >= 1) return format_number(gb, 1, lang) + (lang == Language::fr ? " Go" : " GB");
  return format_number(double(bytes) / 1e6, 1, lang) + (lang == Language::fr ? " Mo" : " MB");
}

}  // namespace

std::string local_datetime(Instant t, const ContractClock& clock) {
  const LocalTime local = clock.to_local(t);
  std::string out = format_date(local.date) + "T" + two_digits(local.time_of_day.count() / 60) + ":" +
                    two_digits(local.time_of_day.count() % 60);
  if (clock.is_repeated_local_time(t)) {
    // F2: "2026-10-25T02:30+02:00", shown "25/10/2026 02:30 UTC+2".
    const long long offset = local.utc_offset.count();
    const long long a = offset < 0 ? -offset : offset;
    out += (offset < 0 ? "-" : "+") + two_digits(a / 60) + ":" + two_digits(a % 60);
  }
  return out;
}

std::string month_label(YearMonth m, Language language) {
  static constexpr std::array<const char*, 12> fr{"janvier", "février", "mars", "avril", "mai", "juin",
                                                  "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::array<const char*, 12> en{"January", "February", "March", "April", "May", "June",
                                                  "July", "August", "September", "October", "November", "December"};
  const auto& names = language == Language::fr ? fr : en;
  return std::string(names[(m.month - 1) % 12]) + " " + std::to_string(m.year);
}

std::string month_label_of(YearMonth m, Language language) {
  const std::string label = month_label(m, language);
  if (language == Language::en) return "of " + label;
  // French elision before a vowel: "d'octobre", "d'avril", "d'août"; "de novembre".
  const bool vowel = label.starts_with("a") || label.starts_with("o");
  return (vowel ? "d'" : "de ") + label;
}

json statement_data(const StatementInput& in) {
  const ContractRecords& r = in.records;
  const ContractMonthFigures& f = in.figures;
  const ContractClock& clock = in.clock;
  const Language lang = in.language;
  const bool credits_on = in.terms.service_levels.credits;
  auto when = [&](Instant t) { return local_datetime(t, clock); };
  auto when_opt = [&](const std::optional<Instant>& t) { return t ? local_datetime(*t, clock) : std::string(); };
  // Durations that decide a tier are shown to the second when it has one (F1).
  auto duration = [&](seconds s) { return format_duration(s, lang); };
  // The days of the month the contract was in service (a start on 17 Nov is "du 17/11 au 30/11").
  Date period_from = std::max(f.month.first_day(), r.contract.start);
  Date period_to = last_day(f.month);
  if (f.continuity) period_to = std::min(period_to, f.continuity->last);
  else if (const auto end = service_end(r.contract)) period_to = std::min(period_to, *end);

  json d;
  d["statement"] = {{"reference", in.reference},
                    {"issued", format_date(in.issued)},
                    {"issued_text", format_date_text(in.issued, lang)},
                    {"period_label", month_label(f.month, lang)},
                    {"period_of", month_label_of(f.month, lang)},
                    {"period_from", format_date(period_from)},
                    {"period_to", format_date(period_to)},
                    {"period_from_text", format_date_text(period_from, lang)},
                    {"period_to_text", format_date_text(period_to, lang)},
                    {"period_hours", std::to_string(f.interval.length().count() / 3600)},
                    {"time_zone", r.contract.time_zone}};
  // A corrective statement says what it replaces and what becomes of the difference: a further
  // credit note when credits went up (B4), nothing clawed back when they went down.
  d["has_correction"] = in.correction != nullptr;
  d["correction"] = {{"corrects", ""},
                     {"corrects_issued_text", ""},
                     {"credit_before_text", ""},
                     {"credit_after_text", ""},
                     {"difference_text", ""},
                     {"went_up", false},
                     {"went_down", false}};
  if (const StatementCorrection* c = in.correction) {
    const Money difference = c->credit_after - c->credit_before;
    d["correction"] = {{"corrects", c->corrects},
                       {"corrects_issued_text", format_date_text(c->corrects_issued, lang)},
                       {"credit_before_text", format_money(c->credit_before, lang)},
                       {"credit_after_text", format_money(c->credit_after, lang)},
                       {"difference_text", format_money(difference < Money{} ? -difference : difference, lang)},
                       {"went_up", difference > Money{}},
                       {"went_down", difference < Money{}}};
  }
  // R4: a month of continuity after the end of service.
  d["has_continuity"] = f.continuity_days.has_value() && f.continuity.has_value();
  d["continuity"] = {{"first_text", ""}, {"last_text", ""}, {"services_until_text", ""}};
  if (d["has_continuity"].get<bool>())
    d["continuity"] = {{"first_text", format_date_text(f.continuity_days->first, lang)},
                       {"last_text", format_date_text(f.continuity_days->last, lang)},
                       {"services_until_text", format_date_text(f.continuity->last, lang)}};
  d["provider"] = {{"name", in.provider.name},
                   {"legal_form", in.provider.legal_form},
                   {"capital_text", in.provider.capital},
                   {"address", one_line(in.provider.address)},
                   {"siren", in.provider.siren},
                   {"rcs", in.provider.rcs},
                   {"vat_number", in.provider.vat_number},
                   {"email", in.provider.email},
                   {"phone", in.provider.phone},
                   {"logo", in.logo}};
  d["client"] = {{"name", r.account.name},
                 {"account", r.account.id},
                 {"address", one_line(r.account.address)},
                 {"siren", r.account.siren},
                 {"vat_number", r.account.vat_number}};
  const ContractYear year = contract_year_of(r.contract, last_day(f.month));
  d["contract"] = {{"reference", r.contract.id},
                   {"start", format_date(r.contract.start)},
                   {"terms", in.terms.name},
                   {"terms_title", in.terms.title},
                   {"has_credit_table", credits_on},
                   {"has_ha", r.contract.high_availability},
                   {"has_backup_option", r.contract.backup_option},
                   {"has_gtr", r.contract.gtr_hours > 0},
                   {"gtr_text", format_duration(minutes{std::chrono::hours{r.contract.gtr_hours}}, lang)},
                   {"year_from_text", format_date_text(year.begin, lang)},
                   {"year_to_text", format_date_text(add_days(year.end, -1), lang)}};

  // Services, with the monthly fee the credits and the cap are based on (S7).
  json services = json::array();
  for (const auto& s : f.services) {
    const Service* service = find_service(r, s.service_id);
    if (!service) continue;
    services.push_back({{"hostname", service->hostname},
                        {"label", service->label},
                        {"kind", kind_flags(service->kind)},
                        {"monthly_fee", s.month_fee ? format_money_plain(s.month_fee->monthly) : ""}});
  }
  d["has_services"] = !services.empty();
  d["services"] = std::move(services);

  // Incidents (S1-S4, S6, S8) and GTR measures.
  json incidents = json::array();
  json gtr = json::array();
  long long met = 0, late = 0, gtr_late = 0;
  for (const auto& s : f.services) {
    for (const auto& line : s.incidents) {
      const Incident* incident = nullptr;
      for (const auto& i : r.incidents)
        if (i.id == line.incident_id) incident = &i;
      if (!incident) continue;
      (line.gti.met ? met : late) += 1;
      const bool show_tier = credits_on && !line.gti.met && line.gti.intervention_start && !line.exclusion.excluded;
      incidents.push_back({{"reference", line.incident_id},
                           {"server", hostname_of(r, s.service_id)},
                           {"service", label_of(r, s.service_id)},
                           {"contacted", when(line.contacted)},
                           {"in_ho", line.gti.deadline.contacted_in_ho},
                           {"gti_deadline", when(line.gti.deadline.deadline)},
                           {"started", when_opt(line.gti.intervention_start)},
                           {"gti_met", line.gti.met},
                           {"gti_lateness", line.gti.lateness > seconds{0} ? duration(line.gti.lateness) : ""},
                           {"gti_tier", show_tier ? percent_text(line.gti.percent) : ""},
                           {"restored", when_opt(incident->restored)},
                           {"blocking", incident->blocking},
                           {"cause", cause_flags(incident->cause)},
                           {"excluded", line.exclusion.excluded},
                           {"root_access", line.exclusion.reason == "root_access"},
                           {"credit", format_money_plain(line.credit)}});
      if (line.gtr.applies && line.gtr.lateness > seconds{0}) ++gtr_late;
      if (!line.gtr.applies) continue;
      const bool gtr_tier = credits_on && line.gtr.lateness > seconds{0} && !line.exclusion.excluded;
      gtr.push_back({{"reference", line.incident_id},
                     {"server", hostname_of(r, s.service_id)},
                     {"started", when_opt(line.gti.intervention_start)},
                     {"restored", when_opt(incident->restored)},
                     {"measured", line.gtr.measured},
                     {"elapsed_text", line.gtr.measured ? duration(*incident->restored - *line.gti.intervention_start) : ""},
                     {"restoration_text", line.gtr.measured ? duration(line.gtr.restoration_time) : ""},
                     {"backup_restore_text", line.gtr.backup_restore_removed > seconds{0}
                                                 ? duration(line.gtr.backup_restore_removed) : ""},
                     {"base_text", format_duration(line.gtr.base_gtr, lang)},
                     {"lateness_text", line.gtr.lateness > seconds{0} ? duration(line.gtr.lateness) : ""},
                     {"tier", gtr_tier ? percent_text(line.gtr.percent) : ""}});
    }
  }
  std::stable_sort(incidents.begin(), incidents.end(),
                   [](const json& a, const json& b) { return a["contacted"] < b["contacted"]; });
  d["has_incidents"] = !incidents.empty();
  d["incidents"] = std::move(incidents);
  d["has_gtr"] = !gtr.empty();
  d["gtr"] = std::move(gtr);

  // Availability per HA service (S5), with the daily chart.
  json availability = json::array();
  for (const auto& s : f.services) {
    if (!s.availability) continue;
    const auto& m = s.availability->measure;
    long lowest = 1'000'000;
    json days = json::array();
    for (const auto& day : m.days) {
      lowest = std::min(lowest, day.availability.value);
      days.push_back({{"day", std::to_string(unsigned(day.day.day()))}, {"availability", ppm_percent(day.availability, true)}});
    }
    const long floor_percent = std::min(99L, lowest / 10000);
    availability.push_back({{"service", service_text(r, s.service_id)},
                            {"server", hostname_of(r, s.service_id)},
                            {"availability", shown_percent_value(m.shown)},
                            {"unavailable_minutes", std::to_string(std::chrono::floor<minutes>(m.unavailable).count())},
                            {"unavailable_text", duration(m.unavailable)},
                            {"outage_count", std::to_string(m.counted_outages.size())},
                            {"has_outages", m.unavailable > seconds{0}},
                            {"credit_rate", credits_on ? percent_text(s.availability->credit.percent) : ""},
                            {"credit", credits_on ? format_money_plain(s.availability->credit.credit) : ""},
                            {"chart_y_min", std::to_string(floor_percent)},
                            {"days", std::move(days)}});
  }
  d["has_availability"] = !availability.empty();
  d["availability"] = std::move(availability);

  // Credit lines (S2, S4, S5, S7), none when the terms have no credit table (S10).
  json credits = json::array();
  json totals = json::array();
  if (credits_on) {
    for (const auto& s : f.services) {
      const std::string service = service_text(r, s.service_id);
      const std::size_t first = credits.size();
      for (const auto& line : s.incidents) {
        if (line.exclusion.excluded) continue;
        if (line.gti.credit > Money{}) {
          Trace t = steps_of(line.trace, {"S1", "S2"});
          t.steps.insert(t.steps.end(), s.cap.trace.steps.begin(), s.cap.trace.steps.end());
          credits.push_back(credit_line(service, "gti", line.incident_id, line.monthly_fee, percent_text(line.gti.percent),
                                        line.gti.credit, s.cap.reached, explanation(t, in.wording, clock)));
        }
        if (line.gtr.credit > Money{}) {
          Trace t = steps_of(line.trace, {"S3", "S4"});
          t.steps.insert(t.steps.end(), s.cap.trace.steps.begin(), s.cap.trace.steps.end());
          credits.push_back(credit_line(service, "gtr", line.incident_id, line.monthly_fee, percent_text(line.gtr.percent),
                                        line.gtr.credit, s.cap.reached, explanation(t, in.wording, clock)));
        }
      }
      if (s.availability && s.availability->credit.credit > Money{}) {
        Trace t = s.availability->measure.trace;
        t.steps.insert(t.steps.end(), s.availability->credit.trace.steps.begin(), s.availability->credit.trace.steps.end());
        t.steps.insert(t.steps.end(), s.cap.trace.steps.begin(), s.cap.trace.steps.end());
        credits.push_back(credit_line(service, "ha", "", s.availability->credit.monthly_fee,
                                      percent_text(s.availability->credit.percent), s.availability->credit.credit,
                                      s.cap.reached, explanation(t, in.wording, clock)));
      }
      if (s.cap.subtotal > s.cap.cap) {
        // S7: the cut as a line of its own, so the column sums to the capped total.
        credits.push_back(credit_line(service, "cap", "", s.month_fee ? s.month_fee->monthly : Money{}, "",
                                      s.cap.total - s.cap.subtotal, true, explanation(s.cap.trace, in.wording, clock)));
      }
      if (credits.size() == first) continue;
      totals.push_back({{"service", service},
                        {"subtotal", format_money_plain(s.cap.subtotal)},
                        {"cap", format_money_plain(s.cap.cap)},
                        {"total", format_money_plain(s.cap.total)},
                        {"capped", s.cap.reached}});
    }
  }
  d["has_credits"] = !credits.empty();
  d["credits"] = std::move(credits);
  d["credit_totals"] = std::move(totals);

  // Interventions of the month (I1-I3) and the emergency allowance of the contract year (I1).
  json interventions = json::array();
  for (const auto& line : f.interventions.lines) {
    const Intervention* source = nullptr;
    for (const auto& i : r.interventions)
      if (i.id == line.intervention_id) source = &i;
    interventions.push_back({{"reference", line.intervention_id},
                             {"server", hostname_of(r, line.service_id)},
                             {"kind", intervention_kind_flags(line.kind)},
                             {"start", when(line.start)},
                             {"length_text", format_duration(line.length, lang)},
                             {"rank", line.emergency_rank > 0 ? std::to_string(line.emergency_rank) : ""},
                             {"in_allowance", line.uses_allowance},
                             {"excess_text", line.excess > minutes{0} ? format_duration(line.excess, lang) : ""},
                             {"excess_quoted", line.excess_quoted},
                             {"excess_not_billed", line.excess_not_billed},
                             {"quote", source && source->quote_reference ? *source->quote_reference : ""},
                             {"amount", format_money_plain(line.amount)},
                             {"explanation", in.wording.describe(line.trace, clock)}});
  }
  d["has_interventions"] = !interventions.empty();
  d["interventions"] = std::move(interventions);
  json allowances = json::array();
  for (const auto& a : f.allowances)
    allowances.push_back({{"server", hostname_of(r, a.service_id)},
                          {"year_from", format_date(a.year.begin)},
                          {"year_to", format_date(add_days(a.year.end, -1))},
                          {"used", std::to_string(a.used)},
                          {"allowance", std::to_string(a.allowance)},
                          {"billable", std::to_string(a.billable)}});
  d["has_allowances"] = !allowances.empty();
  d["allowances"] = std::move(allowances);

  // Key figures.
  const AdviceMonth advice = f.advice.months.empty() ? AdviceMonth{} : f.advice.months.back();
  d["figures"] = {{"incident_count", std::to_string(met + late)},
                  {"gti_met_count", std::to_string(met)},
                  {"gti_late_count", std::to_string(late)},
                  {"gtr_late_count", std::to_string(gtr_late)},
                  {"ticket_count", std::to_string(f.support.total)},
                  {"ticket_on_time", std::to_string(f.support.on_time)},
                  {"ticket_ack_rate", f.support.shown.known ? shown_percent_value(f.support.shown) : "\u2014"},
                  {"advice_granted", format_duration(advice.granted, lang)},
                  {"advice_used", format_duration(advice.used, lang)},
                  {"advice_balance", format_duration(f.advice.balance, lang)},
                  {"advice_negative", f.advice.negative},
                  {"credit_total", format_money_plain(f.total_credit)},
                  {"credit_total_text", format_money(f.total_credit, lang)},
                  {"interventions_total", format_money_plain(f.interventions.total)},
                  {"interventions_total_text", format_money(f.interventions.total, lang)}};

  // Backups: K1 daily compliance and restore points, K2 the month's history.
  json daily = json::array();
  json incomplete = json::array();
  for (const auto& b : f.daily_backups) {
    std::string dates;
    for (const auto& day : b.incomplete_days) {
      if (!dates.empty()) dates += ", ";
      dates += format_date_text(day.day, lang);
      incomplete.push_back({{"server", hostname_of(r, b.service_id)},
                            {"day", format_date(day.day)},
                            {"missing", scope_flags(day.missing)}});
    }
    daily.push_back({{"server", hostname_of(r, b.service_id)},
                     {"days_checked", std::to_string(b.days_checked)},
                     {"complete_days", std::to_string(b.days_checked - long(b.incomplete_days.size()))},
                     {"missing_days", std::to_string(b.incomplete_days.size())},
                     {"missing_dates_text", dates},
                     {"restore_points", std::to_string(b.restore_points.size())},
                     {"last_success", b.restore_points.empty() ? "" : when(b.restore_points.back().start)}});
  }
  d["has_backups"] = !daily.empty();
  d["backups"] = std::move(daily);
  d["has_incomplete_days"] = !incomplete.empty();
  d["incomplete_days"] = std::move(incomplete);
  json history = json::array();
  for (const auto& h : f.backup_history)
    for (const auto& b : h.backups)
      history.push_back({{"server", hostname_of(r, h.service_id)},
                         {"start", when(b.start)},
                         {"kind",
                          {{"full", b.kind == BackupKind::full},
                           {"incremental", b.kind == BackupKind::incremental},
                           {"weekly", b.kind == BackupKind::weekly}}},
                         {"scope", scope_flags({b.scope})},
                         {"status",
                          {{"success", b.status == BackupStatus::success},
                           {"partial", b.status == BackupStatus::partial},
                           {"failed", b.status == BackupStatus::failed}}},
                         {"size_text", b.size_bytes > 0 ? size_text(b.size_bytes, lang) : ""},
                         {"location", b.location}});
  d["has_backup_history"] = !history.empty();
  d["backup_history"] = std::move(history);

  // S6: root-access periods of the month and the incidents whose guarantees they suspended.
  json root = json::array();
  for (const auto& p : f.root_access) {
    std::string suspended;
    for (const auto& id : p.suspended_incidents) suspended += (suspended.empty() ? "" : ", ") + id;
    root.push_back({{"server", hostname_of(r, p.period.service_id)},
                    {"start", when(p.period.start)},
                    {"end", when_opt(p.period.end)},
                    {"suspended", suspended}});
  }
  d["has_root_access"] = !root.empty();
  d["root_access"] = std::move(root);
  d["suspends_guarantees"] = in.terms.service_levels.root_access_suspends;
  return d;
}

}  // namespace clause
