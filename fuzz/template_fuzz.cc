// Fuzz target of template validation (reports/templates/template_set.h): the bytes become a
// Mustache template of a real template set (templates/layouts/ composed with the words of
// templates/fr/wording.json, with the real schema and sample of the kind) and go through TemplateSet::load, which
// tokenizes, checks keys and partials and makes a trial render whose markup is parsed. TemplateError is the expected
// outcome; a crash, a leak, a sanitizer report, another exception type, or a broken invariant is a finding.
//
// Input layout: byte 0 chooses which file of the set the rest replaces.
//   byte0 % 4          the kind: invoice, credit_note, statement, sample (each alone in its folder,
//                      with its schema, its sample and every partial of templates/fr/partials)
//   byte0 & 4          0: the kind's main <kind>.xml.mustache; 4: a partial, the real main kept
//   (byte0 >> 3) % 9   which partial, in name order (templates/layouts/partials has 9 today)
// Invariants checked on a set that loaded (reports/templates/source_markers.h, layout/markup.h):
//   1. it renders its own sample through TemplateSet::render (the plain template) without error;
//   2. the marked copies used by the trial render describe the same document as the plain
//      template ("XML parsers skip processing instructions, so the marked output parses to the
//      same document"), compared through layout::to_markup;
//   3. to_markup round-trips: parse_markup(to_markup(d)) describes d again.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "fuzz/fuzz_support.h"
#include "reports/layout/markup.h"
#include "reports/templates/mstch_data.h"
#include "reports/templates/mustache_tokens.h"
#include "reports/templates/source_markers.h"
#include "reports/templates/template_set.h"
#include "reports/templates/wording.h"

namespace {

namespace fs = std::filesystem;
using clause::fuzz::broken;

const std::vector<std::string> kinds{"invoice", "credit_note", "statement", "sample"};

struct Fixture {
  fs::path source = fs::path(CLAUSE_SOURCE_DIR) / "templates/layouts";
  clause::templates::Wording words =
      clause::templates::Wording::load(fs::path(CLAUSE_SOURCE_DIR) / "templates/fr/wording.json");
  std::vector<std::string> partials;       // names, sorted
  std::vector<std::string> partial_texts;  // same order
  std::vector<std::string> main_texts;     // by kind
  std::vector<fs::path> folders;           // by kind: scratch/<kind>/
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture made;
    for (const auto& entry : fs::directory_iterator(made.source / "partials"))
      made.partials.push_back(entry.path().filename().string());
    std::sort(made.partials.begin(), made.partials.end());
    // The French words put in once, so that the fuzzed bytes replace a whole template as loaded.
    auto composed = [&](const fs::path& file, const std::string& section) {
      return clause::templates::compose_wording(clause::fuzz::read_file(file), file.string(), section, made.words).text;
    };
    for (const auto& name : made.partials)
      made.partial_texts.push_back(
          composed(made.source / "partials" / name,
                   "partials/" + name.substr(0, name.size() - std::string_view(".mustache").size())));
    for (const auto& kind : kinds) {
      fs::path folder = clause::fuzz::scratch() / kind;
      fs::create_directories(folder / "partials");
      for (const char* suffix : {".schema.json", ".sample.json"})
        fs::copy_file(made.source / (kind + suffix), folder / (kind + suffix));
      for (std::size_t i = 0; i < made.partials.size(); ++i)
        clause::fuzz::write_file(folder / "partials" / made.partials[i], made.partial_texts[i]);
      made.main_texts.push_back(composed(made.source / (kind + ".xml.mustache"), kind));
      made.folders.push_back(folder);
    }
    return made;
  }();
  return f;
}

// The marked copy of one template, as TemplateSet makes it (file numbers do not matter here: the
// markers are processing instructions, skipped by the markup parser).
std::string marked(const std::string& text) {
  std::vector<clause::templates::MustacheToken> tokens;
  if (clause::templates::tokenize_mustache(text, tokens)) broken("a template of a loaded set does not tokenize");
  return clause::templates::mark_sources(text, tokens, 0);
}

// Invariants 2 and 3 for the set of `folder` whose main template is `main_text`.
void check_documents(const clause::templates::TemplateSet& set, const std::string& kind, const std::string& main_text,
                     const std::map<std::string, std::string>& partial_texts) {
  const clause::layout::Document plain = set.render(kind, set.sample(kind));
  std::map<std::string, std::string> marked_partials;
  for (const auto& [name, text] : partial_texts) marked_partials[name] = marked(text);
  const std::string marked_markup =
      mstch::render(marked(main_text), clause::templates::to_mstch(set.sample(kind)), marked_partials);
  clause::layout::Document with_markers;
  try {
    with_markers = clause::layout::parse_markup(marked_markup, "marked");
  } catch (const clause::layout::MarkupError& e) {
    broken(std::string("the marked render fails outside load: ") + e.what());
  }
  const std::string written = clause::layout::to_markup(plain);
  if (clause::layout::to_markup(with_markers) != written)
    broken("the marked and plain templates describe different documents:\n" + clause::layout::to_markup(with_markers) +
           "\n---\n" + written);
  std::string again;
  try {
    again = clause::layout::to_markup(clause::layout::parse_markup(written, "to_markup"));
  } catch (const clause::layout::MarkupError& e) {
    broken(std::string("to_markup wrote markup that does not parse: ") + e.what() + "\n" + written);
  }
  if (again != written) broken("to_markup does not round-trip:\n" + written + "\n---\n" + again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  Fixture& f = fixture();
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t kind = data[0] % kinds.size();
  const bool partial = (data[0] & 4) != 0;
  const std::size_t which = (data[0] >> 3) % f.partials.size();
  const fs::path& folder = f.folders[kind];
  const fs::path main = folder / (kinds[kind] + ".xml.mustache");
  const fs::path partial_file = folder / "partials" / f.partials[which];

  clause::fuzz::write_file(main, partial ? std::string_view(f.main_texts[kind]) : text);
  if (partial) clause::fuzz::write_file(partial_file, text);
  try {
    auto set = clause::templates::TemplateSet::load(folder);
    clause::fuzz::tell("template set loaded");
    std::map<std::string, std::string> partial_texts;
    for (std::size_t i = 0; i < f.partials.size(); ++i)
      partial_texts[f.partials[i].substr(0, f.partials[i].size() - std::string_view(".mustache").size())] =
          partial && i == which ? std::string(text) : f.partial_texts[i];
    try {
      check_documents(set, kinds[kind], partial ? f.main_texts[kind] : std::string(text), partial_texts);
    } catch (const clause::templates::TemplateError& e) {
      broken(std::string("loaded, but rendering its own sample failed: ") + e.what());
    }
  } catch (const clause::templates::TemplateError& e) {
    clause::fuzz::tell(e.what());
  }
  if (partial) clause::fuzz::write_file(partial_file, f.partial_texts[which]);
  return 0;
}
