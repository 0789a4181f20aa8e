// The monthly SLA statement (RULES S, I, K): data built from hand-made ContractRecords with the
// shipped terms profiles, then rendered through templates/fr and the PDF renderer and read back with
// pdftotext. Page 1 of each statement is also rendered to PNG under the build directory
// (test-output/statement/) to be looked at.
#include "reports/statement/statement_data.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "reports/pdf/pdf_renderer.h"
#include "reports/templates/template_set.h"
#include "settings/terms_loader.h"
#include "tests/support/shell.h"

namespace clause {
namespace {

using clause::testing::run;

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using std::chrono::November;

const YearMonth kNovember{2026, 11};  // CET all month: 30 days = 720 h = 43 200 min

const ContractClock& paris(const TermsProfile& terms) {
  static const ContractClock clock(TimeZoneRule{"Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"}, HolidayZone::metropole,
                                   terms.business_hours);
  return clock;
}

const TermsProfile& kalanda() {
  static const TermsProfile p = load_terms_profile(CLAUSE_SOURCE_DIR "/config/terms/kalanda-hds.toml");
  return p;
}
const TermsProfile& dag() {
  static const TermsProfile p = load_terms_profile(CLAUSE_SOURCE_DIR "/config/terms/dag.toml");
  return p;
}

// A local wall-clock time in Paris as a UTC instant.
Instant local(Date d, std::chrono::minutes time) { return paris(kalanda()).to_instant(d, time); }

ProviderIdentity kalanda_provider() {
  ProviderIdentity p;
  p.name = "KALANDA";
  p.legal_form = "SAS";
  p.capital = "100 000 €";
  p.address = "12 rue de la Gare\n13001 Marseille";
  p.siren = "812345678";
  p.rcs = "RCS Marseille 812 345 678";
  p.vat_number = "FR12812345678";
  p.email = "support@kalanda.example";
  p.phone = "04 91 00 00 00";
  return p;
}

ProviderIdentity dag_provider() {
  ProviderIdentity p;
  p.name = "DAG Technologies";
  p.legal_form = "SARL";
  p.capital = "20 000 €";
  p.address = "5 allée des Serveurs\n31000 Toulouse";
  p.siren = "523456789";
  p.rcs = "RCS Toulouse 523 456 789";
  p.vat_number = "FR45523456789";
  p.email = "contact@dag.example";
  return p;
}

Incident incident(std::string id, std::string service, Instant contacted, std::optional<Instant> started,
                  std::optional<Instant> restored, bool blocking, IncidentCause cause) {
  Incident i;
  i.id = std::move(id);
  i.contract_id = "K-2026-001";
  i.service_id = std::move(service);
  i.contacted = contacted;
  i.intervention_start = started;
  i.restored = restored;
  i.blocking = blocking;
  i.cause = cause;
  return i;
}

Intervention intervention(std::string id, std::string contract, std::string service, InterventionKind kind,
                          Instant start, Instant end) {
  return Intervention{std::move(id), std::move(contract), std::move(service), std::nullopt, kind, start,
                      end,           std::nullopt};
}

// kalanda-hds contract K-2026-001 (start 2025-03-01: contract year 2026-03-01 .. 2027-02-28), backup
// option, HA annex, base GTR 4 h. web01: server, 1 250.00 EUR/month; front: HA cluster, 400.00.
ContractRecords kalanda_records() {
  ContractRecords r;
  r.contract.id = "K-2026-001";
  r.contract.account_id = "C-0042";
  r.contract.terms_profile = "kalanda-hds";
  r.contract.start = 2025y / 3 / 1;
  r.contract.backup_option = true;
  r.contract.high_availability = true;
  r.contract.gtr_hours = 4;
  r.account = Account{"C-0042",
                      AccountKind::client,
                      std::nullopt,
                      "Boulangerie Lefèvre & Fils",
                      "4 place du Marché\n21000 Dijon",
                      "401234567",
                      "FR40401234567",
                      "fr",
                      std::nullopt,
                      2025y / 2 / 1};
  r.services = {
      Service{"SRV-WEB", "K-2026-001", ServiceKind::server, "web01.lefevre.fr", "Serveur web", true},
      Service{"HA-FRONT", "K-2026-001", ServiceKind::ha_cluster, "front.lefevre.fr", "Grappe frontale HA", true}};
  r.fee_revisions = {{"HA-FRONT", 2025y / 3 / 1, Money::from_cents(40000), std::nullopt},
                     {"SRV-WEB", 2025y / 3 / 1, Money::from_cents(125000), std::nullopt}};
  // INC-2026-1120: Friday 20 Nov 17:30 (HO), started Monday 23 Nov 13:10, not blocking (no GTR).
  // INC-2026-1110: Tuesday 10 Nov 02:05 (HNO), deadline 05:05, started 03:00 (on time); blocking,
  // server cause, data lost: restored 09:30, 1 h of backup restore removed.
  r.incidents = {
      incident("INC-2026-1110", "HA-FRONT", local(2026y / November / 10, 2h + 5min), local(2026y / November / 10, 3h),
               local(2026y / November / 10, 9h + 30min), true, IncidentCause::server),
      incident("INC-2026-1120", "SRV-WEB", local(2026y / November / 20, 17h + 30min),
               local(2026y / November / 23, 13h + 10min), local(2026y / November / 23, 13h + 40min), false,
               IncidentCause::server)};
  r.incidents[0].data_loss = true;
  r.incidents[0].backup_restore = 60min;
  // Outages of the HA cluster: 02:00-04:15 on the 10th (135 min) and 14:00-14:45 on the 18th
  // (45 min) count; the planned maintenance of the 5th does not.
  r.outages = {{"OUT-1", "HA-FRONT", local(2026y / November / 5, 22h), local(2026y / November / 5, 23h),
                OutageKind::planned, ""},
               {"OUT-2", "HA-FRONT", local(2026y / November / 10, 2h), local(2026y / November / 10, 4h + 15min),
                OutageKind::unplanned, ""},
               {"OUT-3", "HA-FRONT", local(2026y / November / 18, 14h), local(2026y / November / 18, 14h + 45min),
                OutageKind::unplanned, ""}};
  // Four earlier emergencies on web01 this contract year: the one of 23 Nov is the 5th (I1).
  int n = 0;
  for (Date d : {2026y / 4 / 2, 2026y / 6 / 10, 2026y / 8 / 14, 2026y / 10 / 5})
    r.interventions.push_back(intervention("INT-0" + std::to_string(++n), "K-2026-001", "SRV-WEB",
                                           InterventionKind::emergency, local(d, 10h), local(d, 11h)));
  r.interventions.push_back(intervention("INT-11", "K-2026-001", "HA-FRONT", InterventionKind::emergency,
                                         local(2026y / November / 10, 3h), local(2026y / November / 10, 4h + 5min)));
  r.interventions.push_back(intervention("INT-12", "K-2026-001", "SRV-WEB", InterventionKind::advice,
                                         local(2026y / November / 12, 10h), local(2026y / November / 12, 10h + 45min)));
  r.interventions.push_back(intervention("INT-13", "K-2026-001", "SRV-WEB", InterventionKind::emergency,
                                         local(2026y / November / 23, 13h + 10min),
                                         local(2026y / November / 23, 15h + 50min)));
  // Tickets: acknowledged in 20 min; Friday 17:45 acknowledged Monday 09:10 (deadline Monday
  // 09:45); Wednesday 11:00 acknowledged 12:30 (late).
  r.support_tickets = {
      {"T-1", "K-2026-001", local(2026y / November / 2, 10h), local(2026y / November / 2, 10h + 20min)},
      {"T-2", "K-2026-001", local(2026y / November / 6, 17h + 45min), local(2026y / November / 9, 9h + 10min)},
      {"T-3", "K-2026-001", local(2026y / November / 25, 11h), local(2026y / November / 25, 12h + 30min)}};
  r.backups = {{"B-1", "SRV-WEB", BackupScope::full, BackupKind::full, local(2026y / November / 1, 2h),
                local(2026y / November / 1, 2h + 40min), BackupStatus::success, 12'400'000'000, "sha256:aa",
                "offsite:gra3", std::nullopt},
               {"B-2", "SRV-WEB", BackupScope::full, BackupKind::incremental, local(2026y / November / 8, 2h),
                local(2026y / November / 8, 2h + 10min), BackupStatus::failed, 0, "", "offsite:gra3", std::nullopt},
               {"B-3", "SRV-WEB", BackupScope::full, BackupKind::weekly, local(2026y / November / 15, 2h),
                local(2026y / November / 15, 2h + 35min), BackupStatus::success, 12'600'000'000, "sha256:bb",
                "offsite:gra3", std::nullopt}};
  return r;
}

// dag contract D-2026-007 (annual fee 2 400.00 EUR = 200.00 per month, base GTR 4 h): no credits
// (S10), daily backups (K1), root access suspends the guarantees (S6, D Art. 6).
ContractRecords dag_records() {
  ContractRecords r;
  r.contract.id = "D-2026-007";
  r.contract.account_id = "C-0077";
  r.contract.terms_profile = "dag";
  r.contract.start = 2026y / 1 / 15;
  r.contract.billing = BillingPeriod::annual;
  r.contract.gtr_hours = 4;
  r.account = Account{"C-0077",
                      AccountKind::client,
                      std::nullopt,
                      "Atelier Martin SARL",
                      "8 quai des Chartrons\n33000 Bordeaux",
                      "",
                      "",
                      "fr",
                      std::nullopt,
                      2026y / 1 / 10};
  r.services = {
      Service{"SRV-APP", "D-2026-007", ServiceKind::server, "app01.atelier-martin.fr", "Serveur applicatif", true}};
  r.fee_revisions = {{"SRV-APP", 2026y / 1 / 15, Money::from_cents(240000), std::nullopt}};
  // INC-D1: Wednesday 4 Nov 20:00 (HNO), deadline 23:00, started 00:30: 1 h 30 late; blocking,
  // server: GTR applies, restored 03:00 = 2 h 30 (within 4 h).
  // INC-D2: Wednesday 18 Nov 10:00, during the root access of 16-20 Nov: excluded (S6).
  r.incidents = {incident("INC-D1", "SRV-APP", local(2026y / November / 4, 20h), local(2026y / November / 5, 30min),
                          local(2026y / November / 5, 3h), true, IncidentCause::server),
                 incident("INC-D2", "SRV-APP", local(2026y / November / 18, 10h), local(2026y / November / 18, 12h),
                          local(2026y / November / 18, 12h + 20min), false, IncidentCause::server)};
  for (auto& i : r.incidents) i.contract_id = "D-2026-007";
  r.root_access_periods = {
      {"RA-1", "D-2026-007", "SRV-APP", local(2026y / November / 16, 9h), local(2026y / November / 20, 18h)}};
  // A full off-site backup at 02:00 every day, except none on the 7th and only the system on the 19th.
  for (unsigned day = 1; day <= 30; ++day) {
    if (day == 7) continue;
    const Date d = 2026y / November / std::chrono::day{day};
    r.backups.push_back({"DB-" + std::to_string(day), "SRV-APP", day == 19 ? BackupScope::system : BackupScope::full,
                         BackupKind::full, local(d, 2h), local(d, 2h + 30min), BackupStatus::success, 3'000'000'000,
                         "sha256:cc", "offsite:rbx", std::nullopt});
  }
  return r;
}

const TraceWording& french_wording() {
  static const TraceWording w = TraceWording::load(CLAUSE_SOURCE_DIR "/templates/fr/traces.json", Language::fr);
  return w;
}

fs::path output_dir() {
  fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "statement";
  fs::create_directories(dir);
  return dir;
}

struct Built {
  ContractRecords records;
  ContractMonthFigures figures;
  nlohmann::json data;
};

Built build(ContractRecords records, const TermsProfile& terms, const ProviderIdentity& p, std::string reference) {
  Built b{std::move(records), {}, {}};
  b.figures = compute_contract_month(b.records, terms, paris(terms), kNovember);
  b.data = statement_data(StatementInput{p, b.records, terms, b.figures, paris(terms), french_wording(), Language::fr,
                                         2026y / 12 / 1, reference, ""});
  std::ofstream(output_dir() / (reference + ".json")) << b.data.dump(2);
  return b;
}

const Built& kalanda_statement() {
  static const Built b = build(kalanda_records(), kalanda(), kalanda_provider(), "REL-2026-11-K-2026-001");
  return b;
}
const Built& dag_statement() {
  static const Built b = build(dag_records(), dag(), dag_provider(), "REL-2026-11-D-2026-007");
  return b;
}

const nlohmann::json& incident_data(const nlohmann::json& data, const std::string& id) {
  for (const auto& i : data["incidents"])
    if (i["reference"] == id) return i;
  throw std::runtime_error("no incident " + id);
}

const templates::TemplateSet& french_templates() {
  static const templates::TemplateSet set = templates::TemplateSet::load(CLAUSE_SOURCE_DIR "/templates/fr");
  return set;
}

// Renders the statement to PDF (and page 1 to PNG); the PDF's text with every blank run, line
// breaks included, collapsed to one space so that a wrapped sentence can be searched.
std::string rendered_text(const nlohmann::json& data, const std::string& name) {
  static const pdf::PdfRenderer renderer{pdf::PdfStyle{}};
  pdf::PdfOptions options;
  options.created = local(2026y / 12 / 1, 2h);
  const fs::path file = output_dir() / (name + ".pdf");
  std::ofstream(file, std::ios::binary) << renderer.render(french_templates().render("statement", data), options);
  run("pdftoppm -png -r 80 -f 1 -l 1 -singlefile " + file.string() + " " + (output_dir() / (name + "-page1")).string());
  std::string text = run("pdftotext -layout " + file.string() + " -");
  std::string out;
  bool blank = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\f';
    if (space) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += text[i];
  }
  return out;
}

// S1, S2, S7 (K Art. 5, 14): contacted Friday 20 Nov 17:30 in HO; 30 business minutes remain on
// Friday, the other 30 on Monday: deadline Monday 23 Nov 09:30. Started 13:10: 3 h 40 late,
// >= 3 h and < 4 h -> 25 % of 1 250.00 = 312.50; the cap of 1 250.00 is not reached.
TEST(StatementData, GtiCreditLineFromFridayEveningIncident) {
  const auto& d = kalanda_statement().data;
  const auto& i = incident_data(d, "INC-2026-1120");
  EXPECT_EQ(i["contacted"], "2026-11-20T17:30");
  EXPECT_EQ(i["in_ho"], true);
  EXPECT_EQ(i["gti_deadline"], "2026-11-23T09:30");
  EXPECT_EQ(i["started"], "2026-11-23T13:10");
  EXPECT_EQ(i["gti_lateness"], "3 h 40");
  EXPECT_EQ(i["gti_tier"], "25");
  EXPECT_EQ(i["server"], "web01.lefevre.fr");
  ASSERT_GE(d["credits"].size(), 1u);
  const auto& line = d["credits"][0];
  EXPECT_EQ(line["incident"], "INC-2026-1120");
  EXPECT_EQ(line["guarantee"]["gti"], true);
  EXPECT_EQ(line["monthly_fee"], "1250.00");
  EXPECT_EQ(line["rate"], "25");
  EXPECT_EQ(line["amount"], "312.50");
  EXPECT_EQ(line["capped"], false);
}

TEST(StatementData, CreditExplanationIsWordedStepByStep) {
  const auto& e = kalanda_statement().data["credits"][0]["explanation"];
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0]["rule"], "S1");
  EXPECT_EQ(e[0]["text"],
            "contacté le ven. 20/11/2026 17:30 (HO) : échéance GTI le lun. 23/11/2026 09:30 "
            "(1 h 00 en heures ouvrées)");
  EXPECT_EQ(e[1]["rule"], "S2");
  EXPECT_EQ(e[1]["text"],
            "intervention le lun. 23/11/2026 13:10, 3 h 40 de retard : palier de 25\u00A0% de "
            "1\u202F250,00\u00A0€ = 312,50\u00A0€");
  EXPECT_EQ(e[2]["rule"], "S7");
  EXPECT_EQ(e[2]["text"], "total du service 312,50\u00A0€, plafond de 1\u202F250,00\u00A0€ non atteint");
}

