#include "batch/run_context.h"

#include <chrono>
#include <thread>

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
  Database& db = connection();  // before any migration: `clause init` takes it too
  lock_ = RunLock::try_acquire(db);
  if (!lock_) {
    // The holder records its run right after taking the lock: give it a moment to do so, so the
    // message can name it.
    std::string holder;
    for (int attempt = 0; attempt < 10 && holder.empty(); ++attempt) {
      if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      try {
        holder = describe_lock_holder(db);
      } catch (const std::exception&) {
        break;  // a blank database (another `clause init` at work): no runs table to read yet
      }
    }
    throw DatabaseLocked((holder.empty() ? std::string("another clause command holds the database (an import or a "
                                                       "migration, which record no run)")
                                         : "another clause run holds the database: " + holder) +
                         "; nothing done, try again when it has finished");
  }
}

}  // namespace clause
