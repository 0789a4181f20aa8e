#include "batch/worker.h"

#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <thread>

#include <spdlog/spdlog.h>

#include "batch/document_publication.h"
#include "batch/exit_codes.h"
#include "batch/job_items.h"
#include "batch/run_stop.h"
#include "batch/worker_results.h"
#include "store/document_planning.h"
#include "store/ledger.h"
#include "store/number_reservation.h"
#include "store/process_liveness.h"
#include "store/work_items.h"

namespace clause {
namespace {

// One run's processor, built at its first item and kept for the next ones (templates, fonts and
// prepared state once per run, as in a single run).
class RunItems {
 public:
  RunItems(RunContext& context, const DocumentEngine& engine, const WorkItem& item) {
    Database& db = context.database();
    const auto run = load_run(db, item.run_id);
    if (!run) throw std::runtime_error("work item of run " + std::to_string(item.run_id) + ": no such run");
    if (item.job == "statements") {
      // "2026-10" or "2026-10@2026-11-02": the month and the date of a corrective (the coordinator's).
      const auto at = item.parameter.find('@');
      auto month = parse_year_month(item.parameter.substr(0, at));
      if (!month)
        throw std::runtime_error("work item of run " + std::to_string(item.run_id) + ": no month in \"" +
                                 item.parameter + "\"");
      statements_request_ = StatementsRequest{*month, std::nullopt, item.output, std::nullopt};
      if (at != std::string::npos) statements_request_.correction_date = parse_date(item.parameter.substr(at + 1));
      statements_.emplace(context, engine, statements_request_, item.run_id, run->started);
    } else {
      auto date = parse_date(item.parameter);
      if (!date)
        throw std::runtime_error("work item of run " + std::to_string(item.run_id) + ": no date in \"" +
                                 item.parameter + "\"");
      invoices_request_ = InvoicesRequest{*date, std::nullopt, item.output};
      invoices_.emplace(context, engine, invoices_request_, item.run_id);
    }
  }

  // The item's result (worker_results.h). Invoices and credit notes: planned first (which
  // documents it numbers), their numbers reserved in the item's turn, then issued for real.
  std::string process(Database& db, NumberReservations& reservations, const WorkItem& item) {
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    if (statements_) {
      StatementsOutcome outcome;
      const int before = statements_->left_out();
      statements_->process(item.contract_id, outcome, documents);
      return statements_item_result(outcome, documents, statements_->left_out() - before);
    }
    reservations.reserve(plan(db, item));
    InvoicesOutcome outcome;
    invoices_->process(item.contract_id, outcome, documents);
    return invoices_item_result(outcome, documents);
  }

 private:
  // The numbered documents of the item, in order: the single run's code in a transaction rolled
  // back, nothing rendered, its log silenced (the real pass says it all once).
  std::vector<PlannedNumber> plan(Database& db, const WorkItem& item) {
    struct Quiet {
      spdlog::level::level_enum level = spdlog::default_logger()->level();
      Quiet() { spdlog::default_logger()->set_level(spdlog::level::off); }
      ~Quiet() { spdlog::default_logger()->set_level(level); }
    } quiet;
    DocumentPlanning planning(db);
    InvoicesOutcome outcome;
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    invoices_->process(item.contract_id, outcome, documents);
    return planning.planned();
  }

 private:
  StatementsRequest statements_request_;
  InvoicesRequest invoices_request_;
  std::optional<StatementsItems> statements_;
  std::optional<InvoicesItems> invoices_;
};

std::string default_name() { return this_host() + ":" + std::to_string(::getpid()); }

}  // namespace

int run_worker(RunContext& context, const WorkerOptions& options) {
  Database& db = context.database();
  if (db.dialect() != Dialect::postgresql) {
    spdlog::error("{}", kWorkersNeedPostgres);
    return kFailure;
  }
  const std::string name = options.name.empty() ? default_name() : options.name;
  // Three connections: the documents' (the single run's code), the claim's (its transaction open
  // for the item's whole length) and the reservations' (short transactions of their own).
  auto claims = Database::open(context.config().database_url);
  auto reservation_db = Database::open(context.config().database_url);
  NumberReservations reservations(*reservation_db);
  install_number_reservations(&reservations);
  struct Uninstall {
    ~Uninstall() { install_number_reservations(nullptr); }
  } uninstall;
  const DocumentEngine engine(context.config());
  std::map<long long, std::unique_ptr<RunItems>> runs;
  int done = 0;
  auto idle_since = std::chrono::steady_clock::now();
  spdlog::info("worker {} waiting for work items", name);
  while (true) {
    std::optional<ItemClaim> claim = [&]() -> std::optional<ItemClaim> {
      try {
        return ItemClaim::claim_next(*claims);
      } catch (const std::exception& e) {
        spdlog::error("worker {}: cannot claim a work item: {}", name, e.what());
        throw RunStopped(e.what());
      }
    }();
    if (!claim) {
      const std::chrono::duration<double> idle = std::chrono::steady_clock::now() - idle_since;
      if (options.idle_seconds && idle.count() >= *options.idle_seconds) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    const WorkItem item = claim->item();
    try {
      // Runs come one after the other: a long-running worker keeps only the current one's state.
      if (!runs.count(item.run_id)) runs.clear();
      auto& run = runs[item.run_id];
      if (!run) run = std::make_unique<RunItems>(context, engine, item);
      reservations.set_item(item.run_id, item.seq);
      const std::string result = run->process(db, reservations, item);
      publish_issued_documents();  // the item's documents are on disk before it is done
      claim->complete(name, result);
      ++done;
    } catch (const TurnHandedBack& e) {
      spdlog::info("worker {}: {}", name, e.what());  // claim rolled back below: pending again
    } catch (const std::exception& e) {
      spdlog::error("worker {}: {} {} of run {} stopped: {}", name, item.job, item.contract_id, item.run_id, e.what());
      return kFailure;  // the claim's transaction rolls back: another worker takes the item
    }
    for (const auto& problem : reservations.take_problems()) spdlog::error("worker {}: {}", name, problem);
    idle_since = std::chrono::steady_clock::now();
  }
  spdlog::info("worker {}: {} work items done, none left for {} s", name, done, *options.idle_seconds);
  return kDone;
}

}  // namespace clause
