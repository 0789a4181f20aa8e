// ARCHITECTURE.md: model/ and rules/ are pure. This test reads their sources and fails when one
// includes a database, PDF, spreadsheet, template, network or logging header, or reads the clock.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace {

const std::filesystem::path kRoot{CLAUSE_SOURCE_DIR};

std::vector<std::string> violations(const std::string& folder, const std::vector<std::string>& forbidden) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / folder)) {
    auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      for (const auto& word : forbidden)
        if (line.find(word) != std::string::npos)
          found.push_back(entry.path().lexically_relative(kRoot).string() + ":" + std::to_string(n) + ": " + word);
  }
  return found;
}

const std::vector<std::string> kImpure = {
    "soci", "sqlite3.h", "libpq", "podofo", "xlsxwriter", "mstch", "curl", "spdlog", "pugixml", "toml++",
    "<iostream>", "<fstream>", "system_clock::now", "steady_clock", "time(nullptr)", "time(NULL)",
    "localtime", "gmtime", "getenv", "\"store/", "\"reports/", "\"batch/", "\"settings/"};

TEST(Layering, ModelIsPure) { EXPECT_EQ(violations("model", kImpure), std::vector<std::string>{}); }
TEST(Layering, RulesArePure) { EXPECT_EQ(violations("rules", kImpure), std::vector<std::string>{}); }

// Lower layers never include upward.
TEST(Layering, StoreDoesNotIncludeReportsOrBatch) {
  EXPECT_EQ(violations("store", {"\"reports/", "\"batch/"}), std::vector<std::string>{});
}
TEST(Layering, ReportsDoNotIncludeStoreOrBatch) {
  EXPECT_EQ(violations("reports", {"\"store/", "\"batch/", "soci/"}), std::vector<std::string>{});
}

}  // namespace
