// `clause worker [--idle-exit SECONDS] [--name NAME]` (issue 16): processes the work items that
// `clause statements|invoices|nightly --workers` coordinators plan on the shared PostgreSQL, one
// contract at a time, writing to the coordinator's output folder (batch/worker.h).
#include "batch/command.h"
#include "batch/worker.h"

namespace clause {

void add_worker_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("worker", "process the work items of runs started with --workers (PostgreSQL)");
  auto options = std::make_shared<WorkerOptions>();
  auto idle = std::make_shared<double>(-1);
  cmd->add_option("--idle-exit", *idle, "end after this many seconds with nothing to claim (default: never)");
  cmd->add_option("--name", options->name, "the name recorded on the items it did (default: HOST:PID)");
  cmd->callback([&action, options, idle] {
    action = [options, idle](RunContext& context) {
      if (*idle >= 0) options->idle_seconds = *idle;
      return run_worker(context, *options);
    };
  });
}

}  // namespace clause
