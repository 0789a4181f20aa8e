// Issue 16: `clause worker` processes sharing one PostgreSQL give exactly the documents of a single
// run. A generated month (40 clients) whose October night was done once (statements of 2026-10,
// invoices of 2026-11-01), copied (database and output folder) for each test; then the November
// night (statements of 2026-11, then the invoices and the credit notes of 2026-12-01, which cite
// the invoices of 2026-11-01) is done by one process, by a coordinator (--workers) and 1, 2 and 3
// workers, and by 3 workers one of which dies mid-run (the CLAUSE_KILL_AFTER_DOCUMENTS hook, or a
// real SIGKILL): every PDF, XML and XLSX has the single run's SHA-256, every document the single
// run's number, the numbers run without gap or duplicate (B7), no temporary file is left, and the
// work items and reservations are gone. Needs the server of CLAUSE_TEST_PG; skipped without it,
// failed when CLAUSE_REQUIRE_PG=1.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;

// What a night left: "PATH  SHA-256" of every document file, and "kind|contract|period|number" of
// every numbered document, both sorted.
struct Night {
  std::string files;
  std::string numbers;
  std::string log;   // exit codes, and what is left in the queue
  std::string logs;  // what the processes said, for a failure's message
};

const std::string kStatements = "statements --month 2026-11";
const std::string kInvoices = "invoices --date 2026-12-01";

// The generated month with its October night done, once for every test of this file: a database
// (the template of each test's) and an output folder.
struct October {
  std::unique_ptr<testing::PostgresWorkspace> pg;
  std::unique_ptr<testing::Workspace> ws;
  std::string name;  // of its database
  bool ready = false;
};

const October& october() {
  static const October base = [] {
    October b;
    b.name = "clause_workers_base_" + std::to_string(::getpid());
    b.pg = std::make_unique<testing::PostgresWorkspace>(b.name);
    b.ws = std::make_unique<testing::Workspace>("workers-base-" + std::to_string(::getpid()));
    const std::string out = " --out " + b.ws->out().string();
    b.ready = b.pg->created() &&
              b.ws->clause("-q generate --clients 40 --out " + (b.ws->root() / "csv").string()).exit_code == 0 &&
              b.pg->clause("-q init").exit_code == 0 &&
              b.pg->clause("-q import " + (b.ws->root() / "csv").string()).exit_code == 0 &&
              b.pg->clause("-q statements --month 2026-10" + out).exit_code == 0 &&
              b.pg->clause("-q invoices --date 2026-11-01" + out).exit_code == 0;
    return b;
  }();
  return base;
}

// How the workers of one job are started: how many, and what kills one of them.
struct Workers {
  int count = 0;                // 0: one `clause` process, no coordinator
  std::string first_env;        // environment of the first worker (a CLAUSE_KILL_* hook)
  int sigkill_after_items = 0;  // > 0: the second worker gets SIGKILL once that many items are done
};

