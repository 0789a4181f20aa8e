// `clause demo`: the main job on the sample data: creates the database, imports samples/, checks
// them and issues the statements of the sample months, then says where the documents are.
#include <set>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "rules/consistency.h"
#include "store/csv_import.h"
#include "store/record_repository.h"

namespace clause {

void add_demo_command(CLI::App& app, CommandAction& action, GlobalOptions&) {
  auto* cmd = app.add_subcommand("demo", "initialise the database, import samples/ and run the main job on them");
  struct Options {
    std::filesystem::path samples = "samples";
    std::vector<std::string> months{"2026-10", "2026-11"};
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--samples", options->samples, "sample CSV directory")->capture_default_str();
  cmd->add_option("--months", options->months, "months whose statements are issued")->capture_default_str();
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
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
      int code = kDone;
      for (const auto& text : options->months) {
        auto month = parse_year_month(text);
        if (!month) {
          spdlog::error("--months: \"{}\" is not YYYY-MM", text);
          return int(kUsage);
        }
        code = std::max(code, run_statements_command(context, {*month, std::nullopt, context.config().output}));
      }
      spdlog::info("documents are in {}", context.config().output.string());
      return code;
    };
  });
}

}  // namespace clause
