// B7 and invariant 1 on PostgreSQL with two `clause invoices` runs started at once: one holds the
// database's run lock and the other exits 5 at once (or, started after the first finished, finds
// everything issued); one continuous sequence per kind and year whose numbers follow their dates,
// every document once, and every file the one its ledger row records. (Below the run lock,
// store/ledger.cc still locks the contract row before looking, should two writers ever meet.)
// Needs the server of CLAUSE_TEST_PG (scripts/test.sh starts one); skipped without it, failed when
// CLAUSE_REQUIRE_PG=1.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <set>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;

TEST(InvoicesPostgresRace, TwoRunsAtOnceIssueEachDocumentOnceInOneSequence) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  testing::PostgresWorkspace pg("clause_invoices_race_" + std::to_string(::getpid()));
  ASSERT_TRUE(pg.created());
  testing::Workspace ws("invoices-pg-race-" + std::to_string(::getpid()));
  const std::string clause = pg.clause_command("");
  ASSERT_EQ(pg.clause("init").exit_code, 0);
  ASSERT_EQ(pg.clause("import samples").exit_code, 0);
  auto together = [&](const std::string& date_a, const std::string& date_b) {
    const std::string a = clause + "invoices --date " + date_a + " --out " + ws.out().string(),
                      b = clause + "invoices --date " + date_b + " --out " + ws.out().string();
    return run_command("(" + a + " > " + ws.root().string() + "/a.log 2>&1; echo a=$? >> " + ws.root().string() +
                       "/rc) & (" + b + " > " + ws.root().string() + "/b.log 2>&1; echo b=$? >> " + ws.root().string() +
                       "/rc) & wait; sort " + ws.root().string() + "/rc; rm " + ws.root().string() + "/rc")
        .output;
  };
  // Each run either did the night or was refused at once, without doing anything.
  const std::set<std::string> outcomes = {"a=0\nb=0\n", "a=0\nb=5\n", "a=5\nb=0\n"};
  const std::string first = together("2026-11-01", "2026-11-01");
  EXPECT_TRUE(outcomes.count(first)) << first;
  // Whichever was refused, the night is then run again, as cron's next attempt would.
  ASSERT_EQ(run_command(clause + "invoices --date 2026-11-01 --out " + ws.out().string()).exit_code, 0);
  ASSERT_EQ(run_command(clause + "statements --month 2026-11 --out " + ws.out().string()).exit_code, 0);
  const std::string second = together("2026-12-01", "2026-12-01");
  EXPECT_TRUE(outcomes.count(second)) << second;
  ASSERT_EQ(run_command(clause + "invoices --date 2026-12-01 --out " + ws.out().string()).exit_code, 0);
  // Numbers follow their dates (B7): no number is dated before the one before it.
  EXPECT_EQ(pg.psql("SELECT count(*) FROM issued_documents a JOIN issued_documents b ON a.kind = b.kind "
                    "AND b.number > a.number WHERE b.issued_on < a.issued_on"),
            "0\n");

  // 7 + 8 invoices FA-2026-000001..15 and 4 credit notes AV-2026-000001..4 (Moreau's and Zola's
  // November credits wait for their invoices of 2026-11-15 and 2026-11-17, not issued here; Zola's
  // December invoice is issued all the same, B4), each once.
  std::string invoices, credit_notes;
  for (int n = 1; n <= 15; ++n)
    invoices += "FA-2026-" + std::string(n < 10 ? "00000" : "0000") + std::to_string(n) + "\n";
  for (int n = 1; n <= 4; ++n) credit_notes += "AV-2026-00000" + std::to_string(n) + "\n";
  EXPECT_EQ(pg.psql("SELECT number FROM issued_documents WHERE kind = 'invoice' ORDER BY number"), invoices);
  EXPECT_EQ(pg.psql("SELECT number FROM issued_documents WHERE kind = 'credit_note' ORDER BY number"), credit_notes);
  EXPECT_EQ(pg.psql("SELECT count(*) FROM credit_note_deductions"), "4\n");
  // Every file is the one its ledger row records: no loser overwrote a winner's file.
  auto files = run_command("cd " + ws.out().string() +
                           " && find invoices -name '*.pdf' | sort | xargs sha256sum | awk '{print $1}' | sort");
  EXPECT_EQ(files.output, pg.psql("SELECT sha256 FROM issued_documents WHERE number IS NOT NULL ORDER BY sha256"));
}

}  // namespace
}  // namespace clause
