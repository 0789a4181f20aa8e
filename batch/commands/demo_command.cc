// `clause demo`: the main job on the sample data: creates the database, imports samples/ and runs
// the checks (later steps add statements, invoices and credit notes).
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "rules/consistency.h"
#include "store/csv_import.h"
#include "store/record_repository.h"

namespace clause {

void add_demo_command(CLI::App& app, CommandAction& action, GlobalOptions&) {
  auto* cmd = app.add_subcommand("demo", "initialise the database, import samples/ and run the main job on them");
  auto samples = std::make_shared<std::filesystem::path>("samples");
  cmd->add_option("--samples", *samples, "sample CSV directory")->capture_default_str();
  cmd->callback([&action, samples] {
    action = [samples](RunContext& context) {
      Database& db = context.database(/*migrate=*/true);
      ImportReport report = import_directory(db, *samples);
      if (!report.ok()) {
        for (const auto& e : report.errors) spdlog::error("{}", e);
        return int(kInputRefused);
      }
      for (const auto& f : report.files) spdlog::info("imported {:<28} {:>6} rows", f.file, f.rows);
      return int(kDone);
    };
  });
}

}  // namespace clause
