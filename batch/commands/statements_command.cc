// `clause statements --month YYYY-MM [--contract ID] [--out DIR]`: the monthly SLA statements.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/run_findings.h"
#include "batch/statements_job.h"
#include "batch/worker_coordinator.h"

namespace clause {

void add_statements_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("statements", "issue the monthly SLA statements (PDF and XLSX) of a month");
  struct Options {
    std::string month;
    std::string contract;
    std::filesystem::path out;
    bool workers = false;  // issue 16
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--month", options->month, "the local month, YYYY-MM")->required();
  cmd->add_option("--contract", options->contract, "only this contract");
  cmd->add_option("--out", options->out, "output folder (default: the configuration's)");
  cmd->add_flag("--workers", options->workers,
                "PostgreSQL: plan the contracts as work items, wait while `clause worker` processes do them");
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
      auto month = parse_year_month(options->month);
      if (!month) {
        spdlog::error("--month must be YYYY-MM, not \"{}\"", options->month);
        return int(kUsage);
      }
      StatementsRequest request;
      request.month = *month;
      request.out = options->out.empty() ? context.config().output : options->out;
      if (!options->contract.empty()) request.contract_id = options->contract;
      request.workers = options->workers;
      return run_statements_command(context, DocumentEngine(context.config()), request);
    };
  });
}

std::string statements_summary(const StatementsRequest& request, const StatementsOutcome& outcome) {
  return fmt::format(
      "statements {}: {} issued, {} already issued, {} skipped, {} no longer match the data; manifest {}",
      format_year_month(request.month), outcome.issued, outcome.already_issued, outcome.skipped.size(),
      outcome.drifted.size(), outcome.manifest.string());
}

int run_statements_command(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                           StatementsOutcome* kept) {
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  context.hold_run_lock();
  StatementsOutcome outcome = request.workers || coordinating_workers_in_this_process()  // issue 16
                                  ? run_statements_on_workers(context, engine, request, now)
                                  : run_statements(context, engine, request, now);
  spdlog::info("{}", statements_summary(request, outcome));
  for (long long id : outcome.interrupted_runs) spdlog::warn("run {} had been interrupted: marked failed", id);
  const int code =
      issuing_exit_code(outcome.stopped, outcome.issued,
                        !outcome.skipped.empty() || !outcome.drifted.empty() || !outcome.recovery.problems.empty());
  if (kept) *kept = std::move(outcome);
  return code;
}

}  // namespace clause
