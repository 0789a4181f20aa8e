// `clause generate --clients N --out DIR`: writes a realistic, deterministic import directory for
// demos and benchmarks (samples/generator).
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "samples/generator/dataset_generator.h"

namespace clause {

void add_generate_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("generate", "write a generated data set (CSV import directory) for N clients");
  struct Options {
    int clients = 100;
    std::uint64_t seed = 42;
    std::string from = "2026-10", to = "2026-11";
    std::filesystem::path out;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--clients", options->clients, "number of client accounts")->capture_default_str();
  cmd->add_option("--seed", options->seed, "generator seed")->capture_default_str();
  cmd->add_option("--from", options->from, "first month with operations (YYYY-MM)")->capture_default_str();
  cmd->add_option("--to", options->to, "last month with operations (YYYY-MM)")->capture_default_str();
  cmd->add_option("--out", options->out, "directory to write")->required();
  cmd->callback([&action, options] {
    action = [options](RunContext&) {
      auto from = parse_year_month(options->from), to = parse_year_month(options->to);
      if (!from || !to) {
        spdlog::error("--from and --to must be months like 2026-10");
        return int(kUsage);
      }
      auto counts = write_generated_dataset({options->clients, options->seed, *from, *to}, options->out);
      spdlog::info("wrote {} accounts, {} contracts, {} incidents, {} backups to {}", counts.accounts, counts.contracts,
                   counts.incidents, counts.backups, options->out.string());
      return int(kDone);
    };
  });
}

}  // namespace clause