// S5: (135 + 45) min of unplanned outage over 43 200 min: 43 020 / 43 200 = 99.5833 % -> the
// [99.5, 99.9] tier, 5 % of 400.00 = 20.00. The 10th: (1 440 - 135) / 1 440 = 90.625 %.
// Total credit: 312.50 + 20.00 = 332.50.
TEST(StatementData, AvailabilityPerHaServiceWithDailyChart) {
  const auto& d = kalanda_statement().data;
  ASSERT_EQ(d["availability"].size(), 2u);  // both services of an HA contract are measured
  const auto& front = d["availability"][0]["service"] == "Grappe frontale HA (front.lefevre.fr)" ? d["availability"][0]
                                                                                                 : d["availability"][1];
  EXPECT_EQ(front["availability"], "99.583");
  EXPECT_EQ(front["unavailable_minutes"], "180");
  EXPECT_EQ(front["unavailable_text"], "3 h 00");
  EXPECT_EQ(front["outage_count"], "2");
  EXPECT_EQ(front["credit_rate"], "5");
  EXPECT_EQ(front["credit"], "20.00");
  EXPECT_EQ(front["days"].size(), 30u);
  EXPECT_EQ(front["days"][9]["availability"], "90.625");
  EXPECT_EQ(front["chart_y_min"], "90");
  EXPECT_EQ(d["figures"]["credit_total"], "332.50");
}

