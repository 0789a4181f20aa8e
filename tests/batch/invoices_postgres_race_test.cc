// B7 and invariant 1 on PostgreSQL with two `clause invoices` runs started at once on the same date:
// one continuous sequence per kind and year, every document once, and every file the one its ledger
// row records (the loser of a race on a contract finds the winner's document: store/ledger.cc locks
// the contract row before looking). Needs the server of CLAUSE_TEST_PG (scripts/test.sh starts one);
// skipped without it, failed when CLAUSE_REQUIRE_PG=1.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>

#include "tests/batch/cli_harness.h"
#include "tests/store/test_database.h"

namespace clause {
namespace {

using testing::run_command;

std::string psql(const std::string& dbname, const std::string& query) {
  return run_command("psql \"" + testing::with_database(testing::pg_server(), dbname) + "\" -qAt -c \"" + query + "\"")
      .output;
}

TEST(InvoicesPostgresRace, TwoRunsAtOnceIssueEachDocumentOnceInOneSequence) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  const std::string dbname = "clause_invoices_race_" + std::to_string(::getpid());
  psql("postgres", "DROP DATABASE IF EXISTS " + dbname);
  ASSERT_EQ(psql("postgres", "CREATE DATABASE " + dbname), "") << "cannot create " << dbname;
  testing::Workspace ws("invoices-pg-race-" + std::to_string(::getpid()));
  const std::string clause = "cd " + std::string(CLAUSE_SOURCE_DIR) + " && " + std::string(CLAUSE_BINARY_DIR) +
                             "/batch/clause --db '" + testing::with_database(testing::pg_server(), dbname) + "' ";
  ASSERT_EQ(run_command(clause + "init").exit_code, 0);
  ASSERT_EQ(run_command(clause + "import samples").exit_code, 0);
  auto twice = [&](const std::string& date) {
    const std::string one = clause + "invoices --date " + date + " --out " + ws.out().string();
    // Both started together; each must finish cleanly (exit 0), whichever wins each contract.
    return run_command("(" + one + " > " + ws.root().string() + "/a.log 2>&1; echo a=$? >> " + ws.root().string() +
                       "/rc) & (" + one + " > " + ws.root().string() + "/b.log 2>&1; echo b=$? >> " +
                       ws.root().string() + "/rc) & wait; sort " + ws.root().string() + "/rc; rm " +
                       ws.root().string() + "/rc");
  };
  EXPECT_EQ(twice("2026-11-01").output, "a=0\nb=0\n");
  ASSERT_EQ(run_command(clause + "statements --month 2026-11 --out " + ws.out().string()).exit_code, 0);
  EXPECT_EQ(twice("2026-12-01").output, "a=0\nb=0\n");

  // 7 + 7 invoices FA-2026-000001..14 and 4 credit notes AV-2026-000001..4 (Moreau's November
  // credit waits for its quarter's invoice of 2026-11-15, not issued here), each once.
  std::string invoices, credit_notes;
  for (int n = 1; n <= 14; ++n) invoices += "FA-2026-" + std::string(n < 10 ? "00000" : "0000") + std::to_string(n) + "\n";
  for (int n = 1; n <= 4; ++n) credit_notes += "AV-2026-00000" + std::to_string(n) + "\n";
  EXPECT_EQ(psql(dbname, "SELECT number FROM issued_documents WHERE kind = 'invoice' ORDER BY number"), invoices);
  EXPECT_EQ(psql(dbname, "SELECT number FROM issued_documents WHERE kind = 'credit_note' ORDER BY number"), credit_notes);
  EXPECT_EQ(psql(dbname, "SELECT count(*) FROM credit_note_deductions"), "4\n");
  // Every file is the one its ledger row records: no loser overwrote a winner's file.
  auto files = run_command("cd " + ws.out().string() +
                           " && find invoices -name '*.pdf' | sort | xargs sha256sum | awk '{print $1}' | sort");
  EXPECT_EQ(files.output, psql(dbname, "SELECT sha256 FROM issued_documents WHERE number IS NOT NULL ORDER BY sha256"));
  psql("postgres", "DROP DATABASE " + dbname);
}

}  // namespace
}  // namespace clause
