// Fuzz target of template validation (reports/templates/template_set.h): the bytes become a
// Mustache template of a real template set (templates/fr/, with the real schema and sample of the
// kind) and go through TemplateSet::load, which tokenizes, checks keys and partials and makes a
// trial render whose markup is parsed. TemplateError is the expected outcome; a crash, a leak, a
// sanitizer report, another exception type, or a broken invariant is a finding.
//
// Input layout: byte 0 chooses which file of the set the rest replaces.
//   byte0 % 4          the kind: invoice, credit_note, statement, sample (each alone in its folder,
//                      with its schema, its sample and every partial of templates/fr/partials)
//   byte0 & 4          0: the kind's main <kind>.xml.mustache; 4: a partial, the real main kept
//   (byte0 >> 3) % 9   which partial, in name order (templates/fr/partials has 9 today)
// Invariant checked: a set that loaded renders its own sample through TemplateSet::render (the
// plain template, without the source markers of the trial render) without error.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "reports/templates/template_set.h"

namespace {

namespace fs = std::filesystem;
using clause::fuzz::broken;

const std::vector<std::string> kinds{"invoice", "credit_note", "statement", "sample"};

struct Fixture {
  fs::path source = fs::path(CLAUSE_SOURCE_DIR) / "templates/fr";
  std::vector<std::string> partials;        // names, sorted
  std::vector<std::string> partial_texts;   // same order
  std::vector<std::string> main_texts;      // by kind
  std::vector<fs::path> folders;            // by kind: scratch/<kind>/
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture made;
    for (const auto& entry : fs::directory_iterator(made.source / "partials"))
      made.partials.push_back(entry.path().filename().string());
    std::sort(made.partials.begin(), made.partials.end());
    for (const auto& name : made.partials) made.partial_texts.push_back(clause::fuzz::read_file(made.source / "partials" / name));
    for (const auto& kind : kinds) {
      fs::path folder = clause::fuzz::scratch() / kind;
      fs::create_directories(folder / "partials");
      for (const char* suffix : {".schema.json", ".sample.json"})
        fs::copy_file(made.source / (kind + suffix), folder / (kind + suffix));
      for (std::size_t i = 0; i < made.partials.size(); ++i)
        clause::fuzz::write_file(folder / "partials" / made.partials[i], made.partial_texts[i]);
      made.main_texts.push_back(clause::fuzz::read_file(made.source / (kind + ".xml.mustache")));
      made.folders.push_back(folder);
    }
    return made;
  }();
  return f;
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
    try {
      (void)set.render(kinds[kind], set.sample(kinds[kind]));
    } catch (const clause::templates::TemplateError& e) {
      broken(std::string("loaded, but rendering its own sample failed: ") + e.what());
    }
  } catch (const clause::templates::TemplateError& e) {
    clause::fuzz::tell(e.what());
  }
  if (partial) clause::fuzz::write_file(partial_file, f.partial_texts[which]);
  return 0;
}
