// clause-generate: writes a generated import directory (samples/generator/dataset_generator.h),
// until `clause generate` wires the same call into the main executable.
//   clause-generate --clients 10000 --out /tmp/ds [--seed 42] [--from 2026-10 --to 2026-11]
#include <CLI/CLI.hpp>

#include <iostream>

#include "samples/generator/dataset_generator.h"

int main(int argc, char** argv) {
  CLI::App app{"Writes a deterministic sample data set (CSV import directory)."};
  clause::GeneratorOptions options;
  std::string out, from = "2026-10", to = "2026-11";
  app.add_option("--clients", options.clients, "number of accounts")->required();
  app.add_option("--out", out, "directory to write the CSV files to")->required();
  app.add_option("--seed", options.seed, "seed of the random choices");
  app.add_option("--from", from, "first month with operations, YYYY-MM");
  app.add_option("--to", to, "last month with operations, YYYY-MM");
  CLI11_PARSE(app, argc, argv);
  const auto first = clause::parse_year_month(from), last = clause::parse_year_month(to);
  if (!first || !last) {
    std::cerr << "clause-generate: --from and --to take a month written YYYY-MM\n";
    return 2;
  }
  options.from = *first;
  options.to = *last;
  try {
    const clause::GeneratedCounts n = clause::write_generated_dataset(options, out);
    std::cout << n.accounts << " accounts, " << n.contracts << " contracts, " << n.services << " services, "
              << n.incidents << " incidents, " << n.backups << " backups written to " << out << "\n";
  } catch (const std::exception& e) {
    std::cerr << "clause-generate: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
