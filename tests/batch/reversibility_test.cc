// `clause reversibility` end to end (issue 15, RULES R1-R5, K Art. 16) on samples/ CTR-K-VERNET
// (request REV-VN-1 of 2026-11-02 for an end of service on 2026-12-31: late, R1), with three
// backups of its LIMS server added (two handed over, a failed one only destroyed) and its
// statements of October and November and invoices of 1 Nov and 1 Dec issued first.
#include <gtest/gtest.h>

#include <unistd.h>

#include "batch/output_files.h"
#include "tests/batch/cli_harness.h"
#include "tests/batch/csv_dataset.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

const char* kFolder = "reversibility/laboratoire-bioanalyse-vernet-selas--ACC-VERNET";

class Reversibility : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>("reversibility-" +
                                      std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                                      "-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
    testing::CsvDataSet backups;
    backups.row("backups",
                "BKP-VN-1229-DAT,SRV-VN-LIMS,databases,full,2026-12-29T02:00:00+01:00,2026-12-29T02:20:00+01:00,"
                "success,2100000000,sha256:1111111111111111111111111111111111111111111111111111111111111111,"
                "offsite:sbg,2027-01-28");
    backups.row("backups",
                "BKP-VN-1230-FIL,SRV-VN-LIMS,files,full,2026-12-30T02:00:00+01:00,2026-12-30T02:40:00+01:00,"
                "success,5300000000,sha256:2222222222222222222222222222222222222222222222222222222222222222,"
                "offsite:sbg,2027-01-29");
    backups.row("backups",
                "BKP-VN-1231-SYS,SRV-VN-LIMS,system,full,2026-12-31T02:00:00+01:00,2026-12-31T02:05:00+01:00,"
                "failed,0,,offsite:sbg,");
    backups.write(ws_->root() / "backups");
    auto imported = ws_->clause("import " + (ws_->root() / "backups").string());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    for (const char* month : {"2026-10", "2026-11"})
      ASSERT_EQ(ws_->statements(month, "--contract CTR-K-VERNET").exit_code, 0);
    for (const char* date : {"2026-11-01", "2026-12-01"}) {
      auto run = ws_->clause("invoices --contract CTR-K-VERNET --out " + ws_->out().string() + " --date " + date);
      ASSERT_EQ(run.exit_code, 0) << run.output;
    }
  }
  testing::CommandResult dossier(const std::string& extra = "") const {
    return ws_->clause("reversibility --contract CTR-K-VERNET --date 2027-01-04 --out " + ws_->out().string() + " " +
                       extra);
  }
  std::filesystem::path folder() const { return ws_->out() / kFolder / "CTR-K-VERNET"; }
  std::filesystem::path archive() const { return ws_->out() / kFolder / "CTR-K-VERNET.zip"; }
  nlohmann::json manifest() const { return nlohmann::json::parse(testing::read_text(folder() / "manifest.json")); }
  std::unique_ptr<Workspace> ws_;
};

// Every document the client ever received (2 statements x PDF + XLSX, 2 invoices) is listed with the
// SHA-256 the ledger holds, which is that of the file on disk, and copied into the dossier.
TEST_F(Reversibility, ListsEveryIssuedFileWithAChecksumThatMatchesIt) {
  auto run = dossier();
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string files = ws_->sql(
      "select f.path || ' ' || f.sha256 from document_files f join issued_documents d "
      "on d.id = f.document_id where d.contract_id = 'CTR-K-VERNET' order by f.path");
  int listed = 0;
  for (std::size_t at = 0, end; (end = files.find('\n', at)) != std::string::npos; at = end + 1, ++listed) {
    const std::string line = files.substr(at, end - at);
    const std::filesystem::path path = line.substr(0, line.find(' '));
    const std::string sha = line.substr(line.find(' ') + 1);
    EXPECT_EQ(sha256_of_file(path), sha) << path;
    const std::string kind = path.filename().string().rfind("FA-", 0) == 0 ? "factures" : "releves";
    EXPECT_EQ(sha256_of_file(folder() / "documents" / kind / path.filename()), sha) << path;
  }
  EXPECT_EQ(listed, 6);
  const std::string text = testing::collapsed_pdf_text(folder() / "dossier-reversibilite.pdf");
  EXPECT_NE(text.find("FA-2026-000001"), std::string::npos);
  EXPECT_NE(text.find("Demande tardive"), std::string::npos);
  // R3: the two successful backups are handed over (2.1 + 5.3 GB); the failed one is only destroyed.
  EXPECT_NE(text.find("2 sauvegardes, 7,40 Go"), std::string::npos) << text;
  EXPECT_NE(text.find("Sauvegarde BKP-VN-1231-SYS"), std::string::npos);
  EXPECT_EQ(ws_->sql("select late, request_deadline, continuity_limit, dossier_date from reversibility_milestones"),
            "1|2026-09-30|2027-03-31|2027-01-04\n");
}