// S4: started 03:00, restored 09:30 = 6 h 30, minus 1 h of backup restore = 5 h 30 against a base
// GTR of 4 h: 1 h 30 late, below the first tier (4 h): 0 %.
TEST(StatementData, GtrRowShowsRestorationAndRemovedBackupTime) {
  const auto& g = kalanda_statement().data["gtr"];
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0]["reference"], "INC-2026-1110");
  EXPECT_EQ(g[0]["restoration_text"], "5 h 30");
  EXPECT_EQ(g[0]["backup_restore_text"], "1 h 00");
  EXPECT_EQ(g[0]["base_text"], "4 h 00");
  EXPECT_EQ(g[0]["lateness_text"], "1 h 30");
  EXPECT_EQ(g[0]["tier"], "0");
}

// I1, I2: the 23 Nov emergency is the 5th on web01 this contract year: its 2 h covered are billed,
// 8 steps of 15 min x 32.25 = 258.00; its 40 min beyond 2 h carry no quote: not billed.
// I4: one managed server, 30 min a month from March 2025 to November 2026 = 21 x 30 = 630 min,
// 45 min used: balance 585 min = 9 h 45. S9: 2 tickets of 3 on time = 66.666 %.
TEST(StatementData, AllowanceInterventionsAdviceAndSupport) {
  const auto& d = kalanda_statement().data;
  const auto& web = d["allowances"][0]["server"] == "web01.lefevre.fr" ? d["allowances"][0] : d["allowances"][1];
  EXPECT_EQ(web["used"], "5");
  EXPECT_EQ(web["allowance"], "4");
  EXPECT_EQ(web["billable"], "1");
  EXPECT_EQ(web["year_from"], "2026-03-01");
  EXPECT_EQ(web["year_to"], "2027-02-28");
  const auto& last = d["interventions"].back();
  EXPECT_EQ(last["reference"], "INT-13");
  EXPECT_EQ(last["rank"], "5");
  EXPECT_EQ(last["amount"], "258.00");
  EXPECT_EQ(last["excess_text"], "0 h 40");
  EXPECT_EQ(last["excess_not_billed"], true);
  EXPECT_EQ(d["figures"]["interventions_total"], "258.00");
  EXPECT_EQ(d["figures"]["advice_granted"], "0 h 30");
  EXPECT_EQ(d["figures"]["advice_used"], "0 h 45");
  EXPECT_EQ(d["figures"]["advice_balance"], "9 h 45");
  EXPECT_EQ(d["figures"]["ticket_ack_rate"], "66.7");  // F1: 2 of 3 tickets = 66.666... shown 66,7 %
}

