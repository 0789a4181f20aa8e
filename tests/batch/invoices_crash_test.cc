// Invariant 1 and B7 under crashes: `clause invoices` killed at every document of the sample run
// (the hidden hook CLAUSE_KILL_AFTER_DOCUMENTS=N ends the process with _exit(9) at its Nth document:
// CLAUSE_KILL_POINT=staged after its file is written under a temporary name but before the commit,
// committed after the commit but before the rename, published once the file is in place), rerun
// until it completes, ends with exactly the documents of an uninterrupted run: the same numbers (one
// continuous sequence, no duplicate), byte-identical files, no temporary file left.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

std::string sql(const Workspace& ws, const std::string& query) { return ws.sql(query); }

// "number|sha256|path under out/" of every numbered document, by number.
std::string ledger(const Workspace& ws) {
  return sql(ws, "select number, sha256, replace(path, '" + ws.out().string() +
                     "/', '') from issued_documents where number is not null order by number");
}

testing::CommandResult invoices(const Workspace& ws, const std::string& date) {
  return ws.clause("invoices --date " + date + " --out " + ws.out().string());
}

// Runs `invoices --date` killed at its 1st, 2nd or 3rd document, at each of the three points in
// turn, until a run completes; returns the number of runs killed.
int run_with_kills(const Workspace& ws, const std::string& date) {
  int killed = 0;
  for (int attempt = 0; attempt < 100; ++attempt) {
    ::setenv("CLAUSE_KILL_AFTER_DOCUMENTS", std::to_string(1 + attempt % 3).c_str(), 1);
    static const char* points[] = {"staged", "committed", "published"};
    ::setenv("CLAUSE_KILL_POINT", points[(attempt / 3) % 3], 1);
    auto run = invoices(ws, date);
    ::unsetenv("CLAUSE_KILL_AFTER_DOCUMENTS");
    ::unsetenv("CLAUSE_KILL_POINT");
    if (run.exit_code == 0) return killed;
    EXPECT_EQ(run.exit_code, 9) << run.output;
    if (run.exit_code != 9) return killed;
    ++killed;
  }
  ADD_FAILURE() << "the run never completed";
  return killed;
}

TEST(InvoicesCrash, KilledAtEveryDocumentAndRerunGivesTheDocumentsOfAnUninterruptedRun) {
  const std::string pid = std::to_string(::getpid());
  Workspace clean("invoices-crash-clean-" + pid), crashed("invoices-crash-killed-" + pid);
  for (const Workspace* ws : {&clean, &crashed}) {
    ASSERT_EQ(ws->clause("init").exit_code, 0);
    ASSERT_EQ(ws->clause("import samples").exit_code, 0);
  }
  ASSERT_EQ(invoices(clean, "2026-11-01").exit_code, 0);
  ASSERT_EQ(clean.statements("2026-11").exit_code, 0);
  ASSERT_EQ(invoices(clean, "2026-12-01").exit_code, 0);

  // 7 invoices on 2026-11-01; on 2026-12-01 4 credit notes (Moreau's and Zola's November credits
  // wait: their invoices of 2026-11-15 and 2026-11-17 are not issued here) and 8 invoices (Zola's
  // December invoice is issued all the same, B4). At most 3 documents a run,
  // so every document boundary sees a kill.
  EXPECT_GE(run_with_kills(crashed, "2026-11-01"), 4);
  ASSERT_EQ(crashed.statements("2026-11").exit_code, 0);
  EXPECT_GE(run_with_kills(crashed, "2026-12-01"), 6);

  const std::string expected = ledger(clean);
  EXPECT_EQ(std::count(expected.begin(), expected.end(), '\n'), 7 + 4 + 8);
  EXPECT_EQ(ledger(crashed), expected);
  // Every file is the one the ledger records, and no temporary file is left behind.
  EXPECT_EQ(sql(crashed, "select count(*) from issued_documents where number is not null"), "19\n");
  auto files = run_command("cd " + crashed.out().string() +
                           " && find invoices -name '*.pdf' | sort | xargs sha256sum | awk '{print $1}' | sort");
  auto recorded = sql(crashed, "select sha256 from issued_documents where number is not null order by sha256");
  EXPECT_EQ(files.output, recorded);
  EXPECT_EQ(run_command("find " + crashed.out().string() + " -name '*.tmp-*'").output, "");
  // Each credit note was deducted once, as in the clean run.
  const std::string deductions = "select credit_note_number, invoice_number from credit_note_deductions order by 1";
  EXPECT_EQ(sql(crashed, deductions), sql(clean, deductions));
}

}  // namespace
}  // namespace clause