// A file of the ledger removed from disk: the command names it, builds nothing, exits 1.
TEST_F(Reversibility, AMissingDocumentFailsWithItsName) {
  const std::string pdf =
      ws_->document_path("kind = 'invoice' and contract_id = 'CTR-K-VERNET' order by number limit 1");
  ASSERT_FALSE(pdf.empty());
  std::filesystem::remove(pdf);
  auto run = dossier();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("error: " + pdf + ": missing (invoice FA-2026-000001 of contract CTR-K-VERNET)"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("error: no dossier built for contract CTR-K-VERNET"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(archive()));
}

// A file changed since it was issued is refused with both checksums.
TEST_F(Reversibility, AChangedDocumentFailsWithBothChecksums) {
  const std::string pdf = ws_->document_path("kind = 'statement' and period = '2026-10' order by path limit 1");
  const std::string recorded = sha256_of_file(pdf);
  std::ofstream(pdf, std::ios::app) << "x";
  auto run = dossier();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(
      run.output.find("error: " + pdf + ": SHA-256 " + sha256_of_file(pdf) + " differs from the ledger's " + recorded),
      std::string::npos)
      << run.output;
}

// The archive passes unzip's own test, and a rebuild for the same data and date gives the same bytes.
TEST_F(Reversibility, TheArchiveIsSoundAndARebuildGivesTheSameBytes) {
  ASSERT_EQ(dossier().exit_code, 0);
  auto tested = run_command("unzip -t '" + archive().string() + "'");
  EXPECT_EQ(tested.exit_code, 0) << tested.output;
  EXPECT_NE(tested.output.find("CTR-K-VERNET/documents/factures/FA-2026-000002.pdf"), std::string::npos);
  EXPECT_NE(tested.output.find("CTR-K-VERNET/inventaires.xlsx"), std::string::npos);
  const std::string first = sha256_of_file(archive());
  ASSERT_EQ(dossier().exit_code, 0);
  EXPECT_EQ(sha256_of_file(archive()), first);
  EXPECT_EQ(ws_->sql("select dossier_sha256 from reversibility_milestones"), first + "\n");
  // The manifest lists every other file of the folder with its SHA-256.
  // (held in a variable: a range-for over manifest()["files"] would read the temporary after it
  // is destroyed, found by AddressSanitizer)
  const nlohmann::json listed = manifest();
  for (const auto& f : listed["files"]) EXPECT_EQ(sha256_of_file(folder() / f["path"].get<std::string>()), f["sha256"]);
  EXPECT_EQ(manifest()["files"].size(), 9u);  // 6 copies, report, PV, workbook
  auto sheets = run_command(
      "/usr/bin/python3 -c \"import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)\" '" +
      (folder() / "inventaires.xlsx").string() + "'");
  EXPECT_EQ(sheets.output,
            "['Échéancier', 'Relevés', 'Documents', 'Empreintes', 'Serveurs', 'Sauvegardes', "
            "'Empreintes des sauvegardes', 'Destruction', 'Conservation']\n");
  auto pdfs = run_command("qpdf --check '" + (folder() / "dossier-reversibilite.pdf").string() + "' && qpdf --check '" +
                          (folder() / "proces-verbal.pdf").string() + "'");
  EXPECT_EQ(pdfs.exit_code, 0) << pdfs.output;
}

// R5: the minutes, then the destruction that closes the file: the statements' files and the
// dossier's copies are removed, the invoices stay (G6), and the dossier says destroyed on that date.
TEST_F(Reversibility, RecordPvThenDestructionClosesTheFile) {
  auto early = dossier("--record-destruction 2027-01-20");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.output.find("error: --record-destruction: the minutes of request REV-VN-1 are not recorded; record "
                              "them first with --record-pv DATE (R5)"),
            std::string::npos)
      << early.output;
  ASSERT_EQ(dossier("--record-pv 2027-01-15").exit_code, 0);
  EXPECT_EQ(ws_->sql("select pv_signed, destroyed is null from reversibility_milestones"), "2027-01-15|1\n");
  EXPECT_NE(testing::collapsed_pdf_text(folder() / "proces-verbal.pdf").find("Procès-verbal signé le 15/01/2027"),
            std::string::npos);
  const std::string statement = ws_->document_path("kind = 'statement' and period = '2026-11' order by path limit 1");
  const std::string invoice = ws_->document_path("kind = 'invoice' and number = 'FA-2026-000002'");

  auto before = dossier("--record-destruction 2027-01-14");
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_NE(before.output.find("error: --record-destruction 2027-01-14: before the minutes signed on 2027-01-15 (R5)"),
            std::string::npos);
  auto closed = dossier("--record-destruction 2027-01-20");
  ASSERT_EQ(closed.exit_code, 0) << closed.output;
  EXPECT_EQ(ws_->sql("select destroyed from reversibility_milestones"), "2027-01-20\n");
  EXPECT_FALSE(std::filesystem::exists(statement));
  EXPECT_TRUE(std::filesystem::exists(invoice));
  EXPECT_FALSE(std::filesystem::exists(folder() / "documents"));
  EXPECT_EQ(manifest()["destroyed"], "2027-01-20");
  EXPECT_NE(testing::collapsed_pdf_text(folder() / "dossier-reversibilite.pdf").find("détruites le 20/01/2027"),
            std::string::npos);
  EXPECT_EQ(ws_->sql("select action, entity_id from audit_log where action like 'reversibility%'"),
            "reversibility_destruction|CTR-K-VERNET\n");
  // The file stays closed; the statements job does not report the destroyed files as missing.
  auto again = dossier("--record-pv 2027-01-21");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("error: request REV-VN-1: the file was closed by the destruction of 2027-01-20; nothing "
                              "more can be recorded"),
            std::string::npos);
  EXPECT_EQ(dossier().exit_code, 0);
  EXPECT_EQ(ws_->statements("2026-11", "--contract CTR-K-VERNET").exit_code, 0);
}

