// The night's work items shared by `clause worker` processes on one PostgreSQL (issue 16): one per
// contract and job, in the order a single run takes the contracts (seq). A worker claims an item
// with SELECT ... FOR UPDATE SKIP LOCKED and keeps that transaction, and so the claim, open on a
// connection of its own while it processes the contract; marking it done commits. A worker that
// dies ends its transaction: the item is pending again and another worker takes it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clause {

struct WorkItem {
  long long run_id = 0;   // the coordinator's run: the documents are recorded under it
  int seq = 0;            // the contract's place in the single run's order
  std::string job;        // "statements" or "invoices"
  std::string parameter;  // the month ("2026-10") or the date ("2026-11-01")
  std::string output;     // the shared output folder
  std::string contract_id;
  friend bool operator==(const WorkItem&, const WorkItem&) = default;
};

// Records the items of run `run_id`, one per contract in the order given, in one transaction.
void enqueue_work_items(Database& db, long long run_id, const std::string& job, const std::string& parameter,
                        const std::string& output, const std::vector<std::string>& contracts);

// One claimed item: its row stays locked, by the transaction open on `db`, until complete() or the
// end of this object (rolled back: pending again), or of the connection.
class ItemClaim {
 public:
  // Begins a transaction on `db` (a connection used for nothing else) and locks the first pending
  // item that no other transaction holds; nothing (transaction ended) when there is none.
  static std::optional<ItemClaim> claim_next(Database& db);
  ItemClaim(ItemClaim&& other) noexcept;
  ItemClaim& operator=(ItemClaim&&) = delete;
  ~ItemClaim();
  const WorkItem& item() const { return item_; }
  // Marks the item done, with `result` (JSON of what its processing
  // collected) and the worker's name, and commits: the claim ends.
  void complete(const std::string& worker, const std::string& result);

 private:
  ItemClaim(Database& db, WorkItem item) : db_(&db), item_(std::move(item)) {}
  Database* db_;
  WorkItem item_;
  bool open_ = true;
};

// Items of `run_id` not done yet (pending, or claimed and in progress).
int work_items_not_done(Database& db, long long run_id);
// B7 turn: whether every item of `run_id` before `seq` has reserved all its numbers.
bool earlier_items_numbered(Database& db, long long run_id, int seq);
// Records that item `seq` has reserved all its numbers (in the caller's transaction): the next one's turn.
void mark_item_numbered(Database& db, long long run_id, int seq);
// Whether an item of `run_id` before `seq` is pending and claimed by nobody (its worker died):
// a worker waiting for its turn must hand its own item back, or every worker could wait for it.
bool earlier_item_unclaimed(Database& db, long long run_id, int seq);
// The results of `run_id`'s items in seq order (the single run's order).
std::vector<std::string> work_item_results(Database& db, long long run_id);
// The names of the workers that did `run_id`'s items.
std::vector<std::string> work_item_workers(Database& db, long long run_id);
// Forgets `run_id`'s items and number reservations once its coordinator has finished.
void delete_work_items(Database& db, long long run_id);

}  // namespace clause
