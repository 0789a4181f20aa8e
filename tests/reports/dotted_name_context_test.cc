// The template context that cuts dotted names in place (reports/templates/dotted_name_context.h,
// issue 16): every template below renders exactly as with kainjow-mustache's own context, dotted
// names at their edges (empty parts, a final dot, a chain that fails in the innermost item and
// succeeds in an outer one), plain names shadowed by inner items, "." in lists, partials.
#include "reports/templates/dotted_name_context.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace clause::templates {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data sample() {
  data invoice{data::type::object};
  invoice["number"] = "FA-2026-000042";
  invoice["contract"] = data{"id", "CTR-7"};
  data lines{data::type::list};
  data first{"label", "Infogérance"};
  first["contract"] = data{"name", "inner"};  // shadows nothing: "contract.id" is not in it
  lines.push_back(first);
  lines.push_back(data{"label", "Sauvegarde"});
  invoice["lines"] = std::move(lines);
  data words{data::type::list};
  words.push_back(data{"un"});
  words.push_back(data{"deux"});
  invoice["words"] = std::move(words);
  invoice[""] = data{"b", "empty-named"};
  invoice["a"] = data{"", data{"b", "after an empty part"}};
  invoice["footer"] = data{kainjow::mustache::partial{[] { return std::string("[{{number}}]"); }}};
  return invoice;
}

std::string with_kainjow_context(const std::string& text, const data& root) {
  mustache parsed{text};
  EXPECT_TRUE(parsed.is_valid()) << parsed.error_message();
  kainjow::mustache::context<std::string> context{&root};
  return parsed.render(context);
}

std::string with_dotted_name_context(const std::string& text, const data& root) {
  mustache parsed{text};
  DottedNameContext context{&root};
  return parsed.render(context);
}

TEST(DottedNameContext, FindsWhatKainjowsContextFinds) {
  const data root = sample();
  for (const std::string text : {
           "{{number}} {{contract.id}} {{contract.name}} {{missing.id}}",
           "{{#lines}}{{label}}/{{contract.id}}/{{contract.name}}/{{number}};{{/lines}}",
           "{{#words}}<{{.}}>{{/words}}",
           "{{a..b}}|{{.b}}|{{contract.id.}}|{{contract..id}}|{{contract.id.more}}",
           "{{#contract}}{{id}}{{/contract}}{{^contract.none}}none{{/contract.none}}",
           "{{#contract.id}}has {{.}}{{/contract.id}}",
           "{{>footer}} {{#lines}}{{>footer}}{{/lines}}",
       })
    EXPECT_EQ(with_dotted_name_context(text, root), with_kainjow_context(text, root)) << text;
}

TEST(DottedNameContext, GivesTheFiguresWorkedOutByHand) {
  const data root = sample();
  EXPECT_EQ(with_dotted_name_context("{{#lines}}{{label}}:{{contract.id}}:{{contract.name}} {{/lines}}", root),
            "Infogérance:CTR-7:inner Sauvegarde:CTR-7: ");
  EXPECT_EQ(with_dotted_name_context("{{a..b}}|{{.b}}|{{contract.id.}}", root),
            "after an empty part|empty-named|CTR-7");
}

}  // namespace
}  // namespace clause::templates
