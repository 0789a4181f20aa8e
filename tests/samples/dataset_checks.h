// Test support: what an importer will check in a data set directory, checked here so that the
// hand-made samples and every generated set are importable: the agreed header of each file,
// the shape of each field (dates, instants with an offset, money, enum words), unique ids,
// references that resolve and intervals that do not end before they start.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clause::testing {

// The agreed columns of each file (docs/import.md), written out independently of the generator.
const std::map<std::string, std::vector<std::string>>& agreed_columns();

// Every problem found in `dir`, one line each ("incidents.csv line 4: service_id SRV-9 not found");
// empty when the set is importable.
std::vector<std::string> dataset_problems(const std::filesystem::path& dir);

// Rows of each file (header excluded).
std::map<std::string, std::size_t> dataset_row_counts(const std::filesystem::path& dir);

}  // namespace clause::testing
