#include "settings/toml_reader.h"

#include <cctype>
#include <cmath>

namespace clause {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

const char* type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

}  // namespace

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error(join_lines(problems)), problems_(std::move(problems)) {}

toml::table parse_toml_file(const std::filesystem::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    auto line = e.source().begin.line;
    std::string what{e.description()};
    if (!std::filesystem::exists(file)) throw ConfigError({file.string() + ": file not found"});
    throw ConfigError({file.string() + ":" + std::to_string(line) + ": " + what});
  }
}

TomlTable::TomlTable(const toml::table& table, std::string path, std::string file, std::vector<std::string>& errors)
    : table_(&table), path_(std::move(path)), file_(std::move(file)), errors_(&errors) {}

std::string TomlTable::qualified(const std::string& key) const {
  if (key.empty()) return path_;
  return path_.empty() ? key : path_ + "." + key;
}

long TomlTable::line_of(const std::string& key) const {
  if (const auto* n = table_->get(key)) return long(n->source().begin.line);
  return long(table_->source().begin.line);
}

void TomlTable::error(const std::string& key, const std::string& reason) {
  errors_->push_back(file_ + ":" + std::to_string(line_of(key)) + ": key " + qualified(key) + ": " + reason);
}

bool TomlTable::has(const std::string& key) const { return table_->contains(key); }

const toml::node* TomlTable::find(const std::string& key) {
  read_.insert(key);
  return table_->get(key);
}

std::string TomlTable::text(const std::string& key, std::string fallback) {
  const auto* n = find(key);
  if (!n) return fallback;
  if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
  error(key, std::string("expected a string, found ") + type_name(*n));
  return fallback;
}

long long TomlTable::integer(const std::string& key, long long fallback) {
  const auto* n = find(key);
  if (!n) return fallback;
  if (n->is_integer()) return n->as_integer()->get();
  error(key, std::string("expected an integer, found ") + type_name(*n));
  return fallback;
}

bool TomlTable::boolean(const std::string& key, bool fallback) {
  const auto* n = find(key);
  if (!n) return fallback;
  if (n->is_boolean()) return n->as_boolean()->get();
  error(key, std::string("expected true or false, found ") + type_name(*n));
  return fallback;
}

Money TomlTable::money(const std::string& key, Money fallback) {
  const auto* n = find(key);
  if (!n) return fallback;
  if (n->is_string()) {
    if (auto m = parse_money(n->as_string()->get())) return *m;
    error(key, "\"" + n->as_string()->get() + "\" is not an amount like \"129.00\"");
    return fallback;
  }
  error(key, std::string("expected an amount as a string like \"129.00\", found ") + type_name(*n));
  return fallback;
}

Milli TomlTable::milli(const std::string& key, Milli fallback) {
  const auto* n = find(key);
  if (!n) return fallback;
  if (n->is_string()) {
    if (auto m = parse_milli(n->as_string()->get())) return *m;
    error(key, "\"" + n->as_string()->get() + "\" is not a decimal like \"268.5\"");
    return fallback;
  }
  if (n->is_integer()) return Milli{n->as_integer()->get() * 1000};
  if (n->is_floating_point()) return Milli{std::llround(n->as_floating_point()->get() * 1000.0)};
  error(key, std::string("expected a decimal number, found ") + type_name(*n));
  return fallback;
}

std::chrono::minutes TomlTable::time_of_day(const std::string& key, std::chrono::minutes fallback) {
  std::string t = text(key);
  if (t.empty()) return fallback;
  if (t.size() == 5 && t[2] == ':' && std::isdigit(t[0]) && std::isdigit(t[1]) && std::isdigit(t[3]) &&
      std::isdigit(t[4])) {
    int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h <= 24 && m < 60 && (h < 24 || m == 0)) return std::chrono::minutes{h * 60 + m};
  }
  error(key, "\"" + t + "\" is not a time of day like \"09:00\"");
  return fallback;
}

std::vector<long long> TomlTable::integers(const std::string& key) {
  std::vector<long long> out;
  const auto* n = find(key);
  if (!n) return out;
  const auto* arr = n->as_array();
  if (!arr) {
    error(key, std::string("expected an array of integers, found ") + type_name(*n));
    return out;
  }
  for (const auto& item : *arr) {
    if (!item.is_integer()) {
      error(key, std::string("expected an array of integers, found an element that is ") + type_name(item));
      return {};
    }
    out.push_back(item.as_integer()->get());
  }
  return out;
}

std::vector<std::string> TomlTable::texts(const std::string& key) {
  std::vector<std::string> out;
  const auto* n = find(key);
  if (!n) return out;
  const auto* arr = n->as_array();
  if (!arr) {
    error(key, std::string("expected an array of strings, found ") + type_name(*n));
    return out;
  }
  for (const auto& item : *arr) {
    if (!item.is_string()) {
      error(key, std::string("expected an array of strings, found an element that is ") + type_name(item));
      return {};
    }
    out.push_back(item.as_string()->get());
  }
  return out;
}

std::vector<TomlTable> TomlTable::tables(const std::string& key) {
  std::vector<TomlTable> out;
  const auto* n = find(key);
  if (!n) return out;
  const auto* arr = n->as_array();
  if (!arr) {
    error(key, std::string("expected an array of tables, found ") + type_name(*n));
    return out;
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    const auto* t = (*arr)[i].as_table();
    if (!t) {
      error(key, std::string("expected an array of tables, found an element that is ") + type_name((*arr)[i]));
      return {};
    }
    out.emplace_back(*t, qualified(key) + "[" + std::to_string(i) + "]", file_, *errors_);
  }
  return out;
}

std::optional<TomlTable> TomlTable::table(const std::string& key) {
  const auto* n = find(key);
  if (!n) return std::nullopt;
  if (const auto* t = n->as_table()) return TomlTable(*t, qualified(key), file_, *errors_);
  error(key, std::string("expected a table, found ") + type_name(*n));
  return std::nullopt;
}

std::vector<std::string> TomlTable::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : *table_) out.emplace_back(k.str());
  return out;
}

void TomlTable::reject_unknown_keys() {
  for (const auto& [k, v] : *table_) {
    std::string key{k.str()};
    if (!read_.count(key)) error(key, "unknown key");
  }
}

}  // namespace clause
