// ARCHITECTURE.md draws the layers: model/ at the bottom, rules/ and store/ and settings/ and
// samples/ on it, reports/ on rules/, batch/ on everything. This test reads every folder's sources
// and CMakeLists.txt and fails when one includes or links a folder it may not depend on, and when
// model/ or rules/ (pure) include a database, PDF, spreadsheet, template, network or logging header,
// or read the clock.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace {

const std::filesystem::path kRoot{CLAUSE_SOURCE_DIR};

// Each layer and the layers it may include and link (itself always allowed); ARCHITECTURE.md.
const std::map<std::string, std::set<std::string>> kMayDependOn = {
    {"model", {}},
    {"rules", {"model"}},
    {"settings", {"model"}},
    {"store", {"model"}},
    {"samples", {"model"}},
    {"reports", {"model", "rules"}},
    {"batch", {"model", "rules", "settings", "store", "reports", "samples"}},
};

std::vector<std::filesystem::path> sources(const std::string& folder) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / folder)) {
    auto ext = entry.path().extension();
    if (ext == ".h" || ext == ".cc") found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> violations(const std::string& folder, const std::vector<std::string>& forbidden,
                                    const std::set<std::string>& exempt = {}) {
  std::vector<std::string> found;
  for (const auto& path : sources(folder)) {
    if (exempt.count(path.lexically_relative(kRoot).generic_string())) continue;
    std::ifstream in(path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      for (const auto& word : forbidden)
        if (line.find(word) != std::string::npos)
          found.push_back(path.lexically_relative(kRoot).string() + ":" + std::to_string(n) + ": " + word);
  }
  return found;
}

// Every #include "LAYER/..." of `folder` whose LAYER is another layer it may not depend on.
std::vector<std::string> upward_includes(const std::string& folder) {
  static const std::regex include{R"re(^\s*#\s*include\s*"([a-z_]+)/)re"};
  const auto& allowed = kMayDependOn.at(folder);
  std::vector<std::string> found;
  for (const auto& path : sources(folder)) {
    std::ifstream in(path);
    std::string line;
    std::smatch m;
    for (int n = 1; std::getline(in, line); ++n)
      if (std::regex_search(line, m, include) && m[1] != folder && kMayDependOn.count(m[1]) && !allowed.count(m[1]))
        found.push_back(path.lexically_relative(kRoot).string() + ":" + std::to_string(n) + ": includes " + m[1].str() +
                        "/");
  }
  return found;
}

// Every clause_LAYER library that `folder`'s CMakeLists.txt links and may not.
std::vector<std::string> upward_links(const std::string& folder) {
  std::ifstream in(kRoot / folder / "CMakeLists.txt");
  std::stringstream text;
  text << in.rdbuf();
  static const std::regex library{R"(\bclause_([a-z_]+)\b)"};
  const auto& allowed = kMayDependOn.at(folder);
  std::vector<std::string> found;
  const std::string s = text.str();
  for (std::sregex_iterator it(s.begin(), s.end(), library), end; it != end; ++it) {
    const std::string layer = (*it)[1];
    if (layer != folder && kMayDependOn.count(layer) && !allowed.count(layer))
      found.push_back(folder + "/CMakeLists.txt: links clause_" + layer);
  }
  return found;
}

const std::vector<std::string> kImpure = {
    "soci",         "sqlite3.h",     "libpq",      "podofo",    "xlsxwriter", "mstch",     "kainjow",
    "curl",         "spdlog",        "pugixml",    "toml++",    "<iostream>", "<fstream>", "system_clock::now",
    "steady_clock", "time(nullptr)", "time(NULL)", "localtime", "gmtime",     "getenv"};

// model/whole_file.cc is the one reader of whole files (issue 11), below store/ and reports/ which
// both need it; rules/ never includes it, so the rules stay free of I/O.
TEST(Layering, ModelIsPure) {
  EXPECT_EQ(violations("model", kImpure, {"model/whole_file.cc"}), std::vector<std::string>{});
}
TEST(Layering, RulesArePure) {
  EXPECT_EQ(violations("rules", kImpure), std::vector<std::string>{});
  EXPECT_EQ(violations("rules", {"model/whole_file.h"}), std::vector<std::string>{});
}

// Lower layers never include nor link upward, for every folder of ARCHITECTURE.md.
TEST(Layering, NoFolderIncludesALayerAboveIt) {
  for (const auto& [folder, allowed] : kMayDependOn)
    EXPECT_EQ(upward_includes(folder), std::vector<std::string>{}) << folder;
}
TEST(Layering, NoFolderLinksALayerAboveIt) {
  for (const auto& [folder, allowed] : kMayDependOn)
    EXPECT_EQ(upward_links(folder), std::vector<std::string>{}) << folder;
}

// The third-party libraries of one layer stay out of the others: SQL only in store/, documents
// only in reports/, configuration only in settings/.
TEST(Layering, ReportsDoNotTouchTheDatabase) {
  EXPECT_EQ(violations("reports", {"soci/", "sqlite3.h", "libpq"}), std::vector<std::string>{});
}
TEST(Layering, StoreMakesNoDocuments) {
  EXPECT_EQ(violations("store", {"podofo", "xlsxwriter", "mstch", "kainjow", "curl", "toml++"}),
            std::vector<std::string>{});
}
TEST(Layering, SettingsReadOnlyConfiguration) {
  EXPECT_EQ(violations("settings", {"soci", "podofo", "xlsxwriter", "mstch", "kainjow", "curl"}),
            std::vector<std::string>{});
}
TEST(Layering, SamplesAreMadeWithoutDatabaseNorDocuments) {
  EXPECT_EQ(violations("samples", {"soci", "podofo", "xlsxwriter", "mstch", "kainjow", "curl", "toml++"}),
            std::vector<std::string>{});
}

}  // namespace
