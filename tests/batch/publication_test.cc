// Invariant 1 under faults (issue "nothing published that the ledger does not hold"): a document's
// files reach out/ only once its ledger row has committed, and the next run completes or removes
// what a failure left. Each fault is real: a commit refused by SQLite itself (a deferred foreign
// key that a trigger breaks, the way a full disk or a lost server refuses a commit), a process
// killed at each step, a file left under a document's name, a PostgreSQL connection cut mid-run.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "tests/batch/cli_harness.h"
#include "tests/store/test_database.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

std::string sql(const Workspace& ws, const std::string& query) { return ws.sql(query); }

testing::CommandResult invoices(const Workspace& ws, const std::string& date, const std::string& extra = "") {
  return ws.clause("invoices --date " + date + " --out " + ws.out().string() + " " + extra);
}

// Every document file on disk (PDF and workbooks, not the journals) as "sha256 path", sorted.
std::string files_on_disk(const Workspace& ws) {
  return run_command("cd " + ws.out().string() +
                     " && find . -type f \\( -name '*.pdf' -o -name '*.xlsx' \\) ! -name 'journal-*' -printf '%P\\n' | "
                     "sort | xargs -r sha256sum | awk '{print $1\" \"$2}'")
      .output;
}

// Every file the ledger holds, the same way.
std::string files_in_ledger(const Workspace& ws) {
  return sql(
      ws, "select sha256 || ' ' || replace(path, '" + ws.out().string() + "/', '') from document_files order by path");
}

// The exit code of the invoices of 2026-11-01 killed by the test hook at the run's `document`th
// document, at `point` (batch/document_publication.h).
int invoices_killed(const Workspace& ws, int document, const char* point) {
  ::setenv("CLAUSE_KILL_AFTER_DOCUMENTS", std::to_string(document).c_str(), 1);
  ::setenv("CLAUSE_KILL_POINT", point, 1);
  const int code = invoices(ws, "2026-11-01").exit_code;
  ::unsetenv("CLAUSE_KILL_AFTER_DOCUMENTS");
  ::unsetenv("CLAUSE_KILL_POINT");
  return code;
}

std::string temporary_files(const Workspace& ws) {
  return run_command("find " + ws.out().string() + " -name '*.tmp-*'").output;
}

// From the next document of `kind` on, every commit fails: SQLite checks the deferred foreign key
// at COMMIT and refuses it, so the whole transaction (number, ledger row, files) rolls back.
void make_commits_fail(const Workspace& ws, const std::string& kind, int from_document) {
  ASSERT_EQ(
      sql(ws,
          "create table commit_trap_parent (id integer primary key); "
          "create table commit_trap (parent integer references commit_trap_parent (id) deferrable initially deferred); "
          "create trigger commit_trap_fires after insert on issued_documents when new.kind = '" +
              kind + "' and (select count(*) from issued_documents where kind = '" + kind +
              "') >= " + std::to_string(from_document) + " begin insert into commit_trap values (1); end;"),
      "");
}

void let_commits_succeed(const Workspace& ws) {
  ASSERT_EQ(sql(ws, "drop trigger commit_trap_fires; drop table commit_trap; drop table commit_trap_parent;"), "");
}

class Publication : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                                      "-" + std::to_string(::getpid()));
    ASSERT_EQ(ws().clause("init").exit_code, 0);
    ASSERT_EQ(ws().clause("import samples").exit_code, 0);
  }
  const Workspace& ws() { return *ws_; }
  std::unique_ptr<Workspace> ws_;
};

TEST_F(Publication, AnInvoiceWhoseCommitFailsLeavesNoFileAndItsNumberIsUsedOnce) {
  make_commits_fail(ws(), "invoice", 3);
  auto failed = invoices(ws(), "2026-11-01");
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("FOREIGN KEY constraint failed"), std::string::npos) << failed.output;
  // Two invoices committed, the five others refused: exactly two files, each the ledger's.
  EXPECT_EQ(sql(ws(), "select count(*) from issued_documents where kind = 'invoice'"), "2\n");
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(temporary_files(ws()), "");

  let_commits_succeed(ws());
  auto rerun = invoices(ws(), "2026-11-01");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(sql(ws(), "select count(*), min(number), max(number) from issued_documents where kind = 'invoice'"),
            "7|FA-2026-000001|FA-2026-000007\n");
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(run_command("cd " + ws().out().string() + " && find . -name 'FA-2026-000003.pdf' | wc -l").output, "1\n");
}

