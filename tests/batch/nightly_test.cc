// `clause nightly` (batch/nightly.h): the nights of the sample month give the same documents,
// byte for byte, as the individual commands run by hand in the right order; missed nights are
// caught up oldest first; the plan of nights is a pure function of the run ledger and the date.
#include "batch/night_plan.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include "rules/calendar.h"
#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

Date day(const char* text) { return parse_date(text).value(); }

std::vector<Date> days(std::initializer_list<const char*> texts) {
  std::vector<Date> out;
  for (const char* t : texts) out.push_back(day(t));
  return out;
}

TEST(NightPlan, TheFirstNightIsRunAlone) {
  EXPECT_EQ(plan_nights(std::nullopt, day("2026-11-01"), 31).nights, days({"2026-11-01"}));
}

TEST(NightPlan, TheNextNightFollowsTheLastCompleted) {
  EXPECT_EQ(plan_nights(day("2026-11-01"), day("2026-11-02"), 31).nights, days({"2026-11-02"}));
}

TEST(NightPlan, MissedNightsComeFirstOldestFirst) {  // B7: numbers follow the dates
  NightPlan plan = plan_nights(day("2026-11-27"), day("2026-12-01"), 31);
  EXPECT_EQ(plan.nights, days({"2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"}));
  EXPECT_EQ(plan.left_over, 0);
}

TEST(NightPlan, PastTheLimitTheAskedNightWaitsForTheNextRun) {
  NightPlan plan = plan_nights(day("2026-11-27"), day("2026-12-01"), 2);
  EXPECT_EQ(plan.nights, days({"2026-11-28", "2026-11-29"}));
  EXPECT_EQ(plan.left_over, 2);
}

TEST(NightPlan, CatchUpOffRunsTheAskedNightAndCountsTheMissedOnes) {
  NightPlan plan = plan_nights(day("2026-11-27"), day("2026-12-01"), 0);
  EXPECT_EQ(plan.nights, days({"2026-12-01"}));
  EXPECT_EQ(plan.left_over, 3);
}

TEST(NightPlan, ACompletedNightAskedAgainIsRunAgainAlone) {
  EXPECT_EQ(plan_nights(day("2026-12-01"), day("2026-11-15"), 31).nights, days({"2026-11-15"}));
}

// Every issued document with its number, key, digest and path under out/, in a fixed order.
std::string documents(const Workspace& ws) {
  return ws.sql("select kind, coalesce(number, ''), contract_id, period, issued_on, sha256, replace(path, '" +
                ws.out().string() + "/', '') from issued_documents order by kind, contract_id, period");
}

class Nightly : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    by_hand_ = new Workspace("nightly-by-hand-" + std::to_string(::getpid()));
    ASSERT_EQ(by_hand_->clause("init").exit_code, 0);
    ASSERT_EQ(by_hand_->clause("import samples").exit_code, 0);
    for (Date night = day("2026-11-01"); night <= day("2026-12-01"); night = add_days(night, 1)) {
      if (night.day() == std::chrono::day{1}) {
        const YearMonth before = YearMonth{int(night.year()), unsigned(night.month())}.previous();
        ASSERT_EQ(by_hand_->statements(format_year_month(before)).exit_code, 0);
      }
      ASSERT_EQ(
          by_hand_->clause("invoices --date " + format_date(night) + " --out " + by_hand_->out().string()).exit_code,
          0);
    }
  }
  static void TearDownTestSuite() { delete by_hand_; }
  static Workspace* by_hand_;
};
Workspace* Nightly::by_hand_ = nullptr;

testing::CommandResult nightly(const Workspace& ws, const std::string& date) {
  return ws.clause("nightly --date " + date + " --out " + ws.out().string());
}

TEST_F(Nightly, EachNightOfTheMonthGivesTheDocumentsOfTheCommandsRunByHand) {
  Workspace ws("nightly-each-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  for (Date night = day("2026-11-01"); night <= day("2026-12-01"); night = add_days(night, 1)) {
    auto run = nightly(ws, format_date(night));
    ASSERT_EQ(run.exit_code, 0) << run.output;
  }
  const std::string expected = documents(*by_hand_);
  // samples/README.md: 9 statements of October and 11 of November; 7 invoices on 11-01, Moreau's on
  // 11-15, Zola's prorated one on 11-17, Dubois's on 11-20 and 8 on 12-01 (Zola's second); the 3
  // credit notes of October on 11-01 and the 6 of November on 12-01.
  EXPECT_EQ(std::count(expected.begin(), expected.end(), '\n'), 20 + 18 + 9);
  EXPECT_EQ(documents(ws), expected);
  EXPECT_EQ(ws.sql("select status, count(*) from runs where kind = 'nightly' group by status"), "succeeded|31\n");
}

