// What every command starts from: the configuration (with --db applied), the terms profiles and,
// on demand, the database (opened, schema checked). Built once per process.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "model/terms.h"
#include "settings/config.h"
#include "store/database.h"
#include "store/run_lock.h"

namespace clause {

struct GlobalOptions {
  std::filesystem::path config_file = "config/clause.toml";
  std::string database_url;  // --db: overrides the configuration
  bool quiet = false;
  bool verbose = false;
};

class RunContext {
 public:
  // Loads the configuration and the terms profiles; throws ConfigError on any problem.
  explicit RunContext(const GlobalOptions& options);

  const Config& config() const { return config_; }
  const std::map<std::string, TermsProfile>& profiles() const { return profiles_; }
  // The database, opened on first use. `migrate` applies pending migrations (clause init);
  // otherwise the schema must be exactly this build's, or std::runtime_error says what to do.
  Database& database(bool migrate = false);
  // Takes the database's run lock for the rest of the process (store/run_lock.h), once; a command
  // that issues or changes anything calls it first. Throws DatabaseLocked when another run holds it.
  void hold_run_lock();

 private:
  Config config_;
  std::map<std::string, TermsProfile> profiles_;
  Database& connection();  // opened, schema not yet checked
  std::unique_ptr<Database> database_;
  bool schema_checked_ = false;
  std::unique_ptr<RunLock> lock_;
};

// Another run holds the database: the command does nothing and exits kLocked.
struct DatabaseLocked : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace clause
