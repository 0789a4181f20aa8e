// `clause explain`: why a figure is what it is. Prints the rule trace (rule ids and figures) of an
// incident, of a contract's month, or of an account's personal-data status, worded as the
// statements word them, computed by the same code path as the documents.
#include <iostream>
#include <map>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/prepared_contract.h"
#include "batch/term_notice_explain.h"  // issue 12
#include "reports/trace_text.h"
#include "rules/continuity.h"
#include "rules/contract_month.h"
#include "rules/personal_data.h"
#include "store/ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

struct ExplainOptions {
  std::string incident, contract, month, account, date;
  std::string language = "fr";
  std::string price_change, breach;  // issue 12: N2, N3
};

void print_trace(const std::string& title, const Trace& trace, const TraceWording& wording,
                 const ContractClock& clock) {
  std::cout << title << "\n";
  for (const auto& step : wording.describe_steps(trace, clock))
    std::cout << "  " << step.rule << "\t" << step.text << "\n";
}

int explain_incident(RunContext& context, const TraceWording& wording, const std::string& id) {
  auto incident = load_incident(context.database(), id);
  if (!incident) {
    spdlog::error("no incident \"{}\"", id);
    return kUsage;
  }
  ContractPreparer preparer(context);
  ContractProblem problem;
  // The incident's month is known once the contract's clock is; then the contract is prepared as
  // the statement of that month prepares it (fees revised through the month's end).
  const Date contact_day{std::chrono::floor<std::chrono::days>(incident->contacted)};
  auto prepared = preparer.prepare(incident->contract_id, contact_day, problem);
  std::optional<YearMonth> month;
  if (prepared) {
    month = prepared->clock.month_of(incident->contacted);
    prepared = preparer.prepare(incident->contract_id, month->last_day(), problem);
  }
  if (!prepared) {
    spdlog::error("{}: {}", problem.record, problem.reason);
    return kDoneWithRejects;
  }
  for (const auto& service : prepared->records.services) {
    if (service.id != incident->service_id) continue;
    auto credits = compute_service_credits(prepared->records.contract, service, *prepared->terms, prepared->clock,
                                           *month, prepared->records.incidents, prepared->records.outages,
                                           prepared->records.root_access_periods, prepared->records.fee_revisions,
                                           // S7, R4: the cap of a continuity month, as the statement has it
                                           contract_continuity(prepared->records, prepared->terms->reversibility));
    for (const auto& line : credits.incidents)
      if (line.incident_id == id) {
        print_trace("incident " + id + " (contract " + incident->contract_id + ", service " + service.id + ", " +
                        format_year_month(*month) + ")",
                    line.trace, wording, prepared->clock);
        print_trace("service " + service.id + " in " + format_year_month(*month), credits.trace, wording,
                    prepared->clock);
        return kDone;
      }
  }
  spdlog::error("incident {} names a service its contract does not have", id);
  return kDoneWithRejects;
}

int explain_contract(RunContext& context, const TraceWording& wording, const std::string& id,
                     const std::string& month_text) {
  auto month = parse_year_month(month_text);
  if (!month) {
    spdlog::error("--month must be YYYY-MM, not \"{}\"", month_text);
    return kUsage;
  }
  ContractPreparer preparer(context);
  ContractProblem problem;
  auto prepared = preparer.prepare(id, month->last_day(), problem);
  if (!prepared) {
    spdlog::error("{}: {}", problem.record, problem.reason);
    return kDoneWithRejects;
  }
  const auto& clock = prepared->clock;
  auto f = compute_contract_month(prepared->records, *prepared->terms, clock, *month);
  std::cout << "contract " << id << ", " << format_year_month(*month) << " (" << prepared->terms->name << ")\n";
  for (const auto& s : f.services) {
    for (const auto& line : s.incidents) print_trace("incident " + line.incident_id, line.trace, wording, clock);
    if (s.availability) {
      Trace t = s.availability->measure.trace;
      t.steps.insert(t.steps.end(), s.availability->credit.trace.steps.begin(),
                     s.availability->credit.trace.steps.end());
      print_trace("availability of " + s.service_id, t, wording, clock);
    }
    print_trace("service " + s.service_id + " total", s.trace, wording, clock);
  }
  for (const auto& line : f.interventions.lines)
    print_trace("intervention " + line.intervention_id, line.trace, wording, clock);
  print_trace("advice time", f.advice.trace, wording, clock);
  print_trace("support", f.support.trace, wording, clock);
  for (const auto& b : f.daily_backups) print_trace("backups of " + b.service_id, b.trace, wording, clock);
  std::cout << "total credit: " << format_money(f.total_credit, wording.language()) << "\n";
  return f.problems.empty() ? kDone : kDoneWithRejects;
}

