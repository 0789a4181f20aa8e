#include "settings/term_extras.h"

#include "settings/toml_reader.h"

namespace clause {

std::vector<int> load_breach_cure_articles(const std::filesystem::path& profile_file) {
  const toml::table root = parse_toml_file(profile_file);
  std::vector<int> out;
  if (const auto* cures = root.at_path("term.breach_cure").as_array())
    for (const auto& row : *cures) {
      const auto* t = row.as_table();
      out.push_back(t ? int((*t)["article"].value_or(0LL)) : 0);
    }
  return out;
}

int load_corrections_months(const Config& config) {
  if (config.file.empty() || !std::filesystem::exists(config.file)) return 12;
  const toml::table root = parse_toml_file(config.file);
  return int(root.at_path("nightly.corrections_months").value_or(12LL));
}

}  // namespace clause
