// Monthly SLA statements end to end: the hand-made samples imported into SQLite, the `clause
// statements` command run as cron runs it, and every credit of the manifest compared with the
// figure computed by hand in samples/README.md (rule ids cited), then read back in the PDF.
#include <gtest/gtest.h>

#include <unistd.h>

#include <set>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::Workspace;

class StatementsEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // ctest runs each test in its own process, maybe two at once: one workspace per process.
    ws_ = new Workspace("statements-e2e-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    auto imported = ws_->clause("import samples");
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    for (const char* month : {"2026-10", "2026-11"}) {
      auto run = ws_->statements(month);
      ASSERT_EQ(run.exit_code, 0) << run.output;
    }
  }
  static void TearDownTestSuite() { delete ws_; }

  static const nlohmann::json& entry(const std::string& month, const std::string& contract) {
    static std::map<std::string, nlohmann::json> manifests;
    if (!manifests.count(month)) manifests[month] = ws_->manifest(month);
    for (const auto& d : manifests[month]["documents"])
      if (d["contract"] == contract) return d;
    static nlohmann::json none;
    ADD_FAILURE() << "no statement of " << contract << " in " << month;
    return none;
  }
  static long long credit(const std::string& month, const std::string& contract, const std::string& service) {
    const auto& e = entry(month, contract);
    return e.is_null() ? -1 : e["credits_cents"].value(service, -1LL);
  }
  static std::string text(const std::string& month, const std::string& contract) {
    return testing::pdf_text(ws_->out() / entry(month, contract)["pdf"]["path"].get<std::string>());
  }

  static Workspace* ws_;
};
Workspace* StatementsEndToEnd::ws_ = nullptr;

// Case 1 (S1, S2, B3, S7): Fri 20 Nov 17:30 -> Mon 09:30, started 13:10: 3 h 40 late -> 25 % of
// the fee revised on 1 Nov (490.39 x 296.4 / 292.6 = 496.76) = 124.19.
TEST_F(StatementsEndToEnd, FridayEveningIncidentEarns25PercentOfTheRevisedFee) {
  EXPECT_EQ(credit("2026-11", "CTR-K-SAINTROCH", "SRV-SR-WEB"), 12419);
  EXPECT_NE(text("2026-11", "CTR-K-SAINTROCH").find("124,19"), std::string::npos);
}

// Case 8 (S6): the client-caused incident of 3 Nov earns nothing on the DB server.
TEST_F(StatementsEndToEnd, ClientCausedIncidentEarnsNothing) {
  EXPECT_EQ(credit("2026-11", "CTR-K-SAINTROCH", "SRV-SR-DB"), 0);
}

// Case 7 (S3, S4): 21 h - 6 h backup restore = 15 h, 11 h over GTR 4 h -> 25 % of 675.65 = 168.91.
TEST_F(StatementsEndToEnd, GtrWithDataLossRemovesBackupRestoreTime) {
  EXPECT_EQ(credit("2026-10", "CTR-K-SAINTROCH", "SRV-SR-DB"), 16891);
}

// Cases 2 and 3 (S1 over a holiday and across the DST change): Oct 135.00 (25 % of 540.00),
// Nov 54.00 (10 %).
TEST_F(StatementsEndToEnd, HolidayEveAndDstNight) {
  EXPECT_EQ(credit("2026-10", "CTR-K-GARNIER", "SRV-GA-APP"), 13500);
  EXPECT_EQ(credit("2026-11", "CTR-K-GARNIER", "SRV-GA-APP"), 5400);
}

// Case 4 (S7): 150.00 + 75.00 + 30.00 + 75.00 = 330.00, capped at the 300.00 fee.
TEST_F(StatementsEndToEnd, CreditsAreCappedAtTheMonthlyFee) {
  EXPECT_EQ(credit("2026-11", "CTR-K-LEFEVRE", "SRV-LF-PRN"), 30000);
}

// Case 6 (S5, T1): October 447 min of 44 700 = 99.000 % exactly -> 10 % = 120.00; November 44 min
// of 43 200 = 99.898 % -> 5 % = 60.00.
TEST_F(StatementsEndToEnd, HighAvailabilityTiers) {
  EXPECT_EQ(credit("2026-10", "CTR-K-BELLERIVE", "SRV-BR-HA"), 12000);
  EXPECT_EQ(entry("2026-10", "CTR-K-BELLERIVE")["availability_ppm"]["SRV-BR-HA"], 990000);
  // F1: the figure as printed; 1 - 447/44 700 = 99.000 % exactly (samples/README.md case 7).
  EXPECT_EQ(entry("2026-10", "CTR-K-BELLERIVE")["availability"]["SRV-BR-HA"], "99,000\u00A0%");
  EXPECT_EQ(credit("2026-11", "CTR-K-BELLERIVE", "SRV-BR-HA"), 6000);
}

