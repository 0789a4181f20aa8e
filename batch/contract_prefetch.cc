#include "batch/contract_prefetch.h"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace clause {
namespace {

// A second connection to the context's database, or none when it has no second connection.
std::unique_ptr<Database> second_connection(RunContext& context) {
  Database& db = context.database();
  if (db.dialect() == Dialect::sqlite && db.sqlite_file().empty()) return nullptr;  // in memory
  try {
    return Database::open(context.config().database_url, db.sql_dir());
  } catch (const std::exception& e) {
    spdlog::debug("contracts prepared in their turn: {}", e.what());
    return nullptr;
  }
}

}  // namespace

ContractPrefetch::ContractPrefetch(RunContext& context, const ContractPreparer& in_turn, std::vector<std::string> ids,
                                   Date fees_through, std::size_t ahead)
    : context_(context),
      ids_(std::move(ids)),
      fees_through_(fees_through),
      ahead_(std::max<std::size_t>(1, ahead)),
      in_turn_(in_turn) {
  if (ids_.size() < 2) return;  // nothing to read ahead of
  connection_ = second_connection(context);
  if (connection_) thread_ = std::thread([this] { prepare_all(*connection_); });
}

ContractPrefetch::~ContractPrefetch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ContractPrefetch::prepare_all(Database& db) {
  std::optional<ContractPreparer> preparer;
  std::exception_ptr setup_error;
  try {
    preparer.emplace(context_, db);
  } catch (...) {
    setup_error = std::current_exception();  // reported with each contract, as in their turn
  }
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || i < taken_ + ahead_; });
      if (stopping_) return;
      if (i < taken_) continue;  // dropped before it was prepared
    }
    Slot slot{ids_[i], {}, setup_error};
    if (preparer) try {
        slot.preparation.contract = preparer->prepare(ids_[i], fees_through_, slot.preparation.problem);
      } catch (...) {
        slot.error = std::current_exception();
      }
    {
      std::lock_guard lock(mutex_);
      if (i >= taken_) ready_.push_back(std::move(slot));
    }
    changed_.notify_all();
  }
}

Preparation ContractPrefetch::next(const std::string& id) {
  Slot slot;
  {
    std::unique_lock lock(mutex_);
    const auto from = ids_.begin() + std::ptrdiff_t(std::min(taken_, ids_.size()));
    const auto at = std::find(from, ids_.end(), id);
    if (!prefetching() || at == ids_.end()) {
      lock.unlock();
      Preparation p;
      p.contract = in_turn_.prepare(id, fees_through_, p.problem);
      return p;
    }
    // Drops the contracts given before `id` and not asked for; then waits for `id`'s turn.
    const std::size_t position = std::size_t(at - ids_.begin());
    while (!ready_.empty() && ready_.front().id != id) ready_.pop_front();
    taken_ = position;
    changed_.notify_all();
    changed_.wait(lock, [&] { return !ready_.empty() && ready_.front().id == id; });
    slot = std::move(ready_.front());
    ready_.pop_front();
    taken_ = position + 1;
  }
  changed_.notify_all();
  if (slot.error) std::rethrow_exception(slot.error);
  return std::move(slot.preparation);
}

}  // namespace clause
