// `clause gdpr --date D [--out DIR] [--apply] [--replay] [--audit-file FILE]`: the GDPR inactivity
// list, reminders, purge and retention (RULES G1-G6, batch/gdpr_run.h, docs/gdpr.md). A dry run by
// default: it writes the list and the reminders, and changes no personal data.
#include <chrono>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/gdpr_run.h"

namespace clause {

void add_gdpr_command(CLI::App& app, CommandAction& action) {
  auto* cmd =
      app.add_subcommand("gdpr", "list inactive accounts (PDF, XLSX), remind, and with --apply purge them (G1-G6)");
  struct Options {
    std::string date;
    std::filesystem::path out;
    bool apply = false;
    bool replay = false;
    std::filesystem::path audit_file;
  };
  auto options = std::make_shared<Options>();
  auto* date = cmd->add_option("--date", options->date, "the run date, YYYY-MM-DD");
  cmd->add_option("--out", options->out, "output folder (default: the configuration's)");
  auto* apply =
      cmd->add_flag("--apply", options->apply, "purge the inactive accounts and destroy the documents past retention");
  auto* replay = cmd->add_flag("--replay", options->replay,
                               "apply again the purges of the audit file the database does not hold (after a restore)");
  apply->excludes(replay);
  replay->excludes(date);
  cmd->add_option("--audit-file", options->audit_file,
                  "the audit file (default: the configuration's [gdpr] audit_file)");
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
      const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      GdprRequest request;
      if (!options->replay) {
        const std::optional<Date> d = parse_date(options->date);
        if (!d) {
          spdlog::error("--date must be YYYY-MM-DD, not \"{}\"", options->date);
          return int(kUsage);
        }
        request.date = *d;
      }
      request.out = options->out.empty() ? context.config().output : options->out;
      request.apply = options->apply;
      request.replay = options->replay;
      request.audit_file = options->audit_file.empty() ? context.config().gdpr_audit_file : options->audit_file;
      // The e-mails of `clause send` carry the people's addresses: a purge removes them too.
      request.outbox = context.config().mail.outbox.empty() ? request.out / "outbox" : context.config().mail.outbox;
      return run_gdpr(context, DocumentEngine(context.config()), request, now);
    };
  });
}

}  // namespace clause