TEST_F(Nightly, MissedNightsAreCaughtUpInDateOrderByTheNextRun) {
  Workspace ws("nightly-catch-up-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  ASSERT_EQ(nightly(ws, "2026-11-01").exit_code, 0);
  // Cron missed 2 to 14 November and 16 to 30 November (the server was down).
  auto fifteenth = nightly(ws, "2026-11-15");
  ASSERT_EQ(fifteenth.exit_code, 0) << fifteenth.output;
  EXPECT_NE(fifteenth.output.find("catching up 13 night(s) missed since the last completed one: 2026-11-02 to "
                                  "2026-11-14"),
            std::string::npos)
      << fifteenth.output;
  auto december = nightly(ws, "2026-12-01");
  ASSERT_EQ(december.exit_code, 0) << december.output;
  EXPECT_EQ(documents(ws), documents(*by_hand_));
  EXPECT_EQ(ws.sql("select count(*) from runs where kind = 'nightly' and status = 'succeeded'"), "31\n");
}

TEST_F(Nightly, ANightStoppedPartWayIsFinishedByTheNextRunWithNothingIssuedTwice) {
  Workspace ws("nightly-killed-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  for (const char* night : {"2026-11-01", "2026-11-15", "2026-11-20", "2026-11-30"})
    ASSERT_EQ(nightly(ws, night).exit_code, 0);
  // Killed at the 12th document of 1 December (statements first, then credit notes).
  ::setenv("CLAUSE_KILL_AFTER_DOCUMENTS", "12", 1);
  EXPECT_EQ(nightly(ws, "2026-12-01").exit_code, 9);
  ::unsetenv("CLAUSE_KILL_AFTER_DOCUMENTS");
  auto rerun = nightly(ws, "2026-12-01");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(documents(ws), documents(*by_hand_));
  EXPECT_EQ(run_command("find " + ws.out().string() + " -name '*.tmp-*'").output, "");
}

// Two nightlies started at the same instant: one runs the night, the other exits 5 at once with the
// lock message (or, started after the first finished, finds the night done); the documents are then
// exactly those of one run. `clause` is given as a command prefix (SQLite or PostgreSQL).
void two_nightlies_at_once(const std::string& clause, const Workspace& ws, const Workspace& single) {
  const std::string one = clause + "nightly --date 2026-11-01 --out " + ws.out().string();
  const std::string rc = ws.root().string() + "/rc";
  auto both = run_command("(" + one + " > " + ws.root().string() + "/a.log 2>&1; echo a=$? >> " + rc + ") & (" + one +
                          " > " + ws.root().string() + "/b.log 2>&1; echo b=$? >> " + rc + ") & wait; sort " + rc);
  EXPECT_TRUE(both.output == "a=0\nb=5\n" || both.output == "a=5\nb=0\n" || both.output == "a=0\nb=0\n") << both.output;
  if (both.output.find("=5") != std::string::npos) {
    const std::string refused =
        testing::read_text(ws.root() / (both.output.find("a=5") != std::string::npos ? "a.log" : "b.log"));
    EXPECT_NE(refused.find("another clause run holds the database: run "), std::string::npos) << refused;
  }
  ASSERT_EQ(single.clause("nightly --date 2026-11-01 --out " + single.out().string()).exit_code, 0);
}

TEST(NightlyAtOnce, TwoNightliesOnSqliteRunTheNightOnce) {
  Workspace ws("nightly-twice-" + std::to_string(::getpid())), single("nightly-once-" + std::to_string(::getpid()));
  for (const Workspace* w : {&ws, &single}) {
    ASSERT_EQ(w->clause("init").exit_code, 0);
    ASSERT_EQ(w->clause("import samples").exit_code, 0);
  }
  two_nightlies_at_once("cd " + std::string(CLAUSE_SOURCE_DIR) + " && " + std::string(CLAUSE_BINARY_DIR) +
                            "/batch/clause --db " + ws.db_url() + " ",
                        ws, single);
  EXPECT_EQ(documents(ws), documents(single));
  EXPECT_EQ(ws.sql("select count(*) from runs where kind = 'nightly'"), "1\n");
}

TEST(NightlyAtOnce, TwoNightliesOnPostgresqlRunTheNightOnce) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  testing::PostgresWorkspace pg("clause_nightly_twice_" + std::to_string(::getpid()));
  ASSERT_TRUE(pg.created());
  Workspace ws("nightly-twice-pg-" + std::to_string(::getpid())),
      single("nightly-once-pg-" + std::to_string(::getpid()));
  ASSERT_EQ(pg.clause("init").exit_code, 0);
  ASSERT_EQ(pg.clause("import samples").exit_code, 0);
  ASSERT_EQ(single.clause("init").exit_code, 0);
  ASSERT_EQ(single.clause("import samples").exit_code, 0);
  two_nightlies_at_once(pg.clause_command(""), ws, single);
  EXPECT_EQ(
      pg.psql("SELECT kind || '|' || coalesce(number, '') || '|' || contract_id || '|' || period || '|' || sha256 "
              "FROM issued_documents ORDER BY kind, contract_id, period"),
      single.sql("select kind, coalesce(number, ''), contract_id, period, sha256 from issued_documents order by "
                 "kind, contract_id, period"));
  EXPECT_EQ(pg.psql("SELECT count(*) FROM runs WHERE kind = 'nightly'"), "1\n");
}

}  // namespace
}  // namespace clause
