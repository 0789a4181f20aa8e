// `clause invoices --date YYYY-MM-DD [--contract ID] [--out DIR]`: the invoices and credit notes due
// on a date (Factur-X PDFs), the billing journal and unpaid list of that date.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/invoices_job.h"
#include "batch/run_findings.h"
#include "batch/worker_coordinator.h"

namespace clause {

void add_invoices_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("invoices", "issue the invoices and credit notes due on a date (Factur-X PDF)");
  struct Options {
    std::string date;
    std::string contract;
    std::filesystem::path out;
    bool workers = false;  // issue 16
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--date", options->date, "the issue date, YYYY-MM-DD")->required();
  cmd->add_option("--contract", options->contract, "only this contract");
  cmd->add_option("--out", options->out, "output folder (default: the configuration's)");
  cmd->add_flag("--workers", options->workers,
                "PostgreSQL: plan the contracts as work items, wait while `clause worker` processes do them");
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
      auto date = parse_date(options->date);
      if (!date) {
        spdlog::error("--date must be YYYY-MM-DD, not \"{}\"", options->date);
        return int(kUsage);
      }
      InvoicesRequest request{*date, std::nullopt, options->out.empty() ? context.config().output : options->out};
      if (!options->contract.empty()) request.contract_id = options->contract;
      request.workers = options->workers;
      return run_invoices_command(context, DocumentEngine(context.config()), request);
    };
  });
}

std::string invoices_summary(const InvoicesRequest& request, const InvoicesOutcome& outcome) {
  return fmt::format(
      "invoices {}: {} invoices and {} credit notes issued, {} already issued, {} skipped, "
      "{} months of credits waiting for their invoice; journal {}",
      format_date(request.date), outcome.invoices_issued, outcome.credit_notes_issued, outcome.already_issued,
      outcome.skipped.size(), outcome.waiting_credits.size(), outcome.journal.string());
}

int run_invoices_command(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                         InvoicesOutcome* kept) {
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  context.hold_run_lock();
  InvoicesOutcome outcome = request.workers || coordinating_workers_in_this_process()  // issue 16
                                ? run_invoices_on_workers(context, engine, request, now)
                                : run_invoices(context, engine, request, now);
  spdlog::info("{}", invoices_summary(request, outcome));
  for (long long id : outcome.interrupted_runs) spdlog::warn("run {} had been interrupted: marked failed", id);
  const int code = issuing_exit_code(outcome.stopped, outcome.invoices_issued + outcome.credit_notes_issued,
                                     !outcome.skipped.empty() || !outcome.recovery.problems.empty());
  if (kept) *kept = std::move(outcome);
  return code;
}

}  // namespace clause