// K2: the backup option lists the month's history, failures included.
TEST(StatementData, BackupHistoryOfTheMonth) {
  const auto& h = kalanda_statement().data["backup_history"];
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0]["start"], "2026-11-01T02:00");
  EXPECT_EQ(h[0]["size_text"], "12,4 Go");
  EXPECT_EQ(h[1]["status"]["failed"], true);
  EXPECT_EQ(kalanda_statement().data["has_backups"], false);  // K1 is a dag clause
}

// Isolation (ARCHITECTURE invariant 4): only the contract's own records appear.
TEST(StatementData, ShowsTheContractsOwnClientOnly) {
  const auto& d = kalanda_statement().data;
  EXPECT_EQ(d["client"]["name"], "Boulangerie Lefèvre & Fils");
  EXPECT_EQ(d["client"]["address"], "4 place du Marché, 21000 Dijon");
  EXPECT_EQ(d["statement"]["period_label"], "novembre 2026");
  EXPECT_EQ(d["statement"]["period_hours"], "720");
  EXPECT_EQ(dag_statement().data.dump().find("lefevre"), std::string::npos);
}

TEST(StatementPdf, KalandaStatementShowsTheCreditAndItsExplanation) {
  const std::string text = rendered_text(kalanda_statement().data, "statement-kalanda");
  EXPECT_NE(text.find("312,50"), std::string::npos);
  EXPECT_NE(text.find("échéance GTI le lun. 23/11/2026 09:30"), std::string::npos) << text;
  EXPECT_NE(text.find("3 h 40 de retard"), std::string::npos);
  EXPECT_NE(text.find("hors forfait, non facturé (devis requis)"), std::string::npos);
  EXPECT_NE(text.find("332,50"), std::string::npos);
}

