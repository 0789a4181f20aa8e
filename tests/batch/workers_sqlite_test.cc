// Issue 16: workers share one PostgreSQL; on SQLite `clause worker` and a coordinator (--workers)
// refuse at once, saying why, exit 2, nothing recorded.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

const std::string kWhy =
    "error: workers share one PostgreSQL database: this configuration's is SQLite (set database.url, or --db)\n";

TEST(WorkersOnSqlite, WorkerRefusesAndSaysWhy) {
  testing::Workspace ws("workers-sqlite-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("-q init").exit_code, 0);
  const auto r = ws.clause("-q worker --idle-exit 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, kWhy);
}

TEST(WorkersOnSqlite, CoordinatorRefusesBeforeRecordingARun) {
  testing::Workspace ws("workers-sqlite-c-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("-q init").exit_code, 0);
  const auto r = ws.clause("-q invoices --date 2026-11-01 --workers --out " + ws.out().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, kWhy);
  EXPECT_EQ(ws.sql("select count(*) from runs"), "0\n");
}

}  // namespace
}  // namespace clause
