// Template sets (reports/templates/template_set.h).
//
// Files are read, tokenized and checked once; each document template is parsed once, with its
// partials inlined (parsed_template.h), and rendered for every document. mstch, which parses the
// text at every call, stays for the trial render and the error path (source markers, below).
// Measured on the statement template: see tests/reports/templates_set_test.cc (RenderIsFast).
#include "reports/templates/template_set.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <mstch/mstch.hpp>

#include "model/whole_file.h"
#include "reports/layout/markup.h"
#include "reports/templates/mstch_data.h"
#include "reports/templates/source_markers.h"

namespace clause::templates {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMainSuffix = ".xml.mustache";
constexpr std::string_view kPartialSuffix = ".mustache";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// An unreadable file reads as empty, as it did before read_whole_file.
std::string read_file(const fs::path& path) { return read_whole_file(path).value_or(""); }

// Sorted and without repeats, so that file numbers (and thus error messages) do not depend on
// directory order; the names of `folder` and of `fallback` (the layouts/ twin) together.
std::vector<std::string> names_in(const fs::path& folder, std::string_view suffix, const fs::path& fallback = {}) {
  std::vector<std::string> names;
  for (const fs::path& dir : {folder, fallback}) {
    if (dir.empty() || !fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && ends_with(name, suffix))
        names.push_back(name.substr(0, name.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string kind_of_node(const SchemaNode& node) {
  return node.kind == SchemaNode::Kind::list ? "a list" : "an object";
}

}  // namespace

std::string TemplateSet::where(int file, int line) const {
  std::string name = file >= 0 && std::size_t(file) < files_.size() ? files_[std::size_t(file)] : "?";
  std::string shown = name + ":" + std::to_string(line);
  // A line whose words come from wording.json names that line too: the fault may be in the words.
  if (auto words = wording_lines_.find({file, line}); words != wording_lines_.end())
    shown += " (" + wording_.file() + ":" + std::to_string(words->second) + ")";
  return shown;
}

fs::path TemplateSet::find(const fs::path& relative) const {
  if (fs::exists(folder_ / relative) || layouts_.empty() || !fs::exists(layouts_ / relative)) return folder_ / relative;
  return layouts_ / relative;
}

TemplateSet::Template TemplateSet::read_template(const fs::path& relative, const std::string& section) {
  Template t;
  t.file = int(files_.size());
  const fs::path path = find(relative);
  files_.push_back(path.generic_string());
  ComposedTemplate composed = compose_wording(read_file(path), files_.back(), section, wording_);
  t.text = std::move(composed.text);
  for (const auto& [line, words] : composed.wording_lines) wording_lines_[{t.file, line}] = words;
  if (auto problem = tokenize_mustache(t.text, t.tokens))
    throw TemplateError(where(t.file, problem->line), problem->reason);
  t.marked = mark_sources(t.text, t.tokens, t.file);
  return t;
}

TemplateSet TemplateSet::load(const fs::path& folder) {
  use_xml_escaping();
  TemplateSet set;
  set.folder_ = folder;
  if (!fs::is_directory(folder)) throw TemplateError(folder.generic_string(), "no such template folder");
  if (fs::path layouts = (folder / ".." / "layouts").lexically_normal(); fs::is_directory(layouts))
    set.layouts_ = layouts;
  if (fs::is_regular_file(folder / "wording.json")) set.wording_ = Wording::load(folder / "wording.json");
  const std::vector<std::string> partial_names =
      names_in(folder / "partials", kPartialSuffix, set.layouts_.empty() ? fs::path() : set.layouts_ / "partials");
  for (const auto& name : partial_names) {
    Template t = set.read_template(fs::path("partials") / (name + std::string(kPartialSuffix)), "partials/" + name);
    set.partial_texts_[name] = t.text;
    set.marked_partial_texts_[name] = t.marked;
    set.partials_.emplace(name, std::move(t));
  }
  std::vector<std::string> kind_names = names_in(folder, kMainSuffix, set.layouts_);
  if (kind_names.empty()) throw TemplateError(folder.generic_string(), "no *.xml.mustache template");
  for (const auto& name : kind_names) {
    Kind k;
    k.main = set.read_template(name + std::string(kMainSuffix), name);
    // A missing or unreadable schema or sample is an error of the set, like a broken template.
    auto read_json = [&](const std::string& suffix, const std::string& why) {
      fs::path file = set.find(name + suffix);
      if (!fs::is_regular_file(file)) throw TemplateError(file.generic_string(), "missing: " + why);
      try {
        return nlohmann::json::parse(read_file(file));
      } catch (const nlohmann::json::exception& e) {
        throw TemplateError(file.generic_string(), std::string("invalid JSON: ") + e.what());
      }
    };
    std::string schema_file = set.find(name + ".schema.json").generic_string();
    k.schema = parse_schema(read_json(".schema.json", "each template declares the keys it uses"), schema_file);
    k.sample = read_json(".sample.json", "each template has sample data for its trial render");
    std::string shown = set.find(name + ".sample.json").generic_string();
    check_data(k.schema, k.sample, shown);
    SchemaScopes scopes{&k.schema};
    std::vector<std::string> chain;
    set.check_keys(k.main, scopes, chain, name + ".schema.json");
    try {
      k.parsed = std::make_shared<const ParsedTemplate>(set.inline_partials(k.main));
    } catch (const std::runtime_error& e) {  // kainjow refusing what the tokenizer accepted
      throw TemplateError(set.where(k.main.file, 1), e.what());
    }
    set.parse_marked(k, k.sample);  // the trial render
    set.kinds_.emplace(name, std::move(k));
    // ... and the plain render documents get. The markers are processing instructions, and their
    // "?>" can close a "<?" the template left open, so a set passing the trial render alone could
    // fail every document (found by fuzz/template_fuzz, fuzz/README.md T2).
    try {
      set.render(name, set.kinds_.at(name).sample);
    } catch (const TemplateError& e) {
      throw TemplateError(set.files_[std::size_t(set.kinds_.at(name).main.file)],
                          std::string("the sample renders to markup that does not parse (") + e.what() +
                              "): look for a <? or <!-- left open in the template or its partials");
    }
  }
  // Every word of wording.json is some template's (a key left over is a line nobody reads).
  set.wording_.check_all_used([&](const std::string& section) {
    if (section.starts_with("partials/")) return set.partials_.count(section.substr(9)) > 0;
    return set.kinds_.count(section) > 0;
  });
  return set;
}

void TemplateSet::check_keys(const Template& t, SchemaScopes& scopes, std::vector<std::string>& chain,
                             const std::string& schema_file) const {
  std::vector<bool> pushed;  // per open section: did it open a scope?
  for (const auto& token : t.tokens) {
    using K = MustacheToken::Kind;
    auto fail = [&](const std::string& reason) { throw TemplateError(where(t.file, token.line), reason); };
    switch (token.kind) {
      case K::text:
      case K::comment:
        break;
      case K::variable: {
        const SchemaNode* node = resolve(scopes, token.name);
        if (token.name == "." && node && node->kind != SchemaNode::Kind::leaf) fail("{{.}} outside a list of values");
        if (!node) fail("unknown key " + spell(token) + " (not in " + schema_file + ")");
        if (node->kind != SchemaNode::Kind::leaf) fail(spell(token) + " is " + kind_of_node(*node) + ", not a value");
        break;
      }
      case K::section:
      case K::inverted: {
        const SchemaNode* node = resolve(scopes, token.name);
        if (!node) fail("unknown key " + spell(token) + " (not in " + schema_file + ")");
        bool opens = token.kind == K::section;
        if (opens) scopes.push_back(node->kind == SchemaNode::Kind::list ? &node->item[0] : node);
        pushed.push_back(opens);
        break;
      }
      case K::close:
        if (pushed.back()) scopes.pop_back();
        pushed.pop_back();
        break;
      case K::partial: {
        auto found = partials_.find(token.name);
        if (found == partials_.end())
          fail("unknown partial " + spell(token) + " (no partials/" + token.name + ".mustache)");
        if (std::find(chain.begin(), chain.end(), token.name) != chain.end())
          fail("partial " + spell(token) + " includes itself");
        chain.push_back(token.name);
        check_keys(found->second, scopes, chain, schema_file);
        chain.pop_back();
        break;
      }
    }
  }
}

layout::Document TemplateSet::parse_marked(const Kind& k, const nlohmann::json& data) const {
  std::string markup = mstch::render(k.main.marked, to_mstch(data), marked_partial_texts_);
  layout::MarkupLocator locate = [&](std::size_t offset) {
    auto [file, line] = source_of(markup, offset);
    return file < 0 ? where(k.main.file, 1) : where(file, line);
  };
  try {
    return layout::parse_markup(markup, locate);
  } catch (const layout::MarkupError& e) {
    throw TemplateError(e.where(), e.reason());
  }
}

const TemplateSet::Kind& TemplateSet::kind(std::string_view name) const {
  auto found = kinds_.find(name);
  if (found == kinds_.end())
    throw TemplateError(folder_.generic_string(), "no template for document kind \"" + std::string(name) + "\"");
  return found->second;
}

std::vector<std::string> TemplateSet::kinds() const {
  std::vector<std::string> names;
  for (const auto& [name, k] : kinds_) names.push_back(name);
  return names;
}

bool TemplateSet::has(std::string_view name) const { return kinds_.find(name) != kinds_.end(); }
const SchemaNode& TemplateSet::schema(std::string_view name) const { return kind(name).schema; }
const nlohmann::json& TemplateSet::sample(std::string_view name) const { return kind(name).sample; }

std::string TemplateSet::render_markup(std::string_view name, const nlohmann::json& data) const {
  const Kind& k = kind(name);
  check_data(k.schema, data, std::string(name) + " data");
  return k.parsed->render(data);
}

std::string TemplateSet::mstch_markup(std::string_view name, const nlohmann::json& data) const {
  const Kind& k = kind(name);
  check_data(k.schema, data, std::string(name) + " data");
  return mstch::render(k.main.text, to_mstch(data), partial_texts_);
}

std::string TemplateSet::inline_partials(const Template& t) const {
  // check_keys has found every partial and no partial including itself.
  std::string out;
  std::size_t copied = 0;
  for (const MustacheToken& token : t.tokens) {
    if (token.kind != MustacheToken::Kind::partial) continue;
    out.append(t.text, copied, token.begin - copied);
    out += inline_partials(partials_.at(token.name));
    copied = token.end;
  }
  out.append(t.text, copied, std::string::npos);
  return out;
}

layout::Document TemplateSet::render(std::string_view name, const nlohmann::json& data) const {
  std::string markup = render_markup(name, data);
  layout::Document document;
  try {
    document = layout::parse_markup(markup, std::string(name) + " output");
  } catch (const layout::MarkupError& plain) {
    parse_marked(kind(name), data);  // throws with the template line, as the trial render does
    throw TemplateError(plain.where(), plain.reason());
  }
  for (auto& block : document.blocks)
    if (auto* image = std::get_if<layout::Image>(&block); image && fs::path(image->path).is_relative())
      image->path = (folder_ / image->path).lexically_normal().generic_string();
  return document;
}

}  // namespace clause::templates
