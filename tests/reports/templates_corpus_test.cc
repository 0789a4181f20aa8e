// The broken-template corpus (tests/template_corpus/<case>/): each case is a template set with one
// fault, and expected.txt holds the exact message a template author must read.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "reports/templates/template_set.h"

namespace clause::templates {
namespace {

namespace fs = std::filesystem;

std::string load_error(const std::string& name) {
  fs::current_path(CLAUSE_SOURCE_DIR);  // messages name the folder as given: repository-relative
  try {
    TemplateSet::load(fs::path("tests/template_corpus") / name);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "no error";
}

std::string expected(const std::string& name) {
  std::ifstream in(fs::path(CLAUSE_SOURCE_DIR) / "tests/template_corpus" / name / "expected.txt");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

class TemplateCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(TemplateCorpus, LoadFailsWithTheExpectedMessage) { EXPECT_EQ(load_error(GetParam()), expected(GetParam())); }

INSTANTIATE_TEST_SUITE_P(Cases, TemplateCorpus,
                         ::testing::Values("unclosed_section", "mismatched_close", "unknown_markup_tag",
                                           "missing_partial", "unknown_key", "bad_typed_value", "unknown_attribute",
                                           "cell_count", "unescaped_output", "malformed_markup",
                                           "typed_key_in_text_position", "error_in_partial", "unknown_key_in_partial",
                                           "sample_breaks_schema", "list_used_as_value",
                                           "instruction_closed_by_a_marker"));

TEST(TemplateCorpusCoverage, EveryCaseFolderIsListed) {
  int folders = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAUSE_SOURCE_DIR) / "tests/template_corpus"))
    if (entry.is_directory()) ++folders;
  EXPECT_EQ(folders, 16);
}

}  // namespace
}  // namespace clause::templates
