// Text folded for finding personal data in free text (RULES G3, G5; issue 14): case-folded
// (Unicode full case folding, so "GÉRARD" = "gérard", "STRAẞE" = "strasse"), accents removed
// (compatibility decomposition NFKD, combining marks dropped, so "gerard" = "Gérard" and the
// ligatures œ/æ read "oe"/"ae"), and only letters, digits and "+" kept, so that blanks, dots,
// hyphens, commas and line breaks never hide a quote ("06.34.38.42.54" = "06 34 38 42 54",
// "Jean-Pierre" = "jean pierre"). ICU (libicu-dev) does the Unicode part. Each byte of the key
// remembers which bytes of the original it came from, so that a match is replaced in the original.
// Folding over-matches on purpose: erasing one word too many is safer than leaving a name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clause {

struct FoldedText {
  std::string key;                                          // the folded text, UTF-8
  std::vector<std::pair<std::size_t, std::size_t>> origin;  // per byte of key: [begin, end) in the original
};

// `text` (UTF-8; an invalid byte is dropped) folded as described above.
FoldedText fold_text(std::string_view text);

// The folded key alone: fold_text(text).key.
std::string folded_key(std::string_view text);

// The [begin, end) byte ranges of the original text where `key` (a folded_key) occurs, from the
// first letter of the match to its last, merged where they touch or overlap, in order.
std::vector<std::pair<std::size_t, std::size_t>> find_folded(const FoldedText& text, const std::string& key);

}  // namespace clause
