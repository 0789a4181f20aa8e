// `clause init`: creates the database when needed and applies the pending schema migrations.
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"

namespace clause {

void add_init_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("init", "create the database or bring its schema up to date");
  cmd->callback([&action] {
    action = [](RunContext& context) {
      context.hold_run_lock();
      Database& db = context.database(/*migrate=*/true);
      spdlog::info("database ready at schema version {}", db.latest_version());
      return int(kDone);
    };
  });
}

}  // namespace clause
