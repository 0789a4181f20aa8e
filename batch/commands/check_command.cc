// `clause check`: the configuration and terms profiles (loaded strictly before any command runs)
// and the consistency of the data, each finding with its record.
#include <set>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "rules/consistency.h"
#include "store/record_repository.h"

namespace clause {

void add_check_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("check", "check the configuration, the terms profiles and the data's consistency");
  cmd->callback([&action] {
    action = [](RunContext& context) {
      spdlog::info("configuration {}: provider {}, {} terms profile(s)", context.config().file.string(),
                   context.config().provider.name, context.profiles().size());
      DataSet data = load_data_set(context.database());
      std::set<std::string> profiles;
      for (const auto& [name, profile] : context.profiles()) profiles.insert(name);
      std::vector<Finding> findings = check_consistency(data, profiles);
      for (const auto& c : data.contracts)
        if (!context.config().time_zones.count(c.time_zone))
          findings.push_back(
              {"contract", c.id, "time zone \"" + c.time_zone + "\" is not defined in the configuration"});
      for (const auto& f : findings) spdlog::warn("{} {}: {}", f.entity, f.id, f.reason);
      spdlog::info("{} accounts, {} contracts, {} services, {} incidents, {} outages, {} interventions, {} backups",
                   data.accounts.size(), data.contracts.size(), data.services.size(), data.incidents.size(),
                   data.outages.size(), data.interventions.size(), data.backups.size());
      if (!findings.empty()) {
        spdlog::warn("{} finding(s): the records named above need a look", findings.size());
        return int(kDoneWithRejects);
      }
      spdlog::info("no inconsistency found");
      return int(kDone);
    };
  });
}

}  // namespace clause
