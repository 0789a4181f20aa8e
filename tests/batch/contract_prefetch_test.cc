// Contracts read ahead on a connection of their own (batch/contract_prefetch.h, issue 16): each
// preparation is the one the contract gets in its turn on the run's connection, whichever
// contracts the run asks for, skips or did not announce. The hand-made samples are imported into
// SQLite by the real `clause import`.
#include "batch/contract_prefetch.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include "store/record_repository.h"
#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::Workspace;

class ContractPrefetchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("contract-prefetch-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    auto imported = ws_->clause("import samples");
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  static void TearDownTestSuite() { delete ws_; }

  void SetUp() override {
    context_ = std::make_unique<RunContext>(options(ws_->db_url()));
    preparer_ = std::make_unique<ContractPreparer>(*context_);
    for (const auto& c : load_contracts(context_->database())) ids_.push_back(c.id);
    ASSERT_GE(ids_.size(), 10u);  // samples/README.md: enough contracts to read several ahead
  }

  static GlobalOptions options(const std::string& url) {
    GlobalOptions o;
    o.config_file = std::filesystem::path(CLAUSE_SOURCE_DIR) / "config" / "clause.toml";
    o.database_url = url;
    return o;
  }

  // What a preparation holds that tells one contract's from another's, and its problem if any.
  static std::string summary(const Preparation& p) {
    if (!p.contract) return "problem: " + p.problem.record + ": " + p.problem.reason;
    const ContractRecords& r = p.contract->records;
    return r.contract.id + " account " + r.account.id + " services " + std::to_string(r.services.size()) +
           " fee revisions " + std::to_string(r.fee_revisions.size()) + " incidents " +
           std::to_string(r.incidents.size()) + " outages " + std::to_string(r.outages.size()) + " backups " +
           std::to_string(r.backups.size()) + " payments " + std::to_string(r.payments.size()) + " terms " +
           (p.contract->terms ? r.contract.terms_profile : "none");
  }
  // The contract prepared in its turn on the run's connection.
  std::string in_turn(const std::string& id) {
    ContractPreparer preparer(*context_);
    Preparation p;
    p.contract = preparer.prepare(id, kFeesThrough, p.problem);
    return summary(p);
  }

  static constexpr Date kFeesThrough{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};
  static Workspace* ws_;
  std::unique_ptr<RunContext> context_;
  std::unique_ptr<ContractPreparer> preparer_;  // the run's, for the contracts not read ahead
  std::vector<std::string> ids_;
};
Workspace* ContractPrefetchTest::ws_ = nullptr;

TEST_F(ContractPrefetchTest, EveryContractAskedInOrderIsTheOnePreparedInItsTurn) {
  ContractPrefetch prefetch(*context_, *preparer_, ids_, kFeesThrough, 3);
  ASSERT_TRUE(prefetch.prefetching());
  for (const auto& id : ids_) EXPECT_EQ(summary(prefetch.next(id)), in_turn(id)) << id;
}

TEST_F(ContractPrefetchTest, ContractsSkippedByTheRunAreDroppedAndTheNextAskedIsStillRight) {
  ContractPrefetch prefetch(*context_, *preparer_, ids_, kFeesThrough, 2);
  for (std::size_t i = 1; i < ids_.size(); i += 3) EXPECT_EQ(summary(prefetch.next(ids_[i])), in_turn(ids_[i]));
}

TEST_F(ContractPrefetchTest, AContractNotAnnouncedOrAlreadyTakenIsPreparedNow) {
  std::vector<std::string> some(ids_.begin() + 2, ids_.end());
  ContractPrefetch prefetch(*context_, *preparer_, some, kFeesThrough, 4);
  EXPECT_EQ(summary(prefetch.next(some[0])), in_turn(some[0]));
  EXPECT_EQ(summary(prefetch.next(ids_[0])), in_turn(ids_[0]));  // not announced
  EXPECT_EQ(summary(prefetch.next(some[0])), in_turn(some[0]));  // taken already
  EXPECT_EQ(summary(prefetch.next(some[1])), in_turn(some[1]));  // the read-ahead goes on
}

TEST_F(ContractPrefetchTest, AnUnknownContractGivesItsProblemInItsTurn) {
  std::vector<std::string> with_unknown{ids_[0], "CTR-NO-SUCH", ids_[1]};
  ContractPrefetch prefetch(*context_, *preparer_, with_unknown, kFeesThrough, 2);
  EXPECT_EQ(summary(prefetch.next(ids_[0])), in_turn(ids_[0]));
  EXPECT_EQ(summary(prefetch.next("CTR-NO-SUCH")), "problem: contract CTR-NO-SUCH: no such contract");
  EXPECT_EQ(summary(prefetch.next(ids_[1])), in_turn(ids_[1]));
}

TEST_F(ContractPrefetchTest, StoppedBeforeTheEndItLeavesNothingRunning) {
  {
    ContractPrefetch prefetch(*context_, *preparer_, ids_, kFeesThrough, 1);
  }  // never asked: the thread waits, then stops
  ContractPrefetch prefetch(*context_, *preparer_, ids_, kFeesThrough, 1);
  EXPECT_EQ(summary(prefetch.next(ids_[0])), in_turn(ids_[0]));
}

TEST_F(ContractPrefetchTest, AnInMemoryDatabaseHasNoSecondConnectionSoEachContractIsPreparedInItsTurn) {
  RunContext memory(options("sqlite::memory:"));
  memory.database(true);  // migrated: empty
  ContractPreparer memory_preparer(memory);
  ContractPrefetch prefetch(memory, memory_preparer, {"CTR-A", "CTR-B"}, kFeesThrough, 2);
  EXPECT_FALSE(prefetch.prefetching());
  EXPECT_EQ(summary(prefetch.next("CTR-B")), "problem: contract CTR-B: no such contract");
}

}  // namespace
}  // namespace clause
