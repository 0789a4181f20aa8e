// Tokenizer for the subset of Mustache that Clause templates use (reports/templates/mustache_tokens.h).
#include "reports/templates/mustache_tokens.h"

#include <cctype>

namespace clause::templates {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool is_name(std::string_view s) {
  if (s == ".") return true;
  if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return false;
  return true;
}

}  // namespace

std::string spell(const MustacheToken& token) {
  switch (token.kind) {
    case MustacheToken::Kind::section:
      return "{{#" + token.name + "}}";
    case MustacheToken::Kind::inverted:
      return "{{^" + token.name + "}}";
    case MustacheToken::Kind::close:
      return "{{/" + token.name + "}}";
    case MustacheToken::Kind::partial:
      return "{{> " + token.name + "}}";
    case MustacheToken::Kind::comment:
      return "{{!" + token.name + "}}";
    case MustacheToken::Kind::variable:
      return "{{" + token.name + "}}";
    case MustacheToken::Kind::text:
      break;
  }
  return token.name;
}

std::optional<TemplateProblem> tokenize_mustache(std::string_view text, std::vector<MustacheToken>& tokens) {
  tokens.clear();
  std::vector<std::size_t> open_index;
  int line = 1;
  std::size_t pos = 0;
  auto advance_lines = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      if (text[i] == '\n') ++line;
  };
  while (pos < text.size()) {
    std::size_t start = text.find("{{", pos);
    if (start == std::string_view::npos) start = text.size();
    if (start > pos) {
      tokens.push_back({MustacheToken::Kind::text, std::string(text.substr(pos, start - pos)), line, pos, start});
      advance_lines(pos, start);
    }
    if (start == text.size()) break;
    int tag_line = line;
    if (text.substr(start, 3) == "{{{") {
      std::size_t close = text.find("}}}", start);
      std::string name(trimmed(text.substr(start + 3, close == std::string_view::npos ? 0 : close - start - 3)));
      return TemplateProblem{tag_line,
                             "unescaped output {{{" + name + "}}} is not allowed: data must not write markup"};
    }
    std::size_t close = text.find("}}", start + 2);
    if (close == std::string_view::npos) return TemplateProblem{tag_line, "tag {{ is never closed by }}"};
    std::string_view inside = text.substr(start + 2, close - start - 2);
    MustacheToken token;
    token.line = tag_line;
    token.begin = start;
    token.end = close + 2;
    char sigil = inside.empty() ? '\0' : inside.front();
    switch (sigil) {
      case '#':
        token.kind = MustacheToken::Kind::section;
        break;
      case '^':
        token.kind = MustacheToken::Kind::inverted;
        break;
      case '/':
        token.kind = MustacheToken::Kind::close;
        break;
      case '>':
        token.kind = MustacheToken::Kind::partial;
        break;
      case '!':
        token.kind = MustacheToken::Kind::comment;
        break;
      case '&':
        return TemplateProblem{tag_line, "unescaped output {{" + std::string(trimmed(inside)) +
                                             "}} is not allowed: data must not write markup"};
      case '=':
        return TemplateProblem{tag_line, "delimiter changes {{=...=}} are not supported"};
      default:
        token.kind = MustacheToken::Kind::variable;
        break;
    }
    bool has_sigil = token.kind != MustacheToken::Kind::variable;
    token.name = std::string(trimmed(has_sigil ? inside.substr(1) : inside));
    advance_lines(start, close + 2);
    pos = close + 2;
    if (token.kind != MustacheToken::Kind::comment && !is_name(token.name))
      return TemplateProblem{tag_line, "bad tag name in {{" + std::string(inside) + "}}"};
    if (token.kind == MustacheToken::Kind::section || token.kind == MustacheToken::Kind::inverted) {
      open_index.push_back(tokens.size());
    } else if (token.kind == MustacheToken::Kind::close) {
      if (open_index.empty()) return TemplateProblem{tag_line, spell(token) + " closes no open section"};
      const MustacheToken& opener = tokens[open_index.back()];
      if (opener.name != token.name)
        return TemplateProblem{tag_line, spell(token) + " does not close " + spell(opener) + " opened at line " +
                                             std::to_string(opener.line)};
      open_index.pop_back();
    }
    tokens.push_back(std::move(token));
  }
  if (!open_index.empty()) {
    const MustacheToken& opener = tokens[open_index.back()];
    return TemplateProblem{
        opener.line, "unclosed section " + spell(opener) + " (no {{/" + opener.name + "}} before the end of the file)"};
  }
  return std::nullopt;
}

}  // namespace clause::templates
