// Test support: a CSV file read back whole with libcsv (RFC 4180, strict), so that the tests
// check the files as an importer will read them, not as the writer meant them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace clause::testing {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Index of column `name` in the header; throws std::out_of_range when absent.
  std::size_t column(std::string_view name) const;
};

// Reads `path`; throws std::runtime_error "PATH: ..." when it cannot be read or parsed.
CsvTable read_csv_table(const std::filesystem::path& path);

}  // namespace clause::testing