TEST_F(Reversibility, AContractWithoutRequestIsRefused) {
  auto run = ws_->clause("reversibility --contract CTR-K-SAINTROCH --date 2027-01-04 --out " + ws_->out().string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(
      run.output.find("error: contract CTR-K-SAINTROCH has no reversibility request (reversibility_requests.csv)"),
      std::string::npos)
      << run.output;
  auto unknown = ws_->clause("reversibility --contract CTR-NOPE --date 2027-01-04 --out " + ws_->out().string());
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("error: contract CTR-NOPE: no such contract\n"), std::string::npos) << unknown.output;
}

}  // namespace
}  // namespace clause

namespace clause {
namespace {

// The nightly's reversibility step and the échéancier (R3, R4, R5) on samples/ alone: no invoice of
// Clause is unpaid, so REV-VN-1 starts at the end of service, 2026-12-31, its dossier is due by
// 2027-01-15 (10 jours ouvrés, 1 Jan a holiday) and continuity ends on day 90, 2027-03-31.
class ReversibilityWarnings : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<testing::Workspace>("reversibility-warnings-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
  }
  testing::CommandResult nightly(const std::string& date) const {
    return ws_->clause("nightly --date " + date + " --out " + ws_->out().string());
  }
  std::unique_ptr<testing::Workspace> ws_;
};

TEST_F(ReversibilityWarnings, NightlyWarnsBeforeTheDeliveryDeadlineThenWhileItIsOverdue) {
  auto before = nightly("2027-01-10");
  EXPECT_EQ(before.exit_code, 0) << before.output;
  EXPECT_NE(before.output.find("warning: reversibility: in 5 day(s) R3: 2027-01-15  CTR-K-VERNET  R3"),
            std::string::npos)
      << before.output;
  auto after = nightly("2027-01-16");
  EXPECT_EQ(after.exit_code, 0) << after.output;
  EXPECT_NE(
      after.output.find("warning: reversibility: R3 delivery deadline passed on 2027-01-15 with no signed minutes "
                        "recorded (clause reversibility --contract CTR-K-VERNET --record-pv DATE)"),
      std::string::npos)
      << after.output;
  ASSERT_EQ(ws_->clause("reversibility --contract CTR-K-VERNET --date 2027-01-14 --record-pv 2027-01-16 --out " +
                        ws_->out().string())
                .exit_code,
            0);
  auto signed_off = nightly("2027-01-17");
  EXPECT_EQ(signed_off.output.find("delivery deadline passed"), std::string::npos) << signed_off.output;
}

TEST_F(ReversibilityWarnings, NightlyWarnsBeforeTheEndOfContinuity) {
  auto run = nightly("2027-03-25");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("warning: reversibility: in 6 day(s) R4: 2027-03-31  CTR-K-VERNET  R4"), std::string::npos)
      << run.output;
}

