// `clause demo`: the main job on the sample data, as the nightly cron would have run it: creates the
// database, imports samples/, checks them, then runs `clause nightly` for each night of the sample
// period (statements of the month before on each 1st, invoices and credit notes every night). One
// document engine for the whole run. Says where the documents are.
#include <set>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/nightly.h"
#include "rules/calendar.h"
#include "rules/consistency.h"
#include "store/csv_import.h"
#include "store/record_repository.h"

namespace clause {

void add_demo_command(CLI::App& app, CommandAction& action, GlobalOptions&) {
  auto* cmd = app.add_subcommand("demo", "initialise the database, import samples/ and run the nightly jobs on them");
  struct Options {
    std::filesystem::path samples = "samples";
    std::string from = "2026-11-01", to = "2026-12-01";
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--samples", options->samples, "sample CSV directory")->capture_default_str();
  cmd->add_option("--from", options->from, "first night (YYYY-MM-DD)")->capture_default_str();
  cmd->add_option("--to", options->to, "last night (YYYY-MM-DD)")->capture_default_str();
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
      auto from = parse_date(options->from), to = parse_date(options->to);
      if (!from || !to || *to < *from) {
        spdlog::error("--from and --to must be dates YYYY-MM-DD, --from first");
        return int(kUsage);
      }
      context.hold_run_lock();
      const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      Database& db = context.database(/*migrate=*/true);
      ImportReport report = import_directory(db, options->samples);
      if (!report.ok()) {
        for (const auto& e : report.errors) spdlog::error("{}", e);
        return int(kInputRefused);
      }
      std::size_t rows = 0;
      for (const auto& f : report.files) rows += f.rows;
      spdlog::info("imported {} rows from {} files of {}", rows, report.files.size(), options->samples.string());
      std::set<std::string> profiles;
      for (const auto& [name, p] : context.profiles()) profiles.insert(name);
      for (const auto& f : check_consistency(load_data_set(db), profiles))
        spdlog::warn("check: {} {}: {}", f.entity, f.id, f.reason);

      // The nights as cron would run them (batch/nightly.h): statements on each 1st, then the
      // invoices and credit notes due; each night has its report, the last one summed up on stderr.
      const DocumentEngine engine(context.config());
      const auto out = context.config().output;
      int code = kDone;
      for (Date night = *from; night <= *to; night = add_days(night, 1)) {
        NightlyRequest request;
        request.date = night;
        request.out = out;
        request.summary = night == *to;
        code = std::max(code, run_nightly(context, engine, request, now));
      }
      // Issue 13: the e-mails of the nights, always to the outbox (never a relay, whatever [mail] says).
      SendRequest outbox;
      outbox.outbox = out / "outbox";
      if (context.config().mail.mode != "smtp") code = std::max(code, run_send_command(context, outbox, now));
      spdlog::info("documents are in {}: statements per month, invoices and credit notes under invoices/",
                   out.string());
      return code;
    };
  });
}

}  // namespace clause
