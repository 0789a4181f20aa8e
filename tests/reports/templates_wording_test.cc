// Wording files (reports/templates/wording.h): one layout per kind in templates/layouts/, the words
// in templates/<lang>/wording.json. The broken cases (tests/wording_corpus/<case>/) each hold a
// layouts/ folder and fr/wording.json with one fault; the messages are the exact ones a provider
// reads. Then: a provider rewords a line, or keeps a whole layout of its own for one language.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "reports/templates/template_set.h"
#include "reports/templates/wording.h"

namespace clause::templates {
namespace {

namespace fs = std::filesystem;

std::string load_error(const std::string& name) {
  fs::current_path(CLAUSE_SOURCE_DIR);  // messages name the folder as given: repository-relative
  try {
    TemplateSet::load(fs::path("tests/wording_corpus") / name / "fr");
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "no error";
}

TEST(TemplateWording, AKeyWithoutWordsNamesTheLayoutLine) {
  EXPECT_EQ(load_error("missing_key"),
            "tests/wording_corpus/missing_key/layouts/doc.xml.mustache:2: no wording \"heading\" in "
            "tests/wording_corpus/missing_key/fr/wording.json (section \"doc\")");
}

TEST(TemplateWording, WordsNoTemplateUsesNameTheirLine) {
  EXPECT_EQ(load_error("unused_key"),
            "tests/wording_corpus/unused_key/fr/wording.json:5: \"doc.footer\" is used by no template (no "
            "{{@footer}} in doc)");
}

TEST(TemplateWording, ASectionWithoutItsLayoutNamesItsLine) {
  EXPECT_EQ(load_error("no_template_section"),
            "tests/wording_corpus/no_template_section/fr/wording.json:6: section \"invoice\" is no template's (no "
            "invoice layout)");
}

TEST(TemplateWording, BadJsonNamesTheLine) {
  EXPECT_EQ(load_error("bad_json"),
            "tests/wording_corpus/bad_json/fr/wording.json:5: invalid JSON: syntax error while parsing object - "
            "unexpected string literal; expected '}'");
}

TEST(TemplateWording, ATextIsOneLine) {
  EXPECT_EQ(load_error("line_break"),
            "tests/wording_corpus/line_break/fr/wording.json:4: \"doc.heading\" holds a line break: a text is one "
            "line (the layout decides where lines go)");
}

TEST(TemplateWording, ATextIsAString) {
  EXPECT_EQ(load_error("not_a_text"),
            "tests/wording_corpus/not_a_text/fr/wording.json:4: \"doc.heading\" must be a text");
}

// A fault inside the words is found where they land, and the message names both lines.
TEST(TemplateWording, AnUnknownKeyInTheWordsNamesLayoutAndWordingLines) {
  EXPECT_EQ(load_error("unknown_key_in_words"),
            "tests/wording_corpus/unknown_key_in_words/layouts/doc.xml.mustache:2 "
            "(tests/wording_corpus/unknown_key_in_words/fr/wording.json:4): unknown key {{nmae}} (not in "
            "doc.schema.json)");
}

TEST(TemplateWordingCoverage, EveryCaseFolderIsTested) {
  int folders = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAUSE_SOURCE_DIR) / "tests/wording_corpus"))
    if (entry.is_directory()) ++folders;
  EXPECT_EQ(folders, 7);
}

// A scratch copy of templates/ (layouts, fr, en) a test may edit.
fs::path scratch_templates(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("clause-wording-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::copy(fs::path(CLAUSE_SOURCE_DIR) / "templates", dir, fs::copy_options::recursive);
  return dir;
}

nlohmann::json read_json(const fs::path& file) { return nlohmann::json::parse(std::ifstream(file)); }
void write_json(const fs::path& file, const nlohmann::json& j) { std::ofstream(file) << j.dump(2) << "\n"; }

// Issue 11: a provider rewords a line of wording.json; the layout is untouched.
TEST(TemplateWording, AProviderRewordsOneLineWithoutTouchingTheLayout) {
  const fs::path dir = scratch_templates("reword");
  nlohmann::json words = read_json(dir / "fr/wording.json");
  words["sample"]["no_line_this_month"] = "Rien à facturer ce mois-ci.";
  write_json(dir / "fr/wording.json", words);
  const TemplateSet set = TemplateSet::load(dir / "fr");
  nlohmann::json data = set.sample("sample");
  data["lines"] = nlohmann::json::array();
  EXPECT_NE(set.render_markup("sample", data).find("<p small=\"true\">Rien à facturer ce mois-ci.</p>"),
            std::string::npos);
  fs::remove_all(dir);
}

// A layout of the language folder itself is used as it is, for that language only.
TEST(TemplateWording, ALanguageFolderLayoutOverridesTheSharedOne) {
  const fs::path dir = scratch_templates("override");
  std::ofstream(dir / "en/sample.xml.mustache") << "<document title=\"{{title}}\"><h1>Own layout</h1></document>\n";
  nlohmann::json words = read_json(dir / "en/wording.json");
  words.erase("sample");  // its words are the provider's layout's now
  write_json(dir / "en/wording.json", words);
  const TemplateSet english = TemplateSet::load(dir / "en");
  const TemplateSet french = TemplateSet::load(dir / "fr");
  EXPECT_EQ(english.render_markup("sample", english.sample("sample")),
            "<document title=\"Relevé d&apos;essai\"><h1>Own layout</h1></document>\n");
  EXPECT_NE(french.render_markup("sample", french.sample("sample")).find("<party>Pour le client</party>"),
            std::string::npos);
  fs::remove_all(dir);
}

// A new language is one wording file: the layouts, schemas and samples are shared.
TEST(TemplateWording, ANewLanguageIsOneWordingFile) {
  const fs::path dir = scratch_templates("language");
  fs::create_directories(dir / "de");
  nlohmann::json words = read_json(dir / "en/wording.json");
  words["sample"]["for_client"] = "Für den Kunden";
  write_json(dir / "de/wording.json", words);
  const TemplateSet german = TemplateSet::load(dir / "de");
  EXPECT_NE(german.render_markup("sample", german.sample("sample")).find("<party>Für den Kunden</party>"),
            std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace clause::templates
