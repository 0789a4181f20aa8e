#include "store/sql_text.h"

#include <algorithm>
#include <stdexcept>

#include "model/whole_file.h"

namespace clause {
namespace {

std::string trim(std::string_view s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = s.find_last_not_of(" \t\r\n");
  return std::string{s.substr(first, last - first + 1)};
}

// Removes "--" comments (outside quotes) so that a semicolon in a comment splits nothing.
std::string strip_comments(std::string_view text) {
  std::string out;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n') ++i;
      out += '\n';
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string read_text_file(const std::filesystem::path& file) {
  auto text = read_whole_file(file);
  if (!text) throw std::runtime_error("cannot read " + file.string());
  return std::move(*text);
}

std::vector<Migration> list_migrations(const std::filesystem::path& dir) {
  std::vector<Migration> out;
  if (!std::filesystem::is_directory(dir)) throw std::runtime_error("no SQL directory " + dir.string());
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string stem = entry.path().stem().string();
    if (entry.path().extension() != ".sql" || stem.size() < 5 || stem[3] != '_' ||
        !std::all_of(stem.begin(), stem.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    out.push_back({std::stoi(stem.substr(0, 3)), stem, entry.path()});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < out.size(); ++i)
    if (out[i].version == out[i - 1].version)
      throw std::runtime_error("two migrations with version " + std::to_string(out[i].version) + ": " +
                               out[i - 1].name + " and " + out[i].name);
  return out;
}

std::vector<std::string> split_statements(std::string_view script) {
  std::string text = strip_comments(script);
  std::vector<std::string> out;
  std::string current;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ';') {
      if (auto s = trim(current); !s.empty()) out.push_back(s);
      current.clear();
      continue;
    }
    current += c;
  }
  if (auto s = trim(current); !s.empty()) out.push_back(s);
  return out;
}

std::map<std::string, std::string> parse_named_queries(std::string_view text) {
  std::map<std::string, std::string> out;
  constexpr std::string_view marker = "-- name:";
  std::string name;
  std::string body;
  auto flush = [&] {
    if (name.empty()) return;
    auto statements = split_statements(body);
    if (statements.size() != 1) throw std::runtime_error("named query " + name + " must hold exactly one statement");
    out[name] = statements.front();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.substr(0, marker.size()) == marker) {
      flush();
      name = trim(line.substr(marker.size()));
      body.clear();
    } else if (!name.empty()) {
      body.append(line).append("\n");
    }
    pos = end + 1;
  }
  flush();
  return out;
}

}  // namespace clause
