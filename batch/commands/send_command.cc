// `clause send [--date D | --run R | --document NUMBER] [--outbox DIR]` (issue 13, docs/email.md):
// e-mails each client the issued documents not yet delivered (batch/send_job.h), through the relay
// of [mail] or into an outbox of .eml files. Holds the run lock; recorded as a `send` run.
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/send_job.h"
#include "reports/templates/template_error.h"
#include "settings/toml_reader.h"
#include "store/ledger.h"

namespace clause {

int run_send_command(RunContext& context, const SendRequest& request, Instant now) {
  context.hold_run_lock();
  Database& db = context.database();
  std::string parameters = request.date       ? "--date " + format_date(*request.date)
                           : request.run      ? "--run " + std::to_string(*request.run)
                           : request.document ? "--document " + *request.document
                                              : "";
  const long long run_id = start_run(db, "send", parameters, now);
  SendReport report;
  try {
    report = run_send_job(db, context.config(), request, now, run_id);
  } catch (const templates::TemplateError& e) {
    spdlog::error("{}", e.what());
    finish_run(db, run_id, now, RunStatus::failed, {});
    return kFailure;
  } catch (const ConfigError& e) {
    for (const auto& problem : e.problems()) spdlog::error("{}", problem);
    finish_run(db, run_id, now, RunStatus::failed, {});
    return kFailure;
  } catch (const soci::soci_error&) {
    throw;  // the database: cli.cc reports it (exit 2)
  } catch (const std::runtime_error& e) {
    spdlog::error("{}", e.what());
    finish_run(db, run_id, now, RunStatus::failed, {});
    return kFailure;
  }
  for (const auto& problem : report.problems) spdlog::warn("send: {}", problem);
  spdlog::info(
      "send: {} message(s) sent, {} deferred, {} failed, {} waiting for their retry, {} document(s) "
      "without a billing contact",
      report.sent, report.deferred, report.failed, report.waiting, report.documents_without_contact);
  finish_run(db, run_id, now, report.needs_a_look() ? RunStatus::partial : RunStatus::succeeded,
             {report.sent, report.failed + report.deferred, 0});
  return report.needs_a_look() ? kDoneWithRejects : kDone;
}

void add_send_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("send", "e-mail each client the issued documents not yet delivered");
  struct Options {
    std::string date;
    long long run = 0;
    std::string document;
    std::filesystem::path outbox;
  };
  auto options = std::make_shared<Options>();
  auto* date = cmd->add_option("--date", options->date, "only the documents issued that day, YYYY-MM-DD");
  auto* run = cmd->add_option("--run", options->run, "only the documents issued by that run (its id)");
  auto* document = cmd->add_option("--document", options->document, "only that document, by number (FA-2026-000005)");
  date->excludes(run)->excludes(document);
  run->excludes(document);
  cmd->add_option("--outbox", options->outbox, "write .eml files to DIR instead of the [mail] relay");
  cmd->callback([&action, options, date, run, document] {
    action = [options, date, run, document](RunContext& context) {
      SendRequest request;
      if (date->count() > 0) {
        request.date = parse_date(options->date);
        if (!request.date) {
          spdlog::error("--date must be YYYY-MM-DD, not \"{}\"", options->date);
          return int(kUsage);
        }
      }
      if (run->count() > 0) request.run = options->run;
      if (document->count() > 0) request.document = options->document;
      if (!options->outbox.empty()) request.outbox = std::filesystem::absolute(options->outbox);
      const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      return run_send_command(context, request, now);
    };
  });
}

}  // namespace clause