// Case 11 (S7 quarterly): fee 1 350.00 / 3 = 450.00; 1 h 10 late -> 10 % = 45.00.
TEST_F(StatementsEndToEnd, QuarterlyContractUsesAThirdOfThePeriodPrice) {
  EXPECT_EQ(credit("2026-11", "CTR-K-MOREAU", "SRV-MO-FS"), 4500);
}

// Case 9 (S6, S10): a dag statement has no credit, and the root-access period is shown.
TEST_F(StatementsEndToEnd, DagStatementHasNoCredits) {
  EXPECT_EQ(entry("2026-11", "CTR-D-DUBOIS")["credit_total_cents"], 0);
}

// Case 20 (S2, S7 Decision, B2): Zola starts Tue 17 Nov at 1 000.00 a month; INC-ZO-1121, Sat 21 Nov
// 10:00 (HNO: deadline 13:00), started 21:00, 8 h late -> 100 % of 1 000.00, capped at the fee billed
// for November, 1 000.00 x 14/30 = 466.67.
TEST_F(StatementsEndToEnd, AProratedFirstMonthCapsItsCreditsAtTheFeeBilledForIt) {
  EXPECT_EQ(credit("2026-11", "CTR-K-ZOLA", "SRV-ZO-WEB"), 46667);
  EXPECT_EQ(entry("2026-11", "CTR-K-ZOLA")["credit_total_cents"], 46667);
}

// Invariant 4: no document holds another client's name, contract id or hostname.
TEST_F(StatementsEndToEnd, NoDocumentNamesAnotherClient) {
  struct Client {
    std::string contract, name, hostname;
  };
  const std::vector<Client> clients = {
      {"CTR-K-SAINTROCH", "Saint-Roch", "srv-sr-web"}, {"CTR-K-GARNIER", "Garnier", "srv-ga-app"},
      {"CTR-K-BELLERIVE", "Belle-Rive", "srv-br-ha"},  {"CTR-K-LEFEVRE", "Lefèvre", "srv-lf-prn"},
      {"CTR-K-MOREAU", "Moreau", "srv-mo-fs"},         {"CTR-D-DUBOIS", "Dubois", "srv-db-srv"},
      {"CTR-D-JARDINS", "Jardins", "srv-jp-srv"},      {"CTR-K-ZOLA", "Zola", "web.pharmacie-zola.fr"}};
  for (const auto& owner : clients) {
    std::string t = text("2026-11", owner.contract);
    EXPECT_NE(t.find(owner.contract), std::string::npos) << owner.contract;
    for (const auto& other : clients) {
      if (other.contract == owner.contract) continue;
      EXPECT_EQ(t.find(other.contract), std::string::npos) << other.contract << " in " << owner.contract;
      EXPECT_EQ(t.find(other.name), std::string::npos) << other.name << " in " << owner.contract;
    }
  }
}

// A rerun of the same month issues nothing new and leaves every file as it was.
TEST_F(StatementsEndToEnd, RerunIssuesNothingNew) {
  const std::string count =
      "sqlite3 " + (ws_->root() / "clause.db").string() +
      " 'select count(*) from issued_documents; select count(*), sum(cents) from service_credits;'";
  auto before = ws_->manifest("2026-11");
  auto rows_before = testing::run_command(count);
  auto rerun = ws_->statements("2026-11");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find(": 0 issued, 11 already issued"), std::string::npos) << rerun.output;
  EXPECT_EQ(ws_->manifest("2026-11"), before);
  EXPECT_EQ(testing::run_command(count).output, rows_before.output);
}

// Determinism: the same data issued into a fresh database gives byte-identical PDF and XLSX.
TEST_F(StatementsEndToEnd, FreshRunGivesByteIdenticalFiles) {
  Workspace again("statements-e2e-again-" + std::to_string(::getpid()));
  ASSERT_EQ(again.clause("init").exit_code, 0);
  ASSERT_EQ(again.clause("import samples").exit_code, 0);
  ASSERT_EQ(again.statements("2026-11").exit_code, 0);
  EXPECT_EQ(again.manifest("2026-11"), ws_->manifest("2026-11"));
}

}  // namespace
}  // namespace clause

