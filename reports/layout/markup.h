// The layout markup: a small, closed XML vocabulary that a rendered Mustache template produces and
// that maps 1:1 onto layout::Document (reports/layout/layout.h). Every element and attribute is
// checked: an unknown tag, an unknown attribute, a row whose cell count does not match the columns
// or a typed value in the wrong shape is an error naming the place and the reason, never a silently
// empty document. The vocabulary is described in docs/templates.md.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "reports/layout/layout.h"

namespace clause::layout {

// A markup error. what() is "<where>: <reason>", e.g.
// "statement.xml.mustache:12: unknown tag <tabel>".
class MarkupError : public std::runtime_error {
 public:
  MarkupError(std::string where, std::string reason);
  const std::string& where() const { return where_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string where_;
  std::string reason_;
};

// Maps a byte offset of the markup text to a place a person can open: "file:line".
using MarkupLocator = std::function<std::string(std::size_t offset)>;

// Parses markup into a Document; errors are located as "<source_name>:<line>".
// Throws MarkupError.
Document parse_markup(std::string_view text, std::string_view source_name);

// Same, locating errors with `locate` (templates use it to point back at template lines).
Document parse_markup(std::string_view text, const MarkupLocator& locate);

// The markup of a Document, such that parse_markup(to_markup(d)) describes the same document.
// Used by round-trip tests and to dump a document for inspection.
std::string to_markup(const Document& document);

// 1-based line number of a byte offset (offsets past the end count as the last line).
int line_of_offset(std::string_view text, std::size_t offset);

// The machine form of a typed value is valid: money "1234.56", date "2026-10-31", datetime
// "2026-10-31T17:30", percent/number "99.953", integer "42"; text and "" (a blank cell) always are.
bool is_valid_typed_value(CellType type, std::string_view value);

// "money", "date", ...; and back (nothing for an unknown word).
std::string_view cell_type_name(CellType type);
std::optional<CellType> parse_cell_type(std::string_view word);

}  // namespace clause::layout
