// Statement template data (reports/statement/statement_data.h): the one conversion of a
// StatementDocument to the keys of templates/layouts/statement.schema.json. Copies only: every
// figure and text is the document's; money becomes its machine form here ("312.50").
#include "reports/statement/statement_data.h"

#include <algorithm>
#include <array>

namespace clause {
namespace {

using nlohmann::json;
namespace st = statement;

std::string two_digits(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

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

json guarantee_flags(st::Guarantee g) {
  return {{"gti", g == st::Guarantee::gti},
          {"gtr", g == st::Guarantee::gtr},
          {"ha", g == st::Guarantee::ha},
          {"cap", g == st::Guarantee::cap}};
}

std::string money_or_blank(const std::optional<Money>& m) { return m ? format_money_plain(*m) : ""; }

// A list section: its items converted, and the has_<name> flag when `flag` is given.
template <class T, class F>
void put_list(json& d, const char* name, const char* flag, const std::vector<T>& items, F convert) {
  json list = json::array();
  for (const auto& item : items) list.push_back(convert(item));
  if (flag) d[flag] = !list.empty();
  d[name] = std::move(list);
}

json identity_data(const st::Identity& i) {
  return {{"reference", i.reference},
          {"issued", format_date(i.issued)},
          {"issued_text", i.issued_text},
          {"period_label", i.period_label},
          {"period_of", i.period_of},
          {"period_from", format_date(i.period_from)},
          {"period_to", format_date(i.period_to)},
          {"period_from_text", i.period_from_text},
          {"period_to_text", i.period_to_text},
          {"period_hours", std::to_string(i.period_hours)},
          {"time_zone", i.time_zone}};
}

// Blank texts and false flags when the statement corrects nothing (the schema has every key).
json correction_data(const std::optional<st::Correction>& c, Language lang) {
  if (!c)
    return {{"corrects", ""},          {"corrects_issued_text", ""}, {"credit_before_text", ""},
            {"credit_after_text", ""}, {"difference_text", ""},      {"went_up", false},
            {"went_down", false}};
  return {{"corrects", c->corrects},
          {"corrects_issued_text", c->corrects_issued_text},
          {"credit_before_text", format_money(c->credit_before, lang)},
          {"credit_after_text", format_money(c->credit_after, lang)},
          {"difference_text", format_money(c->difference < Money{} ? -c->difference : c->difference, lang)},
          {"went_up", c->difference > Money{}},
          {"went_down", c->difference < Money{}}};
}

json continuity_data(const std::optional<st::Continuity>& c) {
  if (!c) return {{"first_text", ""}, {"last_text", ""}, {"services_until_text", ""}};
  return {{"first_text", c->first_text}, {"last_text", c->last_text}, {"services_until_text", c->services_until_text}};
}

json provider_data(const st::Provider& p) {
  return {{"name", p.name},
          {"legal_form", p.legal_form},
          {"capital_text", p.capital_text},
          {"address", p.address},
          {"siren", p.siren},
          {"rcs", p.rcs},
          {"vat_number", p.vat_number},
          {"email", p.email},
          {"phone", p.phone},
          {"logo", p.logo}};
}

json client_data(const st::Client& c) {
  return {{"name", c.name},
          {"account", c.account},
          {"address", c.address},
          {"siren", c.siren},
          {"vat_number", c.vat_number}};
}

json contract_data(const st::Contract& c) {
  return {{"reference", c.reference},
          {"start", format_date(c.start)},
          {"terms", c.terms},
          {"terms_title", c.terms_title},
          {"has_credit_table", c.has_credit_table},
          {"has_ha", c.has_ha},
          {"has_backup_option", c.has_backup_option},
          {"has_gtr", c.has_gtr},
          {"gtr_text", c.gtr_text},
          {"year_from_text", c.year_from_text},
          {"year_to_text", c.year_to_text}};
}

json incident_data(const st::IncidentLine& i) {
  return {{"reference", i.reference},
          {"server", i.server},
          {"service", i.service},
          {"contacted", i.contacted},
          {"in_ho", i.in_ho},
          {"gti_deadline", i.gti_deadline},
          {"started", i.started},
          {"gti_met", i.gti_met},
          {"gti_lateness", i.gti_lateness},
          {"gti_tier", i.gti_tier},
          {"restored", i.restored},
          {"blocking", i.blocking},
          {"cause", cause_flags(i.cause)},
          {"excluded", i.excluded},
          {"root_access", i.root_access},
          {"credit", format_money_plain(i.credit)}};
}

json gtr_data(const st::GtrLine& g) {
  return {{"reference", g.reference},
          {"server", g.server},
          {"started", g.started},
          {"restored", g.restored},
          {"measured", g.measured},
          {"elapsed_text", g.elapsed_text},
          {"restoration_text", g.restoration_text},
          {"backup_restore_text", g.backup_restore_text},
          {"base_text", g.base_text},
          {"lateness_text", g.lateness_text},
          {"tier", g.tier}};
}

json availability_data(const st::AvailabilityLine& a) {
  json days = json::array();
  for (const auto& day : a.days) days.push_back({{"day", day.day}, {"availability", day.availability}});
  return {{"service", a.service},
          {"server", a.server},
          {"availability", a.availability},
          {"unavailable_minutes", a.unavailable_minutes},
          {"unavailable_text", a.unavailable_text},
          {"outage_count", a.outage_count},
          {"has_outages", a.has_outages},
          {"credit_rate", a.credit_rate},
          {"credit", money_or_blank(a.credit)},
          {"chart_y_min", a.chart_y_min},
          {"days", std::move(days)}};
}

json credit_data(const st::CreditLine& c) {
  json explained = json::array();
  for (const auto& step : c.explanation) explained.push_back({{"rule", step.rule}, {"text", step.text}});
  return {{"service", c.service},   {"guarantee", guarantee_flags(c.guarantee)},
          {"incident", c.incident}, {"monthly_fee", format_money_plain(c.monthly_fee)},
          {"rate", c.rate},         {"amount", format_money_plain(c.amount)},
          {"capped", c.capped},     {"explanation", std::move(explained)}};
}

json credit_total_data(const st::CreditTotal& t) {
  return {{"service", t.service},
          {"subtotal", format_money_plain(t.subtotal)},
          {"cap", format_money_plain(t.cap)},
          {"total", format_money_plain(t.total)},
          {"capped", t.capped}};
}

json intervention_data(const st::InterventionLine& i) {
  return {{"reference", i.reference},
          {"server", i.server},
          {"kind", intervention_kind_flags(i.kind)},
          {"start", i.start},
          {"length_text", i.length_text},
          {"rank", i.rank},
          {"in_allowance", i.in_allowance},
          {"excess_text", i.excess_text},
          {"excess_quoted", i.excess_quoted},
          {"excess_not_billed", i.excess_not_billed},
          {"quote", i.quote},
          {"amount", format_money_plain(i.amount)},
          {"explanation", i.explanation}};
}

json allowance_data(const st::AllowanceLine& a) {
  return {{"server", a.server},
          {"year_from", format_date(a.year_from)},
          {"year_to", format_date(a.year_to)},
          {"used", std::to_string(a.used)},
          {"allowance", std::to_string(a.allowance)},
          {"billable", std::to_string(a.billable)}};
}

json figures_data(const st::Figures& f) {
  return {{"incident_count", std::to_string(f.incident_count)},
          {"gti_met_count", std::to_string(f.gti_met_count)},
          {"gti_late_count", std::to_string(f.gti_late_count)},
          {"gtr_late_count", std::to_string(f.gtr_late_count)},
          {"ticket_count", std::to_string(f.ticket_count)},
          {"ticket_on_time", std::to_string(f.ticket_on_time)},
          {"ticket_ack_rate", f.ticket_ack_rate},
          {"advice_granted", f.advice_granted},
          {"advice_used", f.advice_used},
          {"advice_balance", f.advice_balance},
          {"advice_negative", f.advice_negative},
          {"credit_total", format_money_plain(f.credit_total)},
          {"credit_total_text", f.credit_total_text},
          {"interventions_total", format_money_plain(f.interventions_total)},
          {"interventions_total_text", f.interventions_total_text}};
}

json backup_data(const st::BackupLine& b) {
  return {{"server", b.server},
          {"days_checked", std::to_string(b.days_checked)},
          {"complete_days", std::to_string(b.complete_days)},
          {"missing_days", std::to_string(b.missing_days)},
          {"missing_dates_text", b.missing_dates_text},
          {"restore_points", std::to_string(b.restore_points)},
          {"last_success", b.last_success}};
}

json incomplete_day_data(const st::IncompleteDay& i) {
  return {{"server", i.server}, {"day", format_date(i.day)}, {"missing", scope_flags(i.missing)}};
}

json history_data(const st::BackupHistoryLine& b) {
  return {{"server", b.server},
          {"start", b.start},
          {"kind",
           {{"full", b.kind == BackupKind::full},
            {"incremental", b.kind == BackupKind::incremental},
            {"weekly", b.kind == BackupKind::weekly}}},
          {"scope", scope_flags({b.scope})},
          {"status",
           {{"success", b.status == BackupStatus::success},
            {"partial", b.status == BackupStatus::partial},
            {"failed", b.status == BackupStatus::failed}}},
          {"size_text", b.size_text},
          {"location", b.location}};
}

json root_access_data(const st::RootAccessLine& r) {
  return {{"server", r.server}, {"start", r.start}, {"end", r.end}, {"suspended", r.suspended}};
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
  static constexpr std::array<const char*, 12> fr{"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                  "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::array<const char*, 12> en{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
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

json statement_data(const StatementDocument& s, Language language) {
  json d;
  d["statement"] = identity_data(s.identity);
  d["has_correction"] = s.correction.has_value();
  d["correction"] = correction_data(s.correction, language);
  d["has_continuity"] = s.continuity.has_value();
  d["continuity"] = continuity_data(s.continuity);
  d["provider"] = provider_data(s.provider);
  d["client"] = client_data(s.client);
  d["contract"] = contract_data(s.contract);
  put_list(d, "services", "has_services", s.services, [](const st::ServiceLine& v) -> json {
    return {{"hostname", v.hostname},
            {"label", v.label},
            {"kind", kind_flags(v.kind)},
            {"monthly_fee", money_or_blank(v.monthly_fee)}};
  });
  put_list(d, "incidents", "has_incidents", s.incidents, incident_data);
  put_list(d, "gtr", "has_gtr", s.gtr, gtr_data);
  put_list(d, "availability", "has_availability", s.availability, availability_data);
  put_list(d, "credits", "has_credits", s.credits, credit_data);
  put_list(d, "credit_totals", nullptr, s.credit_totals, credit_total_data);
  put_list(d, "interventions", "has_interventions", s.interventions, intervention_data);
  put_list(d, "allowances", "has_allowances", s.allowances, allowance_data);
  d["figures"] = figures_data(s.figures);
  put_list(d, "backups", "has_backups", s.backups, backup_data);
  put_list(d, "incomplete_days", "has_incomplete_days", s.incomplete_days, incomplete_day_data);
  put_list(d, "backup_history", "has_backup_history", s.backup_history, history_data);
  put_list(d, "root_access", "has_root_access", s.root_access, root_access_data);
  d["suspends_guarantees"] = s.suspends_guarantees;
  return d;
}

json statement_data(const StatementInput& input) { return statement_data(build_statement(input), input.language); }

}  // namespace clause
