// Wording files (reports/templates/wording.h).
//
// nlohmann::json says whether the file is JSON but not where a key is, so a small scan of the
// (already valid) text finds the line of every section and key: messages point at the line a
// provider edits.
#include "reports/templates/wording.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/templates/template_error.h"

namespace clause::templates {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int line_at(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

// A key of the file: its depth (1 section, 2 text), its decoded name and line.
struct KeyAt {
  int depth = 0;
  std::string name;
  int line = 0;
};

// The keys of a valid JSON text in file order, with their object depth.
std::vector<KeyAt> keys_of(std::string_view text) {
  std::vector<KeyAt> keys;
  int depth = 0;
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n')
      ++line;
    else if (c == '{' || c == '[')
      ++depth;
    else if (c == '}' || c == ']')
      --depth;
    else if (c == '"') {
      const std::size_t begin = i;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      std::size_t next = i + 1;
      while (next < text.size() &&
             (text[next] == ' ' || text[next] == '\t' || text[next] == '\r' || text[next] == '\n'))
        ++next;
      if (next < text.size() && text[next] == ':')
        keys.push_back({depth, nlohmann::json::parse(text.substr(begin, i + 1 - begin)).get<std::string>(), line});
    }
  }
  return keys;
}

}  // namespace

void Wording::fail(int line, const std::string& reason) const {
  throw TemplateError(file_ + ":" + std::to_string(line), reason);
}

Wording Wording::load(const std::filesystem::path& file) {
  Wording w;
  w.file_ = file.generic_string();
  const std::string text = read_text(file);
  nlohmann::json data;
  try {
    data = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string reason = e.what();
    if (auto colon = reason.find("column "); colon != std::string::npos)
      reason = reason.substr(reason.find(": ", colon) + 2);
    w.fail(line_at(text, e.byte == 0 ? 0 : e.byte - 1), "invalid JSON: " + reason);
  }
  if (!data.is_object()) w.fail(1, "a wording file is one object of sections, {\"statement\": {\"key\": \"text\"}}");
  std::string section;
  for (const auto& key : keys_of(text)) {
    if (key.depth == 1) {
      section = key.name;
      if (w.sections_.count(section)) w.fail(key.line, "section \"" + section + "\" given twice");
      if (!data[section].is_object()) w.fail(key.line, "section \"" + section + "\" must be an object of texts");
      w.sections_[section].line = key.line;
      continue;
    }
    if (key.depth != 2) continue;  // deeper keys are refused below, at their text
    const auto& value = data[section][key.name];
    const std::string where = "\"" + section + "." + key.name + "\"";
    if (w.sections_[section].keys.count(key.name)) w.fail(key.line, where + " given twice");
    if (!value.is_string()) w.fail(key.line, where + " must be a text");
    const std::string words = value.get<std::string>();
    if (words.find('\n') != std::string::npos || words.find('\r') != std::string::npos)
      w.fail(key.line, where + " holds a line break: a text is one line (the layout decides where lines go)");
    w.sections_[section].keys[key.name] = Entry{WordingText{words, key.line}, false};
  }
  return w;
}

const WordingText* Wording::use(const std::string& section, const std::string& key) {
  auto s = sections_.find(section);
  if (s == sections_.end()) return nullptr;
  auto k = s->second.keys.find(key);
  if (k == s->second.keys.end()) return nullptr;
  k->second.used = true;
  return &k->second.text;
}

void Wording::check_sections(const std::map<std::string, bool>& has_template) const {
  // File order, so that the first message is the first line to fix.
  std::vector<std::pair<int, std::string>> problems;
  for (const auto& [name, section] : sections_) {
    if (!has_template.at(name)) {
      problems.emplace_back(section.line, "section \"" + name + "\" is no template's (no " + name + " layout)");
      continue;
    }
    for (const auto& [key, entry] : section.keys)
      if (!entry.used)
        problems.emplace_back(entry.text.line, "\"" + name + "." + key + "\" is used by no template (no {{@" + key +
                                                   "}} in " + name + ")");
  }
  if (problems.empty()) return;
  std::sort(problems.begin(), problems.end());
  fail(problems.front().first, problems.front().second);
}

ComposedTemplate compose_wording(std::string_view text, const std::string& shown, const std::string& section,
                                 Wording& wording) {
  ComposedTemplate out;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "{{!") == 0) {
      // A comment is copied as it is: it may well mention a {{@key}}.
      const std::size_t close = text.find("}}", i);
      const std::size_t end = close == std::string_view::npos ? text.size() : close + 2;
      for (; i < end; ++i) {
        if (text[i] == '\n') ++line;
        out.text += text[i];
      }
      continue;
    }
    if (text.compare(i, 3, "{{@") != 0) {
      if (text[i] == '\n') ++line;
      out.text += text[i++];
      continue;
    }
    const std::size_t close = text.find("}}", i);
    const std::size_t eol = text.find('\n', i);
    auto fail = [&](const std::string& reason) { throw TemplateError(shown + ":" + std::to_string(line), reason); };
    if (close == std::string_view::npos || close > eol) fail("unclosed wording tag {{@ (write {{@key}})");
    const std::string key(text.substr(i + 3, close - i - 3));
    if (wording.empty()) fail("{{@" + key + "}} but no wording.json beside this template set");
    const WordingText* words = wording.use(section, key);
    if (!words) fail("no wording \"" + key + "\" in " + wording.file() + " (section \"" + section + "\")");
    out.wording_lines.emplace(line, words->line);
    out.text += words->text;
    i = close + 2;
  }
  return out;
}

}  // namespace clause::templates
