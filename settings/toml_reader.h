// Strict reading of a TOML file: every key read is marked, every key left unread is an error, and
// every wrong type is an error naming the file, the key and the line. Errors are collected, not
// thrown one by one, so that a provider fixes a file in one pass.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "model/decimal.h"
#include "model/money.h"

namespace clause {

// Thrown by the loaders with every problem found; what() joins them one per line.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// A view on one table of a parsed file. Getters record errors in the shared list and return a
// fallback, so reading goes on past a bad value.
class TomlTable {
 public:
  TomlTable(const toml::table& table, std::string path, std::string file, std::vector<std::string>& errors);

  bool has(const std::string& key) const;
  std::string text(const std::string& key, std::string fallback = {});
  long long integer(const std::string& key, long long fallback = 0);
  bool boolean(const std::string& key, bool fallback = false);
  Money money(const std::string& key, Money fallback = {});                                 // "129.00"
  Milli milli(const std::string& key, Milli fallback = {});                                 // "268.5" or 268.5
  std::chrono::minutes time_of_day(const std::string& key, std::chrono::minutes fallback);  // "09:00"
  std::vector<long long> integers(const std::string& key);
  std::vector<std::string> texts(const std::string& key);
  // The tables of an array of tables (`tiers = [{...}, {...}]`).
  std::vector<TomlTable> tables(const std::string& key);
  std::optional<TomlTable> table(const std::string& key);  // absent -> nothing
  // Every key of this table, for free-form maps such as [time_zones].
  std::vector<std::string> keys() const;

  // Records "FILE:LINE: key PATH: reason" for the given key (or the table when key is empty).
  void error(const std::string& key, const std::string& reason);
  // Records an error for every key of this table never read (call it on each sub-table too).
  void reject_unknown_keys();

 private:
  const toml::node* find(const std::string& key);
  std::string qualified(const std::string& key) const;
  long line_of(const std::string& key) const;

  const toml::table* table_;
  std::string path_;
  std::string file_;
  std::vector<std::string>* errors_;
  std::set<std::string> read_;
};

// Parses `file`; a syntax error throws ConfigError "FILE:LINE: reason".
toml::table parse_toml_file(const std::filesystem::path& file);

}  // namespace clause
