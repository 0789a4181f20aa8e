// Source markers (reports/templates/source_markers.h).
#include "reports/templates/source_markers.h"

#include <charconv>

namespace clause::templates {
namespace {

constexpr std::string_view kMarker = "<?src ";

// Where the literal text of a template stands relative to XML syntax.
// A CDATA section is text: a '>' or a line end inside it must not be taken for markup (a marker
// there would become part of the document's text).
enum class XmlState { content, tag, quoted, comment, instruction, cdata };

}  // namespace

std::string mark_sources(std::string_view text, const std::vector<MustacheToken>& tokens, int file) {
  std::string out;
  out.reserve(text.size() * 2);
  auto marker = [&](int line) {
    return std::string(kMarker) + std::to_string(file) + ":" + std::to_string(line) + "?>";
  };
  XmlState state = XmlState::content;
  char quote = '"';
  for (const auto& token : tokens) {
    if (token.kind != MustacheToken::Kind::text) {
      out.append(text.substr(token.begin, token.end - token.begin));
      continue;
    }
    int line = token.line;
    std::string_view chunk = text.substr(token.begin, token.end - token.begin);
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      char c = chunk[i];
      std::string_view rest = chunk.substr(i);
      switch (state) {
        case XmlState::content:
          if (c == '<') {
            if (rest.substr(0, 4) == "<!--") {
              state = XmlState::comment;
            } else if (rest.substr(0, 9) == "<![CDATA[") {
              out += marker(line);
              state = XmlState::cdata;
            } else if (rest.substr(0, 2) == "<?") {
              state = XmlState::instruction;
            } else {
              out += marker(line);  // a processing instruction is legal even before the root
              state = XmlState::tag;
            }
          }
          break;
        case XmlState::tag:
          if (c == '"' || c == '\'') {
            quote = c;
            state = XmlState::quoted;
          } else if (c == '>') {
            state = XmlState::content;
          }
          break;
        case XmlState::quoted:
          if (c == quote) state = XmlState::tag;
          break;
        case XmlState::comment:
          if (rest.substr(0, 3) == "-->") state = XmlState::content;
          break;
        case XmlState::instruction:
          if (rest.substr(0, 2) == "?>") state = XmlState::content;
          break;
        case XmlState::cdata:
          if (rest.substr(0, 3) == "]]>") state = XmlState::content;
          break;
      }
      out += c;
      if (c == '\n') {
        ++line;
        if (state == XmlState::content) out += marker(line);
      }
    }
  }
  return out;
}

std::pair<int, int> source_of(std::string_view rendered, std::size_t offset) {
  if (offset > rendered.size()) offset = rendered.size();
  std::size_t at = rendered.substr(0, offset).rfind(kMarker);
  if (at == std::string_view::npos) return {-1, 0};
  std::string_view body = rendered.substr(at + kMarker.size());
  int file = 0, line = 0;
  auto [colon, e1] = std::from_chars(body.data(), body.data() + body.size(), file);
  if (e1 != std::errc() || colon == body.data() + body.size() || *colon != ':') return {-1, 0};
  auto [end, e2] = std::from_chars(colon + 1, body.data() + body.size(), line);
  if (e2 != std::errc()) return {-1, 0};
  return {file, line};
}

}  // namespace clause::templates
