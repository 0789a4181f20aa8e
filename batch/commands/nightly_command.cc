// `clause nightly [--date D] [--out DIR] [--dry-run]`: everything due tonight, with the missed nights first
// (batch/nightly.h). D defaults to today in the provider's zone ([time] default_zone): the one place
// Clause reads the wall clock for a date.
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/nightly.h"
#include "batch/worker_coordinator.h"
#include "rules/calendar.h"

namespace clause {

void add_nightly_command(CLI::App& app, CommandAction& action, GlobalOptions& global) {
  auto* cmd = app.add_subcommand("nightly", "run everything due tonight, catching up missed nights first (for cron)");
  struct Options {
    std::string date;
    std::filesystem::path out;
    bool dry_run = false;
    bool workers = false;  // issue 16
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--date", options->date, "the night, YYYY-MM-DD (default: today in the provider's zone)");
  cmd->add_option("--out", options->out, "output folder (default: the configuration's)");
  cmd->add_flag(
      "--dry-run", options->dry_run,
      "rehearse on a copy of the database (SQLite): the nightly report only, nothing issued, no number taken");
  cmd->add_flag(
      "--workers", options->workers,
      "PostgreSQL: the statements and invoices steps wait while `clause worker` processes do their contracts");
  cmd->callback([&action, options, &global] {
    action = [options, &global](RunContext& context) {
      const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      std::optional<Date> date;
      if (options->date.empty()) {
        const Config& c = context.config();
        date = ContractClock(c.zone(c.default_time_zone), HolidayZone::metropole, BusinessHours{}).to_local(now).date;
      } else if (!(date = parse_date(options->date))) {
        spdlog::error("--date must be YYYY-MM-DD, not \"{}\"", options->date);
        return int(kUsage);
      }
      NightlyRequest request;
      request.date = *date;
      request.out = options->out.empty() ? context.config().output : options->out;
      if (options->dry_run) return run_nightly_dry_run(global, context, request, now);
      coordinate_workers_in_this_process(options->workers);  // issue 16
      return run_nightly(context, DocumentEngine(context.config()), request, now);
    };
  });
}

}  // namespace clause
