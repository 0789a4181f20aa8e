#include "batch/run_context.h"

#include <spdlog/spdlog.h>

#include "settings/terms_loader.h"

namespace clause {

RunContext::RunContext(const GlobalOptions& options)
    : config_(load_config(options.config_file)), profiles_(load_terms_folder(config_.terms)) {
  if (!options.database_url.empty()) config_.database_url = options.database_url;
  spdlog::debug("configuration {} with {} terms profiles", options.config_file.string(), profiles_.size());
}

Database& RunContext::connection() {
  if (!database_) {
    const std::string& url = config_.database_url;
    if (url.rfind("sqlite:", 0) == 0) {
      auto parent = std::filesystem::path(url.substr(7)).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    database_ = Database::open(url);
  }
  return *database_;
}

Database& RunContext::database(bool migrate) {
  Database& db = connection();
  if (!schema_checked_) {
    if (migrate) {
      auto applied = db.migrate();
      for (int v : applied) spdlog::info("applied migration {:03}", v);
    }
    db.check_schema();
    schema_checked_ = true;
  }
  return db;
}

void RunContext::hold_run_lock() {
  if (lock_) return;
  Database& db = connection();   // before any migration: `clause init` takes it too
  lock_ = RunLock::try_acquire(db);
  if (!lock_) {
    std::string holder = "a run";
    try {
      holder = describe_lock_holder(db);
    } catch (const std::exception&) {
      // a blank database (another `clause init` at work): no runs table to read yet
    }
    throw DatabaseLocked("another clause run holds the database: " + holder +
                         "; nothing done, try again when it has finished");
  }
}

}  // namespace clause
