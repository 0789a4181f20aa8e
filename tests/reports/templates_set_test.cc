// Template sets: load once, render data into a layout document; data is checked against the schema.
#include "reports/templates/template_set.h"

#include <chrono>
#include <filesystem>

#include <gtest/gtest.h>

#include "reports/layout/markup.h"
#include "reports/templates/mustache_tokens.h"

namespace clause::templates {
namespace {

namespace fs = std::filesystem;

const TemplateSet& french() {
  static const TemplateSet set = TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates/fr");
  return set;
}

std::string data_error(nlohmann::json data) {
  try {
    french().render("sample", data);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "no error";
}

TEST(TemplateSet, ListsItsKinds) {
  auto kinds = french().kinds();
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "sample"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "statement"), kinds.end());
  EXPECT_FALSE(french().has("purchase_order"));
}

TEST(TemplateSet, RendersTheSampleIntoTypedBlocks) {
  layout::Document d = french().render("sample", french().sample("sample"));
  EXPECT_EQ(d.title, "Relevé d'essai");
  EXPECT_EQ(d.header, "R-2026-10/001");  // mstch would write &#x2F; with its default escaping
  ASSERT_EQ(d.blocks.size(), 8u);
  auto p = std::get<layout::Paragraph>(d.blocks[1]);
  EXPECT_EQ(p.spans[1].text, "Société Dupont & Fils");
  EXPECT_TRUE(p.spans[1].bold);
  auto t = std::get<layout::Table>(d.blocks[3]);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0].value, "Serveur web <prod>");
  EXPECT_EQ(t.rows[0][1].type, layout::CellType::date);
  EXPECT_EQ(t.total[2].value, "3");        // 2 + 1
  EXPECT_EQ(t.total[4].value, "1234.56");  // 1000.00 + 234.56
  auto c = std::get<layout::Chart>(d.blocks[4]);
  EXPECT_EQ(c.labels, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(c.series[0].values, (std::vector<double>{100, 99.5, 98.25}));
  EXPECT_EQ(std::get<layout::Paragraph>(d.blocks[5]).spans[0].text, "Montants hors taxes.");
}

TEST(TemplateSet, InvertedSectionShowsWhenTheListIsEmpty) {
  nlohmann::json data = french().sample("sample");
  data["lines"] = nlohmann::json::array();
  data["has_note"] = false;
  layout::Document d = french().render("sample", data);
  auto t = std::get<layout::Table>(d.blocks[3]);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(t.total[4].value, "0.00");
  EXPECT_EQ(std::get<layout::Paragraph>(d.blocks[4]).spans[0].text, "Aucune ligne ce mois-ci.");
}

TEST(TemplateData, UnknownKeyIsRefused) {
  nlohmann::json data = french().sample("sample");
  data["lines"][1]["amout"] = "1.00";
  EXPECT_EQ(data_error(data), "sample data, lines[1].amout: unknown key (not in the schema)");
}

TEST(TemplateData, MissingKeyIsRefused) {
  nlohmann::json data = french().sample("sample");
  data["period"].erase("to_text");
  EXPECT_EQ(data_error(data), "sample data, period.to_text: missing key");
}

TEST(TemplateData, MoneyMustBeInMachineForm) {
  nlohmann::json data = french().sample("sample");
  data["lines"][0]["amount"] = "1 000,00";
  EXPECT_EQ(data_error(data), "sample data, lines[0].amount: bad money value \"1 000,00\"");
}

TEST(TemplateData, BoolMustBeABoolean) {
  nlohmann::json data = french().sample("sample");
  data["has_note"] = "yes";
  EXPECT_EQ(data_error(data), "sample data, has_note: expected true or false");
}

TEST(TemplateSet, UnknownKindIsAnError) {
  try {
    french().render("purchase_order", nlohmann::json::object());
    FAIL();
  } catch (const TemplateError& e) {
    EXPECT_EQ(e.reason(), "no template for document kind \"purchase_order\"");
  }
}

TEST(TemplateSet, FrenchAndEnglishStatementsShareOneSchema) {
  auto english = TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates/en");
  // Same keys in both languages: the data builder is language-blind.
  nlohmann::json fr_sample = french().sample("statement");
  EXPECT_NO_THROW(english.render("statement", fr_sample));
  EXPECT_NO_THROW(french().render("statement", english.sample("statement")));
}

TEST(MustacheTokens, SpellsTagsAsWritten) {
  std::vector<MustacheToken> tokens;
  ASSERT_FALSE(tokenize_mustache("a{{#x}}{{> p}}{{^y}}{{/y}}{{/x}}\n{{ z.w }}", tokens));
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(spell(tokens[1]), "{{#x}}");
  EXPECT_EQ(spell(tokens[2]), "{{> p}}");
  EXPECT_EQ(spell(tokens[7]), "{{z.w}}");
  EXPECT_EQ(tokens[7].line, 2);
}

TEST(MustacheTokens, RefusesDelimiterChangesAndUnclosedTags) {
  std::vector<MustacheToken> tokens;
  EXPECT_EQ(tokenize_mustache("{{=<% %>=}}", tokens)->reason, "delimiter changes {{=...=}} are not supported");
  EXPECT_EQ(tokenize_mustache("\n\n{{x", tokens)->line, 3);
  EXPECT_EQ(tokenize_mustache("{{/x}}", tokens)->reason, "{{/x}} closes no open section");
  EXPECT_EQ(tokenize_mustache("{{&x}}", tokens)->reason,
            "unescaped output {{&x}} is not allowed: data must not write markup");
}

// mstch parses the template text on every call; this bounds the cost of a statement render
// (template + partials + markup parse). Measured ~0.3 ms on the 2-core reference machine.
TEST(TemplateSet, RenderIsFast) {
  const auto& data = french().sample("statement");
  auto start = std::chrono::steady_clock::now();
  int n = 200;
  for (int i = 0; i < n; ++i) french().render("statement", data);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / n;
  RecordProperty("statement_render_ms", std::to_string(ms));
  std::printf("statement render: %.3f ms\n", ms);
  EXPECT_LT(ms, 20.0);
}

}  // namespace
}  // namespace clause::templates