TEST_F(Publication, AStatementWhoseCommitFailsLeavesNeitherItsPdfNorItsWorkbook) {
  make_commits_fail(ws(), "statement", 4);
  auto failed = ws().statements("2026-10");
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_EQ(sql(ws(), "select count(*) from issued_documents where kind = 'statement'"), "3\n");
  EXPECT_EQ(sql(ws(), "select count(*) from document_files"), "6\n");  // a PDF and a workbook each
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(temporary_files(ws()), "");

  let_commits_succeed(ws());
  auto rerun = ws().statements("2026-10");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(sql(ws(), "select count(*) from document_files"),
            std::to_string(2 * std::stoi(sql(ws(), "select count(*) from issued_documents"))) + "\n");
}

TEST_F(Publication, ACreditNoteWhoseCommitFailsLeavesNoFile) {
  ASSERT_EQ(invoices(ws(), "2026-11-01").exit_code, 0);
  ASSERT_EQ(ws().statements("2026-11").exit_code, 0);
  make_commits_fail(ws(), "credit_note", 3);  // November's: the first two commit, the others cannot
  auto failed = invoices(ws(), "2026-12-01");
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_EQ(sql(ws(), "select count(*) from issued_documents where kind = 'credit_note'"), "2\n");
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(temporary_files(ws()), "");
  let_commits_succeed(ws());
  EXPECT_EQ(invoices(ws(), "2026-12-01").exit_code, 0);
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(temporary_files(ws()), "");
}

// The reproduction of the campaign: killed after Belle-Rive's FA-2026-000001 was written but before
// its commit, then a run of Saint-Roch alone, then a full rerun. Before, two different
// FA-2026-000001.pdf existed; now the killed run's file never had the number's name.
TEST_F(Publication, AKilledRunNeverLeavesTwoFilesUnderOneNumber) {
  EXPECT_EQ(invoices_killed(ws(), 1, "written"), 9);
  EXPECT_EQ(run_command("find " + ws().out().string() + " -name 'FA-*.pdf' | wc -l").output, "0\n");
  EXPECT_EQ(invoices(ws(), "2026-11-01", "--contract CTR-K-SAINTROCH").exit_code, 0);
  EXPECT_EQ(temporary_files(ws()), "");  // the killed run's file, removed by this one
  EXPECT_EQ(invoices(ws(), "2026-11-01").exit_code, 0);
  EXPECT_EQ(run_command("find " + ws().out().string() + " -name 'FA-2026-000001.pdf' | wc -l").output, "1\n");
  EXPECT_EQ(sql(ws(), "select contract_id from issued_documents where number = 'FA-2026-000001'"), "CTR-K-SAINTROCH\n");
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
}

