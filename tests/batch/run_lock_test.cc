// One run at a time per database (store/run_lock.h): while another process holds the database's
// lock, a run that would issue or change anything exits 5 at once, says who holds it, and does
// nothing; the lock goes with its holder, so a killed run never leaves the database locked.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

TEST(RunLock, ASecondRunOnSqliteExitsAtOnceAndDoesNothing) {
  Workspace ws("run-lock-sqlite-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  // A run recorded as going on, and its process holding the lock (flock(1) on the database file,
  // as Clause holds it).
  ws.sql(
      "insert into runs (kind, parameters, started, status) values ('invoices', '--date 2026-11-01', "
      "'2026-11-01T02:00:00Z', 'running')");
  const std::string db = (ws.root() / "clause.db").string();
  run_command("flock " + db + " sleep 4 > /dev/null 2>&1 &");
  ::usleep(300 * 1000);
  for (const std::string command :
       {"invoices --date 2026-11-01 --out " + ws.out().string(),
        "statements --month 2026-10 --out " + ws.out().string(), std::string("import samples"),
        "nightly --date 2026-11-01 --out " + ws.out().string()}) {
    auto refused = ws.clause(command);
    EXPECT_EQ(refused.exit_code, 5) << command << "\n" << refused.output;
    EXPECT_EQ(refused.output,
              "error: another clause run holds the database: run 1 (invoices --date 2026-11-01), started "
              "2026-11-01T02:00:00Z; nothing done, try again when it has finished\n");
  }
  EXPECT_EQ(ws.sql("select count(*) from runs"), "1\n");
  EXPECT_FALSE(std::filesystem::exists(ws.out()));
  EXPECT_EQ(ws.clause("check").exit_code, 0);  // reading needs no lock
  ::sleep(4);
  EXPECT_EQ(ws.clause("invoices --date 2026-11-01 --out " + ws.out().string()).exit_code, 0);
}

TEST(RunLock, AKilledRunLeavesNoLockBehind) {
  Workspace ws("run-lock-killed-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  ::setenv("CLAUSE_KILL_AFTER_DOCUMENTS", "2", 1);
  EXPECT_EQ(ws.clause("invoices --date 2026-11-01 --out " + ws.out().string()).exit_code, 9);
  ::unsetenv("CLAUSE_KILL_AFTER_DOCUMENTS");
  EXPECT_EQ(ws.clause("invoices --date 2026-11-01 --out " + ws.out().string()).exit_code, 0);
}

TEST(RunLock, ASecondRunOnPostgresqlExitsAtOnce) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  testing::PostgresWorkspace pg("clause_run_lock_" + std::to_string(::getpid()));
  ASSERT_TRUE(pg.created());
  Workspace ws("run-lock-pg-" + std::to_string(::getpid()));
  ASSERT_EQ(pg.clause("init").exit_code, 0);
  ASSERT_EQ(pg.clause("import samples").exit_code, 0);
  // Another session holds Clause's advisory lock ("Clause" in ASCII) for 4 seconds.
  run_command("psql \"" + pg.url() +
              "\" -qAt -c 'SELECT pg_advisory_lock(74132770616165); SELECT pg_sleep(4)' > /dev/null 2>&1 &");
  ::usleep(500 * 1000);
  auto refused = pg.clause("invoices --date 2026-11-01 --out " + ws.out().string());
  EXPECT_EQ(refused.exit_code, 5) << refused.output;
  // psql is no Clause run: nothing in the runs ledger to name.
  EXPECT_EQ(refused.output,
            "error: another clause command holds the database (an import or a migration, which record "
            "no run); nothing done, try again when it has finished\n");
  EXPECT_EQ(pg.psql("SELECT count(*) FROM runs"), "0\n");
  ::sleep(4);
  EXPECT_EQ(pg.clause("invoices --date 2026-11-01 --out " + ws.out().string()).exit_code, 0);
}

}  // namespace
}  // namespace clause
