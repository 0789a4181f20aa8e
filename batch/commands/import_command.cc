// `clause import DIR`: loads a provider's CSV export, all or nothing (store/csv_import.h). Exit 3
// when the export is refused, 2 when the database fails (a lock, a lost connection), 0 when written.
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "store/csv_import.h"

namespace clause {

void add_import_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("import", "import a directory of CSV files (docs/import.md), all or nothing");
  auto dir = std::make_shared<std::filesystem::path>();
  cmd->add_option("DIR", *dir, "directory holding accounts.csv, contracts.csv, ...")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->callback([&action, dir] {
    action = [dir](RunContext& context) {
      context.hold_run_lock();
      ImportReport report = import_directory(context.database(), *dir);
      if (!report.ok()) {
        for (const auto& e : report.errors) spdlog::error("{}", e);
        if (report.database_failed) {
          // The export was clean; the database failed (locked, gone): exit 2, not "input refused".
          spdlog::error("import failed: the database could not write the rows; the database is unchanged");
          return int(kFailure);
        }
        spdlog::error("import refused: {} error(s); the database is unchanged", report.errors.size());
        return int(kInputRefused);
      }
      std::size_t total = 0;
      for (const auto& f : report.files) {
        spdlog::info("{:<28} {:>9} rows", f.file, f.rows);
        total += f.rows;
      }
      spdlog::info("imported {} rows from {}", total, dir->string());
      if (report.purged_people_kept_erased > 0)  // G5: a purge is final
        spdlog::info("{} row(s) of people erased by a GDPR purge came back in the export and were kept erased",
                     report.purged_people_kept_erased);
      return int(kDone);
    };
  });
}

}  // namespace clause
