// The SQL files under sql/: versioned migrations (sql/DIALECT/NNN_name.sql) and named queries
// (sql/queries.sql, overridden per dialect by sql/DIALECT/queries.sql). Pure text handling: this
// file knows nothing of connections, so it is tested without a database.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clause {

// One schema migration file, e.g. version 2 from "002_ledger.sql".
struct Migration {
  int version = 0;
  std::string name;  // "002_ledger"
  std::filesystem::path file;
};

// The migrations in `dir`, sorted by version. Throws std::runtime_error on two files with the same
// version; files not shaped NNN_name.sql are ignored.
std::vector<Migration> list_migrations(const std::filesystem::path& dir);

// Splits a script into statements at semicolons outside quotes and comments; drops empty ones.
// SOCI prepares one statement at a time, on both backends.
std::vector<std::string> split_statements(std::string_view script);

// "-- name: NAME" blocks of a query file, each trimmed of comments and its final semicolon.
std::map<std::string, std::string> parse_named_queries(std::string_view text);

// Whole file as text; throws std::runtime_error naming the file when it cannot be read.
std::string read_text_file(const std::filesystem::path& file);

}  // namespace clause
