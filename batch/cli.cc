#include "batch/cli.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "settings/toml_reader.h"

namespace clause {
namespace {

void set_up_logging(const GlobalOptions& options) {
  auto logger = spdlog::stderr_color_mt("clause");
  logger->set_pattern("%^%l%$: %v");
  logger->set_level(options.quiet ? spdlog::level::warn : options.verbose ? spdlog::level::debug : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Clause: monthly SLA statements, credit notes, invoices and GDPR lists from hosting contracts"};
  app.require_subcommand(1);
  app.fallthrough();  // global options are accepted after the subcommand too
  GlobalOptions options;
  app.add_option("--config", options.config_file, "configuration file")->capture_default_str();
  app.add_option("--db", options.database_url,
                 "database URL overriding the configuration: sqlite:PATH or a PostgreSQL connection string");
  app.add_flag("-q,--quiet", options.quiet, "log warnings and errors only");
  app.add_flag("-v,--verbose", options.verbose, "log details");
  app.footer(
      "Exit codes: 0 done; 1 done, but records or contracts were rejected; "
      "2 configuration or database failure; 3 input refused, nothing changed; 4 stopped part-way (rerun); "
      "5 another run holds the database; 64 usage.");

  CommandAction action;
  add_init_command(app, action);
  add_import_command(app, action);
  add_check_command(app, action);
  add_generate_command(app, action);
  add_statements_command(app, action);
  add_invoices_command(app, action);
  add_nightly_command(app, action, options);
  add_schedule_command(app, action);
  add_reversibility_command(app, action);  // issue 15
  add_gdpr_command(app, action);
  add_explain_command(app, action);
  add_demo_command(app, action, options);
  add_send_command(app, action);
  add_worker_command(app, action);  // issue 16

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kDone : kUsage;
  }
  set_up_logging(options);
  try {
    RunContext context(options);
    return action(context);
  } catch (const DatabaseLocked& e) {
    spdlog::error("{}", e.what());
    return kLocked;
  } catch (const ConfigError& e) {
    for (const auto& problem : e.problems()) spdlog::error("{}", problem);
    return kFailure;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kFailure;
  }
}

}  // namespace clause
