// A document template parsed once per run and rendered for every document (issue 16). mstch, which
// the rest of Clause's Mustache goes through, parses the template text again at each render and its
// installed API offers nothing else: that parse was 17 % of a statement's instructions. Debian's
// kainjow-mustache keeps the parsed template. Rendering it is not declared const, so each thread
// takes a parsed copy of its own from a small pool (one per rendering thread, parsed on first use).
//
// The text given has its partials already inlined (a document template's partials are known at
// load), so that nothing is parsed at render time. The data is converted the way to_mstch does, and
// escaped with escape_xml; the two differences between the engines are bridged here:
// - an empty string or null is false for a section in mstch, true in kainjow: they become false;
// - a standalone comment or partial line is removed by mstch, kept by kainjow: only blanks differ,
//   which the layout markup collapses as HTML does (reports/layout/markup.h).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kainjow::mustache {
template <typename StringType>
class basic_mustache;
}

namespace clause::templates {

class ParsedTemplate {
 public:
  // Parses `text` (Mustache, partials inlined, already checked by tokenize_mustache).
  explicit ParsedTemplate(std::string text);
  ~ParsedTemplate();
  ParsedTemplate(const ParsedTemplate&) = delete;
  ParsedTemplate& operator=(const ParsedTemplate&) = delete;

  // The template rendered with `data`; thread-safe.
  std::string render(const nlohmann::json& data) const;

 private:
  using Parsed = kainjow::mustache::basic_mustache<std::string>;
  std::unique_ptr<Parsed> parse() const;

  std::string text_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Parsed>> idle_;  // parsed copies no thread is using
};

}  // namespace clause::templates