// The échéancier lists both dates, and nothing after minutes recorded by --record-pv (R5).
TEST_F(ReversibilityWarnings, ScheduleListsDeliveryAndContinuityUntilTheMinutes) {
  auto before = ws_->clause("schedule --from 2027-01-01 --days 90 --out " + ws_->out().string());
  EXPECT_NE(before.output.find("2027-01-15  CTR-K-VERNET  R3"), std::string::npos) << before.output;
  EXPECT_NE(before.output.find("2027-03-31  CTR-K-VERNET  R4"), std::string::npos);
  ASSERT_EQ(ws_->clause("reversibility --contract CTR-K-VERNET --date 2027-01-14 --record-pv 2027-01-14 --out " +
                        ws_->out().string())
                .exit_code,
            0);
  auto after = ws_->clause("schedule --from 2027-01-01 --days 90 --out " + ws_->out().string());
  EXPECT_EQ(after.output.find("2027-01-15  CTR-K-VERNET  R3"), std::string::npos) << after.output;  // after 14 Jan
  EXPECT_EQ(after.output.find("2027-03-31  CTR-K-VERNET  R4"), std::string::npos) << after.output;
}

}  // namespace
}  // namespace clause

namespace clause {
namespace {

// The same dossier on PostgreSQL: migration 008, the milestones' upsert and the ledger reads.
TEST(ReversibilityPostgres, DossierAndMinutesAreRecorded) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  testing::PostgresWorkspace pg("clause_rev_" + std::to_string(::getpid()));
  ASSERT_TRUE(pg.created());
  const auto out =
      std::filesystem::path(CLAUSE_BINARY_DIR) / "test-workspaces" / ("reversibility-pg-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  ASSERT_EQ(pg.clause("init").exit_code, 0);
  ASSERT_EQ(pg.clause("import samples").exit_code, 0);
  ASSERT_EQ(pg.clause("invoices --contract CTR-K-VERNET --out " + out.string() + " --date 2026-11-01").exit_code, 0);
  auto built =
      pg.clause("reversibility --contract CTR-K-VERNET --date 2027-01-04 --record-pv 2027-01-15 --out " + out.string());
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_EQ(pg.psql("select late, start is null, pv_signed from reversibility_milestones"), "1|t|2027-01-15\n");
  EXPECT_TRUE(
      std::filesystem::exists(out / kFolder / "CTR-K-VERNET" / "documents" / "factures" / "FA-2026-000001.pdf"));
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace clause
