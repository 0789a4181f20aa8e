// A Mustache template cut into tokens with their line numbers. mstch reports no error at all (an
// unclosed section silently drops the rest of the output), so Clause reads every template itself
// first: tags must be closed, sections balanced, and the constructs that would let data write
// markup ({{{x}}}, {{&x}}) or change the grammar ({{=<% %>=}}) are refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clause::templates {

struct MustacheToken {
  enum class Kind { text, variable, section, inverted, close, partial, comment };
  Kind kind = Kind::text;
  std::string name;       // the tag's name, trimmed ("client.name", "incidents", "."); text for text
  int line = 1;           // 1-based line of the token's first character
  std::size_t begin = 0;  // byte range of the whole token in the template
  std::size_t end = 0;
};

// Where a problem was found in a template, and why.
struct TemplateProblem {
  int line = 0;
  std::string reason;
};

// Cuts `text` into tokens and checks that sections are balanced. On failure returns the problem
// (first one found) and leaves `tokens` unspecified.
std::optional<TemplateProblem> tokenize_mustache(std::string_view text, std::vector<MustacheToken>& tokens);

// "{{#incidents}}", "{{^x}}", "{{/x}}", "{{> p}}", "{{x}}": a token as a person would write it.
std::string spell(const MustacheToken& token);

}  // namespace clause::templates