// Killed between the commit and the rename: the ledger holds the invoice, its file is still a
// temporary one; the next run publishes it (same SHA-256) and says so, and the run is marked. The
// first invoice's file waits under its temporary name too: the run's group commit
// (document_publication.h) renames files only once their commits are flushed, every 64 documents.
TEST_F(Publication, ACommittedDocumentKilledBeforeItsRenameIsPublishedByTheNextRun) {
  EXPECT_EQ(invoices_killed(ws(), 2, "committed"), 9);
  EXPECT_EQ(sql(ws(), "select count(*) from issued_documents"), "2\n");
  EXPECT_EQ(run_command("find " + ws().out().string() + " -name 'FA-2026-00000[12].pdf.tmp-*' | wc -l").output, "2\n");
  EXPECT_EQ(run_command("find " + ws().out().string() + " -name 'FA-*.pdf' | wc -l").output, "0\n");
  const std::string killed_run = sql(ws(), "select id from runs where kind = 'invoices'");
  EXPECT_EQ(sql(ws(), "select status from runs where kind = 'invoices'"), "running\n");

  auto rerun = invoices(ws(), "2026-11-01");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("FA-2026-000001.pdf: its ledger row had committed"), std::string::npos) << rerun.output;
  EXPECT_NE(rerun.output.find("FA-2026-000002.pdf: its ledger row had committed"), std::string::npos) << rerun.output;
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(temporary_files(ws()), "");
  EXPECT_EQ(sql(ws(), "select status, substr(note, 1, 12) from runs where id = " + killed_run),
            "failed|interrupted:\n");
  auto manifest = nlohmann::json::parse(testing::read_text(ws().out() / "invoices/2026/manifest-2026-11-01.json"));
  EXPECT_EQ(manifest["interrupted_runs"], nlohmann::json::array({std::stoi(killed_run)}));
  EXPECT_EQ(manifest["recovered_files"].size(), 2u);
}

// A power cut after the commit and before the folder is flushed can lose the renames of the
// document's file, the one that adopted it from its ahead name included (the commit flushes the
// database, not the folder): the next run publishes the document from its ahead name, whose
// digest the ledger holds. Left by a kill after the commit, then renamed back by hand.
TEST_F(Publication, ACommittedDocumentLeftUnderItsAheadNameIsPublishedByTheNextRun) {
  EXPECT_EQ(invoices_killed(ws(), 2, "committed"), 9);
  const std::string found = run_command("find " + ws().out().string() + " -name 'FA-2026-000002.pdf.tmp-*'").output;
  ASSERT_FALSE(found.empty());
  const std::filesystem::path temporary = found.substr(0, found.find('\n'));
  const std::string name = temporary.filename().string();
  const std::filesystem::path ahead =
      temporary.parent_path() / (name.substr(0, name.rfind(".tmp-")) + ".ahead" + name.substr(name.rfind(".tmp-")));
  std::filesystem::rename(temporary, ahead);  // what a lost adoption leaves on disk
  const std::string digest = run_command("sha256sum < " + ahead.string() + " | cut -c1-64").output;

  auto rerun = invoices(ws(), "2026-11-01");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("FA-2026-000002.pdf: its ledger row had committed"), std::string::npos) << rerun.output;
  EXPECT_EQ(
      run_command("sha256sum < " + (temporary.parent_path() / "FA-2026-000002.pdf").string() + " | cut -c1-64").output,
      digest);
  EXPECT_EQ(files_on_disk(ws()), files_in_ledger(ws()));
  EXPECT_EQ(temporary_files(ws()), "");
}

TEST_F(Publication, AFileUnderADocumentsNameIsNeverOverwritten) {
  // Someone's file where Saint-Roch's invoice will go (the fifth contract in id order).
  const auto folder = ws().out() / "invoices/2026/clinique-saint-roch-sas--ACC-SAINTROCH";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "FA-2026-000005.pdf") << "not ours";
  auto run = invoices(ws(), "2026-11-01");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("FA-2026-000005.pdf is already on disk but the ledger holds no document there: not "
                            "overwritten (move it away, then rerun)"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(testing::read_text(folder / "FA-2026-000005.pdf"), "not ours");
  EXPECT_EQ(sql(ws(), "select count(*) from issued_documents where contract_id = 'CTR-K-SAINTROCH'"), "0\n");
  // The others are issued, numbered without a gap (the number Saint-Roch did not use goes on).
  EXPECT_EQ(sql(ws(), "select count(*), max(number) from issued_documents"), "6|FA-2026-000006\n");
}