// S10: a dag statement has the same measures and no credit line.
TEST(StatementData, DagStatementHasMeasuresButNoCredits) {
  const auto& d = dag_statement().data;
  EXPECT_EQ(d["contract"]["has_credit_table"], false);
  EXPECT_EQ(d["has_credits"], false);
  EXPECT_TRUE(d["credits"].empty());
  const auto& late = incident_data(d, "INC-D1");
  EXPECT_EQ(late["in_ho"], false);
  EXPECT_EQ(late["gti_deadline"], "2026-11-04T23:00");
  EXPECT_EQ(late["gti_lateness"], "1 h 30");
  EXPECT_EQ(late["gti_tier"], "");
}

// S6 (D Art. 6): INC-D2 is contacted during the root access of 16-20 Nov: guarantees suspended.
TEST(StatementData, DagRootAccessSuspendsTheGuarantees) {
  const auto& d = dag_statement().data;
  EXPECT_EQ(incident_data(d, "INC-D2")["excluded"], true);
  EXPECT_EQ(incident_data(d, "INC-D2")["root_access"], true);
  ASSERT_EQ(d["root_access"].size(), 1u);
  EXPECT_EQ(d["root_access"][0]["start"], "2026-11-16T09:00");
  EXPECT_EQ(d["root_access"][0]["end"], "2026-11-20T18:00");
  EXPECT_EQ(d["root_access"][0]["suspended"], "INC-D2");
}