int explain_account(RunContext& context, const TraceWording& wording, const std::string& id,
                    const std::string& date_text) {
  auto date = parse_date(date_text);
  if (!date) {
    spdlog::error("--date must be YYYY-MM-DD, not \"{}\"", date_text);
    return kUsage;
  }
  Database& db = context.database();
  DataSet data = load_data_set(db);
  // The personal-data terms are those of the account's latest contract (G1 is a K Annex 2 clause;
  // both shipped profiles carry the same figures).
  const TermsProfile* terms = &context.profiles().begin()->second;
  Date latest{};
  for (const auto& c : data.contracts)
    if (c.account_id == id && c.start >= latest && context.profiles().count(c.terms_profile)) {
      latest = c.start;
      terms = &context.profiles().at(c.terms_profile);
    }
  // G3: an account with an issued invoice not fully paid is held.
  std::map<std::string, Money> paid;
  for (const auto& p : data.payments) paid[p.invoice_number] += p.amount;
  std::vector<std::string> unpaid;
  for (const auto& c : data.contracts)
    for (const auto& d : load_issued_documents_of_contract(db, c.id))
      if (d.kind == DocumentKind::invoice && d.number && d.issued_on <= *date && paid[*d.number] < d.total_ttc)
        unpaid.push_back(c.account_id);
  auto statuses = classify_accounts(data.accounts, data.contracts, unpaid, data.reversibility_requests, *date,
                                    terms->personal_data);
  ContractClock clock(context.config().zone(context.config().default_time_zone), HolidayZone::metropole,
                      terms->business_hours);
  for (const auto& s : statuses) {
    if (s.account_id != id) continue;
    std::cout << "account " << id << " on " << format_date(*date) << ": " << to_word(s.status) << "\n";
    for (const auto& h : s.holds) std::cout << "  held: " << to_word(h.reason) << " " << h.because_of << "\n";
    print_trace("trace", s.trace, wording, clock);
    return kDone;
  }
  spdlog::error("no account \"{}\"", id);
  return kUsage;
}

}  // namespace

void add_explain_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("explain", "print the rule trace behind a figure");
  auto o = std::make_shared<ExplainOptions>();
  auto* incident = cmd->add_option("--incident", o->incident, "an incident: its GTI/GTR credit and the service's cap");
  auto* contract = cmd->add_option("--contract", o->contract, "a contract: every measure of --month");
  cmd->add_option("--month", o->month, "the month (YYYY-MM) for --contract")->needs(contract);
  auto* account = cmd->add_option("--account", o->account, "an account: its personal-data status on --date");
  cmd->add_option("--date", o->date, "the date (YYYY-MM-DD) for --account")->needs(account);
  cmd->add_option("--language", o->language, "fr or en")->capture_default_str()->check(CLI::IsMember({"fr", "en"}));
  // issue 12: the échéancier dates of an imported price change (N2) or breach notice (N3)
  auto* price_change = cmd->add_option("--price-change", o->price_change, "a price change: its N2 dates");
  auto* breach = cmd->add_option("--breach", o->breach, "a breach notice: its N3 cure deadline");
  price_change->excludes(incident)->excludes(contract)->excludes(account)->excludes(breach);
  breach->excludes(incident)->excludes(contract)->excludes(account);
  incident->excludes(contract)->excludes(account);
  contract->excludes(account);
  cmd->callback([&action, o] {
    action = [o](RunContext& context) {
      Language language = o->language == "en" ? Language::en : Language::fr;
      if (!o->price_change.empty()) return explain_price_change(context, language, o->price_change);  // issue 12
      if (!o->breach.empty()) return explain_breach(context, language, o->breach);                    // issue 12
      TraceWording wording = TraceWording::load(
          context.config().documents.templates / (language == Language::en ? "en" : "fr") / "traces.json", language);
      if (!o->incident.empty()) return explain_incident(context, wording, o->incident);
      if (!o->contract.empty()) return explain_contract(context, wording, o->contract, o->month);
      if (!o->account.empty()) return explain_account(context, wording, o->account, o->date);
      spdlog::error("explain needs --incident ID, --contract ID --month M or --account ID --date D");
      return int(kUsage);
    };
  });
}

}  // namespace clause
