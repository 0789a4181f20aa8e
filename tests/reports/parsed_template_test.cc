// Document templates parsed once per run (issue 16, reports/templates/parsed_template.h): the
// markup is mstch's up to blanks for every kind and language, sections treat each kind of value as
// mstch does, values are escaped for XML, and four threads rendering at once get what one does.
#include "reports/templates/parsed_template.h"

#include <filesystem>
#include <future>
#include <vector>

#include <gtest/gtest.h>

#include "reports/templates/template_set.h"

namespace clause::templates {
namespace {

namespace fs = std::filesystem;

// Runs of ASCII blanks as one space: the difference the layout markup does not see (it collapses
// blanks as HTML does, reports/layout/markup.h). A blank present on one side only would remain.
std::string without_blank_differences(const std::string& markup) {
  std::string out;
  bool blank = false;
  for (char c : markup) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  if (blank) out += ' ';
  // Blanks before the root element (a standalone comment's line, which mstch drops) are not markup.
  if (!out.empty() && out[0] == ' ') out.erase(0, 1);
  return out;
}

TEST(ParsedTemplate, EveryKindWritesMstchsMarkupUpToBlanks) {
  for (const char* language : {"fr", "en"}) {
    const TemplateSet set = TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates" / language);
    for (const std::string& kind : set.kinds()) {
      const std::string parsed = set.render_markup(kind, set.sample(kind));
      const std::string mstch = set.mstch_markup(kind, set.sample(kind));
      EXPECT_EQ(without_blank_differences(parsed), without_blank_differences(mstch)) << language << " " << kind;
      EXPECT_GT(parsed.size(), 200u) << language << " " << kind;
    }
  }
}

// What mstch does with each kind of value in {{#a}}...{{/a}}, {{^a}}...{{/a}} and {{a}} (seen with
// mstch 1.0.2, Debian's): "" and null are false, "0" and 0 are true, an object is entered once, a
// list once per item.
TEST(ParsedTemplate, SectionsTreatEachValueAsMstchDoes) {
  const ParsedTemplate t{"{{#a}}[A{{a}}{{b}}{{c.d}}]{{/a}}{{^a}}[notA]{{/a}}|"};
  const auto with = [&](nlohmann::json a) { return t.render({{"a", std::move(a)}, {"b", "B"}, {"c", {{"d", "D"}}}}); };
  EXPECT_EQ(with(""), "[notA]|");
  EXPECT_EQ(with(nullptr), "[notA]|");
  EXPECT_EQ(with(false), "[notA]|");
  EXPECT_EQ(with(nlohmann::json::array()), "[notA]|");
  EXPECT_EQ(with("x"), "[AxBD]|");
  EXPECT_EQ(with("0"), "[A0BD]|");
  EXPECT_EQ(with(0), "[A0BD]|");
  EXPECT_EQ(with(true), "[AtrueBD]|");
  EXPECT_EQ(with(nlohmann::json::object()), "[ABD]|");
  EXPECT_EQ(with({{"b", 1}}), "[A1D]|");
  EXPECT_EQ(with(nlohmann::json::array({{{"b", 2}}, {{"c", {{"d", 3}}}}})), "[A2D][AB3]|");
  EXPECT_EQ(with(99.953), "[A99.953BD]|");
}

TEST(ParsedTemplate, ValuesAreEscapedForXml) {
  const ParsedTemplate t{"<p title=\"{{a}}\">{{a}}</p>"};
  EXPECT_EQ(
      t.render({{"a", "R&D <SA> \"l'été\" 1/2"}}),
      "<p title=\"R&amp;D &lt;SA&gt; &quot;l&apos;été&quot; 1/2\">R&amp;D &lt;SA&gt; &quot;l&apos;été&quot; 1/2</p>");
}

TEST(ParsedTemplate, FourThreadsRenderWhatOneDoes) {
  const TemplateSet set = TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates/fr");
  const std::string one = set.render_markup("statement", set.sample("statement"));
  for (int round = 0; round < 3; ++round) {
    std::vector<std::future<std::string>> four;
    for (int i = 0; i < 4; ++i)
      four.push_back(
          std::async(std::launch::async, [&] { return set.render_markup("statement", set.sample("statement")); }));
    for (auto& f : four) EXPECT_EQ(f.get(), one);
  }
}

}  // namespace
}  // namespace clause::templates