// K1: 30 days checked; the 7th has no backup, the 19th only the system: 2 days incomplete.
// Restore points at month end (7 days): backups from 24 Nov 00:00 on = 24..30 = 7.
TEST(StatementData, DagDailyBackupsCountMissingDays) {
  const auto& b = dag_statement().data["backups"];
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0]["days_checked"], "30");
  EXPECT_EQ(b[0]["complete_days"], "28");
  EXPECT_EQ(b[0]["missing_days"], "2");
  EXPECT_EQ(b[0]["missing_dates_text"], "07/11/2026, 19/11/2026");
  EXPECT_EQ(b[0]["restore_points"], "7");
  EXPECT_EQ(b[0]["last_success"], "2026-11-30T02:00");
  const auto& days = dag_statement().data["incomplete_days"];
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[1]["missing"]["files"], true);
  EXPECT_EQ(days[1]["missing"]["system"], false);
}

TEST(StatementPdf, DagStatementSaysTheTermsProvideNoCredits) {
  const std::string text = rendered_text(dag_statement().data, "statement-dag");
  EXPECT_NE(text.find("ne prévoient pas d'avoir"), std::string::npos) << text;
  EXPECT_EQ(text.find("Avoir dû"), std::string::npos);
  EXPECT_NE(text.find("Sauvegardes quotidiennes"), std::string::npos);
  EXPECT_NE(text.find("07/11/2026"), std::string::npos);
}