TEST_F(Publication, AMissingFileIsReportedAndAStaleTemporaryFileRemoved) {
  ASSERT_EQ(invoices(ws(), "2026-11-01").exit_code, 0);
  const std::string first = sql(ws(), "select path from issued_documents where number = 'FA-2026-000001'");
  const std::filesystem::path path = first.substr(0, first.size() - 1);
  std::filesystem::remove(path);
  std::ofstream(path.parent_path() / "FA-2026-000099.pdf.tmp-999999999") << "half a file";
  auto rerun = invoices(ws(), "2026-11-01");
  EXPECT_EQ(rerun.exit_code, 1) << rerun.output;
  const std::string contract = sql(ws(), "select contract_id from issued_documents where number = 'FA-2026-000001'");
  EXPECT_NE(rerun.output.find(path.string() + ": the invoice of contract " + contract.substr(0, contract.size() - 1) +
                              " for 2026-11-01 is recorded in the ledger but its file is missing"),
            std::string::npos)
      << rerun.output;
  auto manifest = nlohmann::json::parse(testing::read_text(ws().out() / "invoices/2026/manifest-2026-11-01.json"));
  EXPECT_EQ(manifest["file_problems"].size(), 1u);
  EXPECT_EQ(manifest["removed_temporary_files"], 1);
  EXPECT_EQ(temporary_files(ws()), "");
  EXPECT_FALSE(std::filesystem::exists(path));  // never rewritten behind the ledger's back
}