namespace clause {
namespace {

// Isolation: a contract with inconsistent data is reported with its record and reason and skipped;
// every other statement is issued, and the exit code (1) says something needs a look.
TEST(StatementsIsolation, InconsistentContractIsSkippedOthersIssued) {
  testing::Workspace ws("statements-isolation-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  auto broken =
      testing::run_command("sqlite3 " + (ws.root() / "clause.db").string() +
                           " \"UPDATE incidents SET restored='2026-11-01T00:00:00Z' WHERE id='INC-LF-1102'\"");
  ASSERT_EQ(broken.exit_code, 0) << broken.output;
  auto run = ws.statements("2026-11");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  auto manifest = ws.manifest("2026-11");
  ASSERT_EQ(manifest["skipped"].size(), 1u);
  EXPECT_EQ(manifest["skipped"][0]["contract"], "CTR-K-LEFEVRE");
  EXPECT_EQ(manifest["skipped"][0]["record"], "incident INC-LF-1102");
  EXPECT_EQ(manifest["skipped"][0]["reason"],
            "restored 2026-11-01T00:00:00Z is before intervention start 2026-11-02T14:30:00Z");
  EXPECT_EQ(manifest["documents"].size(), 10u);
}

// Invariants 2 and 5 with data that changed after issue: Garnier's November statement shows 54.00
// (INC-GA-1110). An incident imported later, Thu 26 Nov 10:00 (HO) -> GTI deadline 11:00 (S1),
// started 14:00: 3 h late -> 25 % of 540.00 = 135.00 (S2), makes it 189.00. The rerun keeps the
// statement as issued (same rows, same files) and issues a corrective statement beside it
// (tests/batch/corrections_test.cc follows it to the further credit note); nothing else changes.
TEST(StatementsDrift, ALateIncidentGivesACorrectiveStatementAndLeavesTheIssuedOneAsItWas) {
  testing::Workspace ws("statements-drift-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  ASSERT_EQ(ws.statements("2026-11").exit_code, 0);
  const std::string ledger = "sqlite3 " + (ws.root() / "clause.db").string() +
                             " 'select number, period, sha256 from issued_documents where period = \"2026-11\"; "
                             "select * from service_credits where service_id <> \"SRV-GA-APP\";'";
  const std::string before = testing::run_command(ledger).output;

  const auto extra = ws.root() / "late";
  std::filesystem::create_directories(extra);
  std::ofstream(extra / "incidents.csv")
      << "id,contract_id,service_id,contacted,intervention_start,restored,blocking,cause,data_loss,"
         "backup_restore_minutes,summary\n"
         "INC-GA-1126,CTR-K-GARNIER,SRV-GA-APP,2026-11-26T10:00:00+01:00,2026-11-26T14:00:00+01:00,"
         "2026-11-26T15:00:00+01:00,true,server,false,0,Saisie tardive\n";
  auto imported = ws.clause("import " + extra.string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  auto rerun = ws.statements("2026-11");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("contract CTR-K-GARNIER: the statement of 2026-11 shows 54.00 of credits, the data "
                              "now gives 189.00 (SRV-GA-APP): it stays as issued; corrective statement "
                              "RM-CTR-K-GARNIER-2026-11-R1 issued"),
            std::string::npos)
      << rerun.output;
  EXPECT_NE(rerun.output.find("1 issued, 11 already issued, 0 skipped, 0 no longer match the data"), std::string::npos)
      << rerun.output;
  const auto manifest = ws.manifest("2026-11");
  EXPECT_EQ(manifest["corrections_due"].size(), 0u);
  ASSERT_EQ(manifest["corrections_issued"].size(), 1u);
  EXPECT_EQ(manifest["corrections_issued"][0]["contract"], "CTR-K-GARNIER");
  EXPECT_EQ(manifest["corrections_issued"][0]["corrects"], "RM-CTR-K-GARNIER-2026-11");
  EXPECT_EQ(manifest["corrections_issued"][0]["issued_credit_cents"], 5400);
  EXPECT_EQ(manifest["corrections_issued"][0]["recomputed_credit_cents"], 18900);
  EXPECT_EQ(testing::run_command(ledger).output, before);
}

}  // namespace
}  // namespace clause
