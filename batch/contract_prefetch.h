// Contracts prepared ahead, on a thread and a database connection of their own (issue 16). The
// invoices' main thread plans each document, records it in its transaction and publishes it; it
// bounded the run (~145 % CPU on two cores), and reading and checking each contract's records was
// a fifth of its time. A contract is prepared before anything of it is issued tonight, and a run
// writes no contract's records but that contract's own fee revisions (B3), in its own turn: read
// a few contracts earlier on another connection, the records are the same. An in-memory SQLite
// database has no second connection, nor does a server that refuses one: those contracts are
// prepared in their turn, as without the prefetch.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/prepared_contract.h"

namespace clause {

// A contract ready for the rules, or why it is not (ContractPreparer::prepare's two results).
struct Preparation {
  std::optional<PreparedContract> contract;
  ContractProblem problem;  // when !contract
};

class ContractPrefetch {
 public:
  // Prepares `ids` in that order, with fees revised through `fees_through`, at most `ahead`
  // contracts before the one asked for (their records stay in memory meanwhile). `in_turn` (the
  // run's own, on the context's connection) prepares those that cannot be read ahead; it must
  // outlive the prefetch.
  ContractPrefetch(RunContext& context, const ContractPreparer& in_turn, std::vector<std::string> ids,
                   Date fees_through, std::size_t ahead);
  ContractPrefetch(const ContractPrefetch&) = delete;
  ContractPrefetch& operator=(const ContractPrefetch&) = delete;
  ~ContractPrefetch();

  // The preparation of `id`; rethrows what preparing it threw. The contracts given and skipped
  // since the last call are dropped; one not given (or given earlier) is prepared now, on the
  // context's connection.
  Preparation next(const std::string& id);
  // Whether contracts are read on a connection of their own (false: each is prepared in its turn).
  bool prefetching() const { return thread_.joinable(); }

 private:
  struct Slot {
    std::string id;
    Preparation preparation;
    std::exception_ptr error;
  };
  void prepare_all(Database& db);

  RunContext& context_;
  const std::vector<std::string> ids_;
  const Date fees_through_;
  const std::size_t ahead_;
  const ContractPreparer& in_turn_;  // on the context's connection
  std::unique_ptr<Database> connection_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Slot> ready_;  // prepared, in the order of ids_, not yet taken
  std::size_t taken_ = 0;   // ids_ before this position were taken or dropped
  bool stopping_ = false;
  std::thread thread_;  // declared last: started once everything above is set
};

}  // namespace clause
