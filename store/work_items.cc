#include "store/work_items.h"

#include "store/table_rows.h"

namespace clause {

void enqueue_work_items(Database& db, long long run_id, const std::string& job, const std::string& parameter,
                        const std::string& output, const std::vector<std::string>& contracts) {
  soci::transaction tx(db.session());
  int seq = 0;
  std::string contract;
  soci::statement insert = (db.session().prepare << db.query("work_items.insert"), soci::use(run_id, "run"),
                            soci::use(seq, "seq"), soci::use(job, "job"), soci::use(parameter, "parameter"),
                            soci::use(output, "output"), soci::use(contract, "contract"));
  for (const auto& c : contracts) {
    contract = c;
    insert.execute(true);
    ++seq;
  }
  tx.commit();
}

std::optional<ItemClaim> ItemClaim::claim_next(Database& db) {
  db.session().begin();
  try {
    auto rows = select_cells(db, db.query("work_items.claim"), 6);
    if (rows.empty()) {
      db.session().commit();
      return std::nullopt;
    }
    const auto& r = rows.front();
    WorkItem item{std::stoll(r[0].value_or("0")),
                  std::stoi(r[1].value_or("0")),
                  r[2].value_or(""),
                  r[3].value_or(""),
                  r[4].value_or(""),
                  r[5].value_or("")};
    return ItemClaim(db, std::move(item));
  } catch (...) {
    try {
      db.session().rollback();
    } catch (...) {
    }
    throw;
  }
}

ItemClaim::ItemClaim(ItemClaim&& other) noexcept : db_(other.db_), item_(std::move(other.item_)), open_(other.open_) {
  other.open_ = false;
}

ItemClaim::~ItemClaim() {
  if (!open_) return;
  try {
    db_->session().rollback();
  } catch (...) {
    // the connection is gone: the server ended the transaction, the item is pending again
  }
}

void ItemClaim::complete(const std::string& worker, const std::string& result) {
  db_->session() << db_->query("work_items.complete"), soci::use(worker, "worker"), soci::use(result, "result"),
      soci::use(item_.run_id, "run"), soci::use(item_.seq, "seq");
  db_->session().commit();
  open_ = false;
}

int work_items_not_done(Database& db, long long run_id) {
  int n = 0;
  db.session() << db.query("work_items.not_done"), soci::use(run_id, "run"), soci::into(n);
  return n;
}

bool earlier_items_numbered(Database& db, long long run_id, int seq) {
  int n = 0;
  db.session() << db.query("numbered_work_items.earlier"), soci::use(run_id, "run"), soci::use(seq, "seq"),
      soci::into(n);
  return n == seq;  // seq counts from 0: items 0 .. seq - 1 all numbered
}

void mark_item_numbered(Database& db, long long run_id, int seq) {
  db.session() << db.query("numbered_work_items.insert"), soci::use(run_id, "run"), soci::use(seq, "seq");
}

bool earlier_item_unclaimed(Database& db, long long run_id, int seq) {
  soci::transaction tx(db.session());
  const auto rows = select_cells(db, db.query("work_items.earlier_unclaimed"), 1,
                                 {{"run", std::to_string(run_id)}, {"seq", std::to_string(seq)}});
  tx.rollback();  // only looked: the lock taken by SKIP LOCKED is let go at once
  return !rows.empty();
}

std::vector<std::string> work_item_results(Database& db, long long run_id) {
  std::vector<std::string> out;
  for (const auto& r : select_cells(db, db.query("work_items.results"), 1, {{"run", std::to_string(run_id)}}))
    out.push_back(r[0].value_or(""));
  return out;
}

std::vector<std::string> work_item_workers(Database& db, long long run_id) {
  std::vector<std::string> out;
  for (const auto& r : select_cells(db, db.query("work_items.workers"), 1, {{"run", std::to_string(run_id)}}))
    out.push_back(r[0].value_or(""));
  return out;
}

void delete_work_items(Database& db, long long run_id) {
  soci::transaction tx(db.session());
  db.session() << db.query("number_reservations.delete_run"), soci::use(run_id, "run");
  db.session() << db.query("numbered_work_items.delete"), soci::use(run_id, "run");
  db.session() << db.query("work_items.delete"), soci::use(run_id, "run");
  tx.commit();
}

}  // namespace clause
