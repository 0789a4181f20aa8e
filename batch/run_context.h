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

namespace clause {

struct GlobalOptions {
  std::filesystem::path config_file = "config/clause.toml";
  std::string database_url;        // --db: overrides the configuration
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

 private:
  Config config_;
  std::map<std::string, TermsProfile> profiles_;
  std::unique_ptr<Database> database_;
};

}  // namespace clause