TEST(StatementTemplates, EnglishSetRendersTheSameData) {
  const auto english = templates::TemplateSet::load(CLAUSE_SOURCE_DIR "/templates/en");
  EXPECT_NO_THROW(english.render("statement", kalanda_statement().data));
  EXPECT_NO_THROW(english.render("statement", dag_statement().data));
}

// RULES F1 wording: "d'octobre", never "de octobre".
TEST(StatementData, F1MonthNamesElideBeforeAVowel) {
  EXPECT_EQ(month_label_of({2026, 10}, Language::fr), "d'octobre 2026");
  EXPECT_EQ(month_label_of({2026, 4}, Language::fr), "d'avril 2026");
  EXPECT_EQ(month_label_of({2026, 8}, Language::fr), "d'août 2026");
  EXPECT_EQ(month_label_of({2026, 11}, Language::fr), "de novembre 2026");
  EXPECT_EQ(month_label_of({2026, 10}, Language::en), "of October 2026");
}

// RULES F2: a time of the repeated autumn hour carries its offset in the document data.
TEST(StatementData, F2RepeatedHourTimesCarryTheirOffset) {
  // 25 Oct 2026: 00:30 UTC = 02:30 CEST, 01:30 UTC = 02:30 CET, 02:30 UTC = 03:30 CET (not repeated).
  const ContractClock& clock = paris(kalanda());
  const Instant midnight_utc = std::chrono::sys_days{std::chrono::year{2026} / 10 / 25};
  EXPECT_EQ(local_datetime(midnight_utc + std::chrono::minutes{30}, clock), "2026-10-25T02:30+02:00");
  EXPECT_EQ(local_datetime(midnight_utc + std::chrono::minutes{90}, clock), "2026-10-25T02:30+01:00");
  EXPECT_EQ(local_datetime(midnight_utc + std::chrono::minutes{150}, clock), "2026-10-25T03:30");
}

// Issue 11: the statement is a typed value; its money stays in cents until the template data.
StatementDocument kalanda_document() {
  const Built& b = kalanda_statement();
  return build_statement(StatementInput{kalanda_provider(), b.records, kalanda(), b.figures, paris(kalanda()),
                                        french_wording(), Language::fr, 2026y / 12 / 1, "REL-2026-11-K-2026-001", ""});
}

// S2 312.50 (GTI, 25 % of 1 250.00) + S5 20.00 (HA, 5 % of 400.00) = 332.50, below both caps (S7).
TEST(BuildStatement, S7CreditLinesAreMoneyAndSumToTheMonthsCredit) {
  const StatementDocument d = kalanda_document();
  ASSERT_EQ(d.credits.size(), 2u);
  EXPECT_EQ(d.credits[0].guarantee, statement::Guarantee::gti);
  EXPECT_EQ(d.credits[0].amount, Money::from_cents(31250));
  EXPECT_EQ(d.credits[1].guarantee, statement::Guarantee::ha);
  EXPECT_EQ(d.credits[1].amount, Money::from_cents(2000));
  EXPECT_EQ(d.figures.credit_total, Money::from_cents(33250));
}

// The template data is the document converted once: the same JSON as statement_data(input).
TEST(BuildStatement, TemplateDataIsTheDocumentConverted) {
  EXPECT_EQ(statement_data(kalanda_document(), Language::fr), kalanda_statement().data);
}

// Issue 11 "money is summed once": the credit table's total row prints the builder's 332.50.
TEST(StatementTemplates, CreditTotalRowPrintsTheMonthsCredit) {
  const layout::Document doc = french_templates().render("statement", kalanda_statement().data);
  const layout::Table* credits = nullptr;
  for (const auto& block : doc.blocks)
    if (const auto* t = std::get_if<layout::Table>(&block); t && t->name == "Lignes d'avoir") credits = t;
  ASSERT_NE(credits, nullptr);
  EXPECT_EQ(credits->total[5].value, "332.50");
  EXPECT_TRUE(credits->total[5].sum);
}

}  // namespace
}  // namespace clause
