// `clause import` through the real binary: the exit code tells cron whether the export was refused
// (3: fix the files) or the database failed (2: nothing was done, retry later), README "Exit codes".
#include <gtest/gtest.h>
#include <unistd.h>

#include "store/database.h"
#include "store/table_rows.h"
#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::Workspace;

TEST(ImportCli, RefusedExportExitsThreeAndChangesNothing) {
  Workspace ws("import-refused-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import tests/import_corpus/base").exit_code, 0);
  auto r = ws.clause("import tests/import_corpus/negative_money");
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("fee_revisions.csv:2: column period_price: -490.39 must not be negative"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("import refused: 7 error(s); the database is unchanged"), std::string::npos) << r.output;
  EXPECT_EQ(count_rows(*Database::open(ws.db_url()), "fee_revisions"), 4);  // the base set's
}

// Another connection holds the write lock (BEGIN EXCLUSIVE) for the whole import: SQLite answers
// SQLITE_BUSY after the busy timeout, which is the database's failure, not the export's.
TEST(ImportCli, LockedDatabaseExitsTwoNotInputRefused) {
  Workspace ws("import-locked-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  auto holder = Database::open(ws.db_url());
  holder->session() << "BEGIN EXCLUSIVE";
  auto r = ws.clause("import tests/import_corpus/base");
  holder->session() << "ROLLBACK";
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find(
                "accounts.csv:2: the database refused the row: sqlite3_statement_backend::loadOne: database is locked"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("import failed: the database could not write the rows; the database is unchanged"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(count_rows(*holder, "accounts"), 0);
}

}  // namespace
}  // namespace clause
