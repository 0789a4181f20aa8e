// A template set: every document template of one folder (templates/fr/, templates/en/), loaded and
// validated ONCE per run, before anything is rendered. A folder holds, per document kind:
//   <kind>.xml.mustache   the main template, writing layout markup (reports/layout/markup.h)
//   <kind>.schema.json    the keys the document model provides (reports/templates/schema.h)
//   <kind>.sample.json    sample data following the schema, used for a trial render
// and partials/<name>.mustache shared by the kinds ({{> name}}). Loading checks every template:
// tags closed and sections balanced, partials known, every {{tag}} a key of the schema in its
// section's scope, and the trial render's markup valid. Any problem is a TemplateError naming the
// file, the line and the reason.
//
// One layout per kind (issue 11): a file missing from the folder is taken from the sibling
// folder `layouts/` (templates/layouts/ beside templates/fr/), whose {{@key}} tags take their words
// from the folder's wording.json (reports/templates/wording.h). A file present in the folder
// itself (a provider's own statement.xml.mustache for one language) is used as it is.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/layout/layout.h"
#include "reports/templates/mustache_tokens.h"
#include "reports/templates/parsed_template.h"
#include "reports/templates/schema.h"
#include "reports/templates/template_error.h"
#include "reports/templates/wording.h"

namespace clause::templates {

class TemplateSet {
 public:
  // Loads and validates every template of `folder`; sets mstch's escaping to XML (process-global).
  // Error places are written as `folder` / relative file, e.g. "templates/fr/statement.xml.mustache:3".
  // Throws TemplateError.
  static TemplateSet load(const std::filesystem::path& folder);

  // The document kinds of the set, sorted: {"sample", "statement"}.
  std::vector<std::string> kinds() const;
  bool has(std::string_view kind) const;
  const SchemaNode& schema(std::string_view kind) const;
  const nlohmann::json& sample(std::string_view kind) const;
  const std::filesystem::path& folder() const { return folder_; }

  // Checks `data` against the kind's schema, renders the template and parses the markup. Relative
  // image paths are resolved against the set's folder. Throws TemplateError: for data, where() is
  // "<kind> data, <path>"; for markup, the template file and line that wrote the faulty element.
  layout::Document render(std::string_view kind, const nlohmann::json& data) const;

  // The markup text `render` parses (after the same data check); for inspection and tests.
  std::string render_markup(std::string_view kind, const nlohmann::json& data) const;
  // The markup mstch writes for the same data, parsing the template again (as the trial render
  // and the error path do): what render_markup is tested against (equal up to blanks).
  std::string mstch_markup(std::string_view kind, const nlohmann::json& data) const;

 private:
  struct Template {
    int file = 0;  // index in files_
    std::string text;
    std::string marked;  // with source markers (reports/templates/source_markers.h)
    std::vector<MustacheToken> tokens;
  };
  struct Kind {
    Template main;
    SchemaNode schema;
    nlohmann::json sample;
    std::shared_ptr<const ParsedTemplate> parsed;  // main with its partials inlined, parsed once
  };

  TemplateSet() = default;
  // Reads `relative` from the folder, else from layouts/, and composes its wording (`section`).
  Template read_template(const std::filesystem::path& relative, const std::string& section);
  // The folder's file, else the layouts/ one; the folder's when neither exists.
  std::filesystem::path find(const std::filesystem::path& relative) const;
  std::string where(int file, int line) const;
  const Kind& kind(std::string_view name) const;
  void check_keys(const Template& t, SchemaScopes& scopes, std::vector<std::string>& chain,
                  const std::string& schema_file) const;
  layout::Document parse_marked(const Kind& k, const nlohmann::json& data) const;
  // t's text with each {{> partial}} replaced by the partial's own text, inlined in turn.
  std::string inline_partials(const Template& t) const;

  std::filesystem::path folder_;
  std::filesystem::path layouts_;                     // folder_/../layouts
  Wording wording_;                                   // folder_/wording.json, empty when absent
  std::vector<std::string> files_;                    // paths as shown; a marker's file number indexes it
  std::map<std::pair<int, int>, int> wording_lines_;  // (file, line) -> wording.json line of its words
  std::map<std::string, Template, std::less<>> partials_;
  std::map<std::string, std::string> partial_texts_;
  std::map<std::string, std::string> marked_partial_texts_;
  std::map<std::string, Kind, std::less<>> kinds_;
};

}  // namespace clause::templates
