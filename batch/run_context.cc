#include "batch/run_context.h"

#include <spdlog/spdlog.h>

#include "settings/terms_loader.h"

namespace clause {

RunContext::RunContext(const GlobalOptions& options)
    : config_(load_config(options.config_file)), profiles_(load_terms_folder(config_.terms)) {
  if (!options.database_url.empty()) config_.database_url = options.database_url;
  spdlog::debug("configuration {} with {} terms profiles", options.config_file.string(), profiles_.size());
}

Database& RunContext::database(bool migrate) {
  if (!database_) {
    const std::string& url = config_.database_url;
    if (url.rfind("sqlite:", 0) == 0) {
      auto parent = std::filesystem::path(url.substr(7)).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    database_ = Database::open(url);
    if (migrate) {
      auto applied = database_->migrate();
      for (int v : applied) spdlog::info("applied migration {:03}", v);
    }
    database_->check_schema();
  }
  return *database_;
}

}  // namespace clause
