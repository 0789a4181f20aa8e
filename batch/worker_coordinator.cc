#include "batch/worker_coordinator.h"

#include <thread>

#include <spdlog/spdlog.h>

#include "batch/billing_journal.h"
#include "batch/billing_output.h"
#include "batch/job_items.h"
#include "batch/output_recovery.h"
#include "batch/worker.h"
#include "batch/worker_results.h"
#include "store/ledger.h"
#include "store/work_items.h"

namespace clause {
namespace {

void require_postgres(Database& db) {
  if (db.dialect() != Dialect::postgresql) throw std::runtime_error(kWorkersNeedPostgres);
}

// Waits until every item of `run_id` is done, saying now and then how many are left.
void wait_for_workers(Database& db, long long run_id, const std::string& what, std::size_t items) {
  auto said = std::chrono::steady_clock::now();
  spdlog::info("{}: {} work items for the workers (clause worker)", what, items);
  for (int left; (left = work_items_not_done(db, run_id)) > 0;) {
    if (std::chrono::steady_clock::now() - said > std::chrono::seconds(30)) {
      spdlog::info("{}: {} of {} work items left", what, left, items);
      said = std::chrono::steady_clock::now();
    }
    std::this_thread::sleep_for(kCoordinatorPoll);
  }
  spdlog::info("{}: every work item done (workers: {})", what, fmt::join(work_item_workers(db, run_id), ", "));
}

// What a killed worker left (a file committed but not yet renamed, a temporary never committed)
// is completed or removed now that no worker writes for this run, and reported with the rest.
void recover_after_workers(Database& db, const std::filesystem::path& out, OutputRecovery& recovery) {
  OutputRecovery late = recover_output(db, out);
  for (auto& p : late.published) recovery.published.push_back(std::move(p));
  for (auto& p : late.removed) recovery.removed.push_back(std::move(p));
  for (auto& p : late.problems) recovery.problems.push_back(std::move(p));
}

bool coordinating = false;

}  // namespace

void coordinate_workers_in_this_process(bool on) { coordinating = on; }
bool coordinating_workers_in_this_process() { return coordinating; }

StatementsOutcome run_statements_on_workers(RunContext& context, const DocumentEngine& engine,
                                            const StatementsRequest& request, Instant now) {
  Database& db = context.database();
  require_postgres(db);
  (void)engine;  // the workers render; the coordinator writes only the manifest
  StatementsOutcome outcome;
  start_statements_run(db, request, now, outcome);
  const std::vector<std::string> ids = statements_contracts(context, request);
  std::string parameter = format_year_month(request.month);
  if (request.correction_date) parameter += "@" + format_date(*request.correction_date);
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  int left_out = 0;
  try {
    enqueue_work_items(db, outcome.run_id, "statements", parameter, request.out.string(), ids);
    wait_for_workers(db, outcome.run_id, "statements " + parameter, ids.size());
    for (const auto& r : work_item_results(db, outcome.run_id))
      add_statements_item_result(r, outcome, documents, left_out);
    recover_after_workers(db, request.out, outcome.recovery);
    delete_work_items(db, outcome.run_id);
  } catch (const std::exception& e) {
    outcome.stopped = e.what();
    spdlog::error("statements {} stopped: {}", format_year_month(request.month), e.what());
  }
  finish_statements_run(context, request, outcome, documents, int(ids.size()), left_out, now);
  return outcome;
}

InvoicesOutcome run_invoices_on_workers(RunContext& context, const DocumentEngine& engine,
                                        const InvoicesRequest& request, Instant now) {
  Database& db = context.database();
  require_postgres(db);
  InvoicesOutcome outcome;
  start_invoices_run(db, request, now, outcome);
  const BillingOutput output(engine, request.out);
  const std::vector<std::string> ids = invoices_contracts(context, request);
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  try {
    enqueue_work_items(db, outcome.run_id, "invoices", format_date(request.date), request.out.string(), ids);
    wait_for_workers(db, outcome.run_id, "invoices " + format_date(request.date), ids.size());
    for (const auto& r : work_item_results(db, outcome.run_id)) add_invoices_item_result(r, outcome, documents);
    recover_after_workers(db, request.out, outcome.recovery);
    delete_work_items(db, outcome.run_id);
    outcome.journal = write_billing_journal(db, context.profiles(), output, request.date, request.contract_id,
                                            outcome.waiting_credits);
  } catch (const std::exception& e) {
    outcome.stopped = e.what();
    spdlog::error("invoices {} stopped: {}", format_date(request.date), e.what());
  }
  finish_invoices_run(context, output, request, outcome, documents, int(ids.size()), now);
  return outcome;
}

}  // namespace clause