// One job: the coordinator in the background, then (once its items are recorded) the workers, all
// waited for; the exit codes "c=0", "w0=0"... one a line, sorted. Each worker's subshell execs
// `clause`, so that $! is the worker's own process id (the one SIGKILL is sent to).
std::string run_job(const testing::PostgresWorkspace& pg, const testing::Workspace& ws, const std::string& job,
                    const Workers& workers, std::string& logs) {
  const std::string out = " --out " + ws.out().string();
  if (workers.count == 0) {
    const auto r = pg.clause("-q " + job + out);
    logs += r.output;
    return "c=" + std::to_string(r.exit_code) + "\n";
  }
  std::string clause = pg.clause_command("-q ");
  clause.replace(clause.find(" && "), 4, " && exec ");
  const std::string dir = ws.root().string(), psql = "psql \"" + pg.url() + "\" -qAt -c ";
  std::string coordinator = pg.clause_command("-q ");
  coordinator.replace(coordinator.find(" && "), 4, " && timeout 120 ");
  std::string script = "rm -f " + dir + "/rc; (" + coordinator + job + out + " --workers > " + dir +
                       "/c.log 2>&1; echo c=$? >> " + dir + "/rc) & ";
  script += "for i in $(seq 600); do [ \"$(" + psql +
            "'SELECT count(*) FROM work_items')\" != 0 ] && break; sleep 0.05; done; ";
  for (int i = 0; i < workers.count; ++i) {
    const std::string w = "w" + std::to_string(i);
    script += "(" + std::string(i == 0 && !workers.first_env.empty() ? "export " + workers.first_env + "; " : "") +
              clause + "worker --idle-exit 1.5 --name " + w + " > " + dir + "/" + w + ".log 2>&1) & P" +
              std::to_string(i) + "=$!; ";
  }
  if (workers.sigkill_after_items > 0)
    script += "for i in $(seq 3000); do [ \"$(" + psql +
              "\"SELECT count(*) FROM work_items WHERE state = 'done'\")\" -ge " +
              std::to_string(workers.sigkill_after_items) + " ] && break; sleep 0.02; done; kill -KILL $P1; ";
  for (int i = 0; i < workers.count; ++i)
    script += "wait $P" + std::to_string(i) + "; echo w" + std::to_string(i) + "=$? >> " + dir + "/rc; ";
  script += "wait; sort " + dir + "/rc";
  const std::string codes = run_command(script).output;
  logs += run_command("cd " + dir + " && tail -n 5 c.log w*.log").output;
  return codes;
}

Night run_night(const std::string& name, const Workers& statements, const Workers& invoices) {
  const October& base = october();
  const std::string db = "clause_" + name + "_" + std::to_string(::getpid());
  testing::PostgresWorkspace pg(db);
  testing::Workspace ws(name + "-" + std::to_string(::getpid()));
  const std::string admin = "psql \"" + testing::with_database(testing::pg_server(), "postgres") + "\" -qAt -c ";
  if (!base.ready || !pg.created() ||
      run_command(admin + "'DROP DATABASE " + db + "' && " + admin + "'CREATE DATABASE " + db + " TEMPLATE " +
                  base.name + "' && cp -a " + base.ws->out().string() + " " + ws.out().string())
              .exit_code != 0)
    return {"", "", "no copy of the October night", ""};
  Night night;
  night.log = run_job(pg, ws, kStatements, statements, night.logs);
  night.log += run_job(pg, ws, kInvoices, invoices, night.logs);
  night.files = run_command("cd " + ws.out().string() +
                            " && find . -name '*.pdf' -o -name '*.xml' -o -name '*.xlsx' -o -name '*.tmp-*' | sort | "
                            "xargs sha256sum")
                    .output;
  night.numbers = pg.psql(
      "SELECT kind || '|' || contract_id || '|' || period || '|' || number FROM issued_documents "
      "WHERE number IS NOT NULL ORDER BY number");
  night.log +=
      "left: " + pg.psql("SELECT (SELECT count(*) FROM work_items) + (SELECT count(*) FROM number_reservations)");
  return night;
}

// The single run every other night is compared with.
const Night& single_run() {
  static const Night night = run_night("workers_single", {}, {});
  return night;
}

// B7: per kind, the numbers are 1..n, each once.
std::string gaps_or_duplicates(const std::string& numbers) {
  std::map<std::string, std::vector<int>> by_kind;
  std::istringstream in(numbers);
  for (std::string line; std::getline(in, line);) {
    const std::string number = line.substr(line.rfind('|') + 1);
    by_kind[number.substr(0, 7)].push_back(std::stoi(number.substr(8)));
  }
  std::string found;
  for (auto& [prefix, seqs] : by_kind) {
    std::sort(seqs.begin(), seqs.end());
    for (std::size_t i = 0; i < seqs.size(); ++i)
      if (seqs[i] != int(i) + 1) {
        found += prefix + " " + std::to_string(seqs[i]) + " at place " + std::to_string(i + 1) + "\n";
        break;
      }
  }
  return found;
}

class WorkersPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::pg_server()) {
      if (testing::pg_required()) FAIL() << "CLAUSE_REQUIRE_PG=1 but CLAUSE_TEST_PG is unset";
      GTEST_SKIP() << "CLAUSE_TEST_PG is unset";
    }
  }
  // The night `night` left is the single run's, documents and numbers.
  static void expect_single_run(const Night& night) {
    const Night& single = single_run();
    ASSERT_NE(single.numbers, "");
    EXPECT_NE(single.files.find("releve-2026-10.pdf"), std::string::npos);
    EXPECT_NE(single.numbers.find("AV-2026-000001"), std::string::npos);  // credit notes too
    EXPECT_EQ(night.files, single.files) << night.logs;
    EXPECT_EQ(night.numbers, single.numbers) << night.logs;
    EXPECT_EQ(gaps_or_duplicates(night.numbers), "");
    EXPECT_NE(night.log.find("left: 0\n"), std::string::npos) << night.logs;
  }
};

TEST_F(WorkersPostgres, SingleRunNumbersWithoutGap) {
  EXPECT_EQ(single_run().log, "c=0\nc=0\nleft: 0\n") << single_run().logs;
  EXPECT_EQ(gaps_or_duplicates(single_run().numbers), "");
}

TEST_F(WorkersPostgres, OneWorkerIssuesTheDocumentsOfASingleRun) {
  const Night night = run_night("workers_one", {1}, {1});
  EXPECT_EQ(night.log, "c=0\nw0=0\nc=0\nw0=0\nleft: 0\n") << night.logs;
  expect_single_run(night);
}

TEST_F(WorkersPostgres, TwoWorkersIssueTheDocumentsOfASingleRun) {
  const Night night = run_night("workers_two", {2}, {2});
  EXPECT_EQ(night.log, "c=0\nw0=0\nw1=0\nc=0\nw0=0\nw1=0\nleft: 0\n") << night.logs;
  expect_single_run(night);
}

TEST_F(WorkersPostgres, ThreeWorkersIssueTheDocumentsOfASingleRun) {
  const Night night = run_night("workers_three", {3}, {3});
  EXPECT_EQ(night.log, "c=0\nw0=0\nw1=0\nw2=0\nc=0\nw0=0\nw1=0\nw2=0\nleft: 0\n") << night.logs;
  expect_single_run(night);
}

// The first worker dies at its 3rd statement, its files committed but not yet in place, and at its
// 2nd invoice or credit note, rendered under a reserved number but not committed: the others
// finish its items (reusing the number), the coordinator puts the committed files in place.
TEST_F(WorkersPostgres, AWorkerKilledMidDocumentLeavesNoGapAndEveryDocumentOnce) {
  const Night night = run_night("workers_killed", {3, "CLAUSE_KILL_AFTER_DOCUMENTS=3 CLAUSE_KILL_POINT=committed"},
                                {3, "CLAUSE_KILL_AFTER_DOCUMENTS=2 CLAUSE_KILL_POINT=staged"});
  EXPECT_EQ(night.log, "c=0\nw0=9\nw1=0\nw2=0\nc=0\nw0=9\nw1=0\nw2=0\nleft: 0\n") << night.logs;
  expect_single_run(night);
}

// A real SIGKILL, wherever the second worker is (claiming, reserving, rendering, committing).
TEST_F(WorkersPostgres, AWorkerGivenSigkillLeavesNoGapAndEveryDocumentOnce) {
  const Night night = run_night("workers_sigkill", {3, "", 8}, {3, "", 8});
  EXPECT_EQ(night.log, "c=0\nw0=0\nw1=137\nw2=0\nc=0\nw0=0\nw1=137\nw2=0\nleft: 0\n") << night.logs;
  expect_single_run(night);
}

}  // namespace
}  // namespace clause