// Accounts and contracts whose ids the former scheme folded together (case, punctuation, the first
// 60 characters): each statement and invoice in its own file, showing its own client.
TEST_F(Publication, IdsThatDifferOnlyByCaseOrPunctuationGetTheirOwnFiles) {
  Workspace ws("collisions-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  const auto data = ws.root() / "data";
  std::filesystem::create_directories(data);
  const std::string long_prefix = "CTR-LONG-" + std::string(51, 'x');
  struct Client {
    std::string account, siren, contract, service, host, fee;
  };
  const std::vector<Client> clients = {
      {"ACC-X1", "111111111", "C.1", "S-1", "alpha.example.fr", "101.00"},
      {"acc.x1", "222222222", "c-1", "S-2", "bravo.example.fr", "102.00"},
      {"ACC-SAINTROCH", "333333333", "CTR-K-SAINTROCH", "S-3", "charlie.example.fr", "103.00"},
      {"acc-saintroch", "444444444", "ctr-k-saintroch", "S-4", "delta.example.fr", "104.00"},
      {"ACC-X1", "111111111", long_prefix + "-ALPHA-01", "S-5", "echo.example.fr", "105.00"},
      {"ACC-X1", "111111111", long_prefix + "-BRAVO-02", "S-6", "foxtrot.example.fr", "106.00"}};
  std::ofstream accounts(data / "accounts.csv"), contracts(data / "contracts.csv"), services(data / "services.csv"),
      fees(data / "fee_revisions.csv");
  accounts << "id,kind,parent_id,name,address,siren,vat_number,language,last_activity,created\n";
  contracts << "id,account_id,terms_profile,start,end,term_months,tacit_renewal,billing,backup_option,"
               "high_availability,gtr_hours,holiday_zone,time_zone\n";
  services << "id,contract_id,kind,hostname,label,managed\n";
  fees << "service_id,effective,period_price,index_value\n";
  std::set<std::string> written;
  for (const auto& c : clients) {
    // The same name for the accounts that the former scheme merged: only the id tells them apart.
    const std::string name =
        c.account.find("SAINTROCH") != std::string::npos || c.account.find("saintroch") != std::string::npos
            ? "Clinique Saint-Roch SAS"
            : "Société X";
    if (written.insert(c.account).second)
      accounts << c.account << ",client,," << name << ",1 rue de la Paix 75002 Paris," << c.siren
               << ",,fr,2026-11-20,2024-01-01\n";
    contracts << c.contract << "," << c.account << ",kalanda-hds,2026-10-01,,36,false,monthly,false,false,0,metropole,"
              << "Europe/Paris\n";
    services << c.service << "," << c.contract << ",server," << c.host << ",Serveur " << c.host << ",true\n";
    fees << c.service << ",2026-10-01," << c.fee << ",\n";
  }
  accounts.close(), contracts.close(), services.close(), fees.close();
  auto imported = ws.clause("import " + data.string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  ASSERT_EQ(ws.statements("2026-10").exit_code, 0);
  ASSERT_EQ(invoices(ws, "2026-11-01").exit_code, 0);

  EXPECT_EQ(sql(ws, "select count(distinct path) from document_files"), "18\n");  // 6 x (PDF, XLSX, invoice)
  EXPECT_EQ(files_on_disk(ws), files_in_ledger(ws));
  for (const auto& c : clients) {
    auto path_of = [&](const std::string& kind) {
      std::string p = sql(
          ws, "select path from issued_documents where kind = '" + kind + "' and contract_id = '" + c.contract + "'");
      return std::filesystem::path(p.substr(0, p.size() - 1));
    };
    const std::string statement = testing::pdf_text(path_of("statement")),
                      invoice = testing::pdf_text(path_of("invoice"));
    EXPECT_NE(statement.find(c.host), std::string::npos) << c.contract;
    EXPECT_NE(invoice.find(c.siren), std::string::npos) << c.contract;
    for (const auto& other : clients)
      if (other.contract != c.contract) {
        EXPECT_EQ(statement.find(other.host), std::string::npos) << c.contract << " shows " << other.host;
        if (other.account != c.account) {
          EXPECT_EQ(invoice.find(other.siren), std::string::npos) << c.contract << " shows " << other.siren;
        }
      }
  }
}

// A PostgreSQL connection cut in the middle of the night (the server kills Clause's backend while
// the third invoice is being recorded): the run stops there, writes its manifest saying so, exits 4
// (it had issued two invoices), and the next run finishes the night with nothing issued twice.
TEST(PublicationPostgres, ADatabaseLostMidRunStopsTheRunWhichTheNextFinishes) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  testing::PostgresWorkspace pg("clause_lost_" + std::to_string(::getpid()));
  ASSERT_TRUE(pg.created());
  Workspace ws("lost-db-" + std::to_string(::getpid()));
  ASSERT_EQ(pg.clause("init").exit_code, 0);
  ASSERT_EQ(pg.clause("import samples").exit_code, 0);
  pg.psql(
      "CREATE FUNCTION cut_connection() RETURNS trigger LANGUAGE plpgsql AS \\$\\$ BEGIN "
      "IF (SELECT count(*) FROM issued_documents) >= 3 THEN PERFORM pg_terminate_backend(pg_backend_pid()); "
      "END IF; RETURN NEW; END \\$\\$; "
      "CREATE TRIGGER cut_connection AFTER INSERT ON issued_documents FOR EACH ROW EXECUTE FUNCTION cut_connection();");
  const std::string night = "invoices --date 2026-11-01 --out " + ws.out().string();
  auto stopped = pg.clause(night);
  EXPECT_EQ(stopped.exit_code, 4) << stopped.output;
  auto manifest = nlohmann::json::parse(testing::read_text(ws.out() / "invoices/2026/manifest-2026-11-01.json"));
  EXPECT_TRUE(manifest.contains("stopped")) << manifest.dump(2);
  EXPECT_EQ(manifest["documents"].size(), 2u);
  EXPECT_EQ(pg.psql("SELECT count(*) FROM issued_documents"), "2\n");

  pg.psql("DROP TRIGGER cut_connection ON issued_documents");
  auto rerun = pg.clause(night);
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(pg.psql("SELECT count(*), count(DISTINCT number) FROM issued_documents"), "7|7\n");
  EXPECT_EQ(pg.psql("SELECT status, substr(note, 1, 12) FROM runs WHERE kind = 'invoices' ORDER BY id LIMIT 1"),
            "failed|interrupted:\n");
  auto files = run_command("cd " + ws.out().string() +
                           " && find invoices -name '*.pdf' | sort | xargs sha256sum | awk '{print $1}' | sort");
  EXPECT_EQ(files.output, pg.psql("SELECT sha256 FROM issued_documents ORDER BY sha256"));
  EXPECT_EQ(run_command("find " + ws.out().string() + " -name '*.tmp-*'").output, "");
}

}  // namespace
}  // namespace clause
