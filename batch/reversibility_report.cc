// The data of the reversibility report and minutes (batch/reversibility_report.h).
#include "batch/reversibility_report.h"

#include <algorithm>
#include <chrono>

#include "batch/layout_cells.h"
#include "model/money.h"
#include "model/statement_reference.h"
#include "reports/statement/statement_data.h"
#include "rules/calendar.h"
#include "rules/contract_month.h"

namespace clause {
namespace {

using namespace layout_cells;

using json = nlohmann::json;

std::string one_line(std::string text) {
  for (std::size_t at; (at = text.find('\n')) != std::string::npos;) text.replace(at, 1, ", ");
  return text;
}

std::string money_machine(Money m) { return format_money_plain(m); }

// How a document kind reads.
std::string kind_text(DocumentKind k, const std::string& period, Language l) {
  const bool correction = period.find("-c") != std::string::npos;
  switch (k) {
    case DocumentKind::statement:
      return correction ? pick(l, "Relevé rectificatif", "Corrective statement")
                        : pick(l, "Relevé mensuel", "Monthly statement");
    case DocumentKind::invoice:
      return pick(l, "Facture", "Invoice");
    case DocumentKind::credit_note:
      return pick(l, "Avoir", "Credit note");
    default:
      return pick(l, "Document", "Document");
  }
}

// The reference of the statement filed under ledger period "2026-11" or, for its first corrective
// statement, "2026-11-c1" (model/statement_reference.h builds it).
std::string reference_of_period(const std::string& contract, const std::string& period) {
  const auto c = period.find("-c");
  const auto month = parse_year_month(period.substr(0, c));
  if (!month) return "RM-" + contract + "-" + period;  // not a month: never filed by the statements job
  return statement_reference(contract, *month, c == std::string::npos ? 0 : std::stoi(period.substr(c + 2)));
}

const char* scope_text(BackupScope s, Language l) {
  switch (s) {
    case BackupScope::system:
      return pick(l, "système", "system");
    case BackupScope::files:
      return pick(l, "fichiers (jeux de données)", "files (data sets)");
    case BackupScope::databases:
      return pick(l, "bases de données", "databases");
    default:
      return pick(l, "complète", "full");
  }
}

std::string size_text(std::int64_t bytes, Language l) {
  return format_number(double(bytes) / 1e9, 2, l) + pick(l, " Go", " GB");
}

// G6: kept 10 years from the end of the year of its date.
Date retention_end(Date issued, int years) {
  return Date{std::chrono::year{int(issued.year()) + years} / std::chrono::December / 31};
}

}  // namespace

const char* dossier_kind_folder(DocumentKind k) {
  switch (k) {
    case DocumentKind::statement:
      return "releves";
    case DocumentKind::invoice:
      return "factures";
    case DocumentKind::credit_note:
      return "avoirs";
    default:
      return "autres";
  }
}

json reversibility_report_data(const ReversibilityReportInput& in) {
  const ProviderIdentity& provider = in.provider;
  const ContractRecords& records = in.records;
  const TermsProfile& terms = in.terms;
  const ContractClock& clock = in.clock;
  const TraceWording& wording = in.wording;
  const Language language = in.language;
  const ContractPreparer& preparer = in.preparer;
  const ReversibilityRequest* latest = &in.request;
  const ReversibilitySchedule& schedule = in.schedule;
  const DossierContents& contents = in.contents;
  const std::vector<DossierFile>& files = in.files;
  const std::optional<Date>& pv_signed = in.pv_signed;
  const std::optional<Date>& destroyed = in.destroyed;
  const std::string& id = records.contract.id;
  json data;
  data["provider"] = {{"name", provider.name},
                      {"legal_form", provider.legal_form},
                      {"address", one_line(provider.address)},
                      {"siren", provider.siren},
                      {"vat_number", provider.vat_number}};
  data["client"] = {{"name", records.account.name},
                    {"account", records.account.id},
                    {"address", one_line(records.account.address)},
                    {"siren", records.account.siren}};
  std::string status =
      destroyed ? std::string(pick(language, "clos : copies détruites le ", "closed: copies destroyed on ")) +
                      format_date_text(*destroyed, language)
      : pv_signed ? std::string(pick(language, "procès-verbal signé le ", "minutes signed on ")) +
                        format_date_text(*pv_signed, language) +
                        pick(language, ", destruction à constater", ", destruction to be recorded")
                  : std::string(pick(language, "en cours", "in progress"));
  data["dossier"] = {{"contract", id},
                     {"request", latest->id},
                     {"date", format_date(in.date)},
                     {"date_text", format_date_text(in.date, language)},
                     {"requested_text", format_date_text(latest->requested, language)},
                     {"end_text", format_date_text(latest->end_of_service, language)},
                     {"late", schedule.late},
                     {"status", status},
                     {"has_pv", pv_signed.has_value()},
                     {"pv_text", pv_signed ? format_date_text(*pv_signed, language) : ""},
                     {"destroyed", destroyed.has_value()},
                     {"destroyed_text", destroyed ? format_date_text(*destroyed, language) : ""},
                     {"terms", terms.title}};

  json rows = json::array();
  auto schedule_row = [&](const char* rule, const std::string& what, std::optional<Date> date,
                          std::initializer_list<const char*> rules) {
    std::string detail;
    for (const auto& step : wording.describe_steps(schedule.trace, clock))
      if (std::find_if(rules.begin(), rules.end(), [&](const char* r) { return step.rule == r; }) != rules.end())
        detail += (detail.empty() ? "" : " ; ") + step.text;
    rows.push_back({{"rule", rule}, {"what", what}, {"date", date ? format_date(*date) : ""}, {"detail", detail}});
  };
  schedule_row("R1",
               schedule.late ? pick(language, "Demande reçue : TARDIVE (traitée)", "Request received: LATE (handled)")
                             : pick(language, "Demande reçue dans le délai", "Request received in time"),
               latest->requested, {"R1"});
  schedule_row("R1", pick(language, "Date limite de la demande (3 mois)", "Request deadline (3 months)"),
               schedule.request_deadline, {});
  schedule_row("N4", pick(language, "Fin de service", "End of service"), latest->end_of_service, {});
  if (schedule.unpaid_at_end.empty())
    schedule_row("R2", pick(language, "Début de la réversibilité", "Reversibility starts"), schedule.start, {"R2"});
  else {
    std::string numbers;
    for (const auto& n : schedule.unpaid_at_end) numbers += (numbers.empty() ? "" : ", ") + n;
    schedule_row("R2",
                 std::string(pick(language, "Impayés à la fin de service : ", "Unpaid at the end of service: ")) +
                     numbers +
                     (schedule.start ? pick(language, " ; début au dernier paiement", "; starts at the last payment")
                                     : pick(language, " ; début en attente de paiement", "; start awaits payment")),
                 schedule.start, {"R2"});
  }
  schedule_row(
      "R3",
      schedule.delivery_deadline
          ? pick(language, "Remise du dossier au plus tard", "Dossier due by")
          : pick(language, "Remise du dossier : dans le délai de l'art. 16 après le début, qui attend le paiement",
                 "Dossier due within the Art. 16 delay after the start, which awaits payment"),
      schedule.delivery_deadline, {"R3"});
  schedule_row("R4", pick(language, "Limite de continuité (90 jours)", "Continuity limit (90 days)"),
               schedule.continuity_limit, {});
  schedule_row("R4",
               latest->takeover
                   ? pick(language, "Services maintenus jusqu'à la reprise", "Services until the take-over")
                   : pick(language, "Services maintenus jusqu'au", "Services continue until"),
               schedule.services_until, {"R4"});
  if (pv_signed) schedule_row("R5", pick(language, "Procès-verbal signé", "Minutes signed"), pv_signed, {});
  if (destroyed)
    schedule_row("R5", pick(language, "Destruction des copies constatée", "Destruction of the copies recorded"),
                 destroyed, {});
  data["schedule"] = rows;

  // State of the services: each statement's figures as the statement computes them (statement_data
  // on the month's figures), its credits as the ledger recorded them.
  json statements = json::array(), incidents = json::array(), credits = json::array(), interventions = json::array();
  for (const DossierFile& c : files) {
    if (c.file.kind != DocumentKind::statement || c.file.path.size() < 4 ||
        c.file.path.compare(c.file.path.size() - 4, 4, ".pdf") != 0)
      continue;
    const auto month = parse_year_month(c.file.period.substr(0, 7));
    if (!month) continue;
    ContractProblem month_problem;
    auto month_contract = preparer.prepare(id, month->last_day(), month_problem);
    if (!month_contract) continue;
    const ContractMonthFigures figures =
        compute_contract_month(month_contract->records, terms, month_contract->clock, *month);
    const std::string reference = reference_of_period(id, c.file.period);
    StatementInput input{provider,
                         month_contract->records,
                         terms,
                         figures,
                         month_contract->clock,
                         wording,
                         language,
                         c.file.issued_on,
                         reference,
                         "",
                         nullptr};
    const json s = statement_data(input);
    const std::string label = month_label(*month, language);
    statements.push_back({{"reference", reference},
                          {"month", label},
                          {"issued", format_date(c.file.issued_on)},
                          {"incidents", s["figures"]["incident_count"]},
                          {"gti_late", s["figures"]["gti_late_count"]},
                          {"gtr_late", s["figures"]["gtr_late_count"]},
                          {"credit", money_machine(Money::from_cents(-c.file.total_ht.cents))},
                          {"interventions", s["figures"]["interventions_total"]}});
    if (c.file.period.find("-c") != std::string::npos) continue;  // a correction repeats its month's lines
    for (const auto& i : s["incidents"])
      incidents.push_back({{"month", label},
                           {"reference", i["reference"]},
                           {"server", i["server"]},
                           {"contacted", i["contacted"]},
                           {"lateness", i["gti_lateness"]},
                           {"credit", i["credit"]}});
    for (const auto& k : s["credits"])
      credits.push_back({{"month", label},
                         {"service", k["service"]},
                         {"incident", k["incident"]},
                         {"rate", k["rate"]},
                         {"amount", k["amount"]}});
    for (const auto& v : s["interventions"])
      interventions.push_back({{"month", label},
                               {"reference", v["reference"]},
                               {"server", v["server"]},
                               {"start", v["start"]},
                               {"length", v["length_text"]},
                               {"amount", v["amount"]}});
  }
  data["statements"] = statements;
  data["has_incidents"] = !incidents.empty();
  data["incidents"] = incidents;
  data["has_credits"] = !credits.empty();
  data["credits"] = credits;
  data["has_interventions"] = !interventions.empty();
  data["interventions"] = interventions;

  json documents = json::array();
  for (const DossierFile& c : files) {
    const bool legal = c.file.kind != DocumentKind::statement;
    const bool gone = destroyed && !legal;
    documents.push_back({{"kind", kind_text(c.file.kind, c.file.period, language)},
                         {"number", c.file.number.value_or(reference_of_period(id, c.file.period))},
                         {"period", c.file.period},
                         {"issued", format_date(c.file.issued_on)},
                         {"ht", legal ? money_machine(c.file.total_ht) : ""},
                         {"vat", legal ? money_machine(c.file.total_vat) : ""},
                         {"ttc", legal ? money_machine(c.file.total_ttc) : ""},
                         {"file", c.copy.empty() ? std::filesystem::path(c.file.path).filename().string() : c.copy},
                         {"sha256", c.file.sha256},
                         {"check", gone ? std::string(pick(language, "détruit le ", "destroyed on ")) +
                                              format_date_text(*destroyed, language)
                                        : std::string(pick(language, "conforme", "matches"))}});
  }
  data["documents"] = documents;

  // R3: per server, the data handed over (the backups of every scope: system, files, databases).
  json servers = json::array(), backups_rows = json::array();
  std::int64_t total_bytes = 0;
  int backup_count = 0;
  for (const DossierServer& s : contents.servers) {
    std::string label;
    for (const Service& service : records.services)
      if (service.id == s.service_id) label = service.label;
    std::string locations;
    for (const Backup& b : s.backups)
      if (locations.find(b.location) == std::string::npos) locations += (locations.empty() ? "" : ", ") + b.location;
    servers.push_back({{"hostname", s.hostname},
                       {"label", label},
                       {"backups", static_cast<long long>(s.backups.size())},
                       {"size", size_text(s.total_bytes, language)},
                       {"locations", locations}});
    for (const Backup& b : s.backups)
      backups_rows.push_back({{"server", s.hostname},
                              {"id", b.id},
                              {"scope", scope_text(b.scope, language)},
                              {"start", local_datetime(b.start, clock)},
                              {"size", std::to_string(b.size_bytes)},
                              {"checksum", b.checksum},
                              {"location", b.location},
                              {"expires", b.expires ? format_date(*b.expires) : ""}});
    total_bytes += s.total_bytes;
    backup_count += int(s.backups.size());
  }
  data["servers"] = servers;
  data["has_backups"] = !backups_rows.empty();
  data["backups"] = backups_rows;

  // R5: what the provider destroys after the minutes, and what the law makes it keep (G6).
  json destroy = json::array(), kept = json::array();
  const std::string after =
      destroyed ? std::string(pick(language, "détruit le ", "destroyed on ")) + format_date_text(*destroyed, language)
                : pick(language, "après signature du procès-verbal", "once the minutes are signed");
  for (const DossierServer& s : contents.servers)
    destroy.push_back(
        {{"what",
          std::string(pick(language, "Données hébergées sur le serveur ", "Data hosted on server ")) + s.hostname},
         {"where", s.hostname},
         {"when", after}});
  for (const Backup& b : records.backups)
    if (std::find(contents.to_destroy.begin(), contents.to_destroy.end(), b.id) != contents.to_destroy.end())
      destroy.push_back({{"what", std::string(pick(language, "Sauvegarde ", "Backup ")) + b.id + " (" +
                                      scope_text(b.scope, language) + ")"},
                         {"where", b.location},
                         {"when", after}});
  int statement_files = 0;
  for (const DossierFile& c : files) statement_files += c.file.kind == DocumentKind::statement;
  destroy.push_back({{"what", std::string(pick(language, "Relevés mensuels générés par Clause (",
                                               "Monthly statements generated by Clause (")) +
                                  std::to_string(statement_files) + pick(language, " fichiers)", " files)")},
                     {"where", pick(language, "dossier de sortie du prestataire", "the provider's output folder")},
                     {"when", after}});
  destroy.push_back({{"what", pick(language, "Copies du présent dossier chez le prestataire",
                                   "The provider's copies of this dossier")},
                     {"where", "reversibility/"},
                     {"when", after}});
  for (const DossierFile& c : files)
    if (c.file.kind != DocumentKind::statement)
      kept.push_back(
          {{"what", kind_text(c.file.kind, c.file.period, language) + " " + c.file.number.value_or("")},
           {"until", format_date(retention_end(c.file.issued_on, terms.personal_data.legal_retention_years))}});
  data["destroy"] = destroy;
  data["kept"] = kept;
  data["summary"] = {{"documents", static_cast<long long>(files.size())},
                     {"servers", static_cast<long long>(contents.servers.size())},
                     {"backups", static_cast<long long>(backup_count)},
                     {"size", size_text(total_bytes, language)}};

  return data;
}

}  // namespace clause
