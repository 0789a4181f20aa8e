#include "store/folded_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace clause {
namespace {

void append_utf8(std::string& out, UChar32 c) {
  char bytes[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(bytes, n, c);
  out.append(bytes, std::size_t(n));
}

const icu::Normalizer2& nfkd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKD: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

// One code point of the original, folded: its letters and digits, case-folded, without marks.
std::string fold_code_point(UChar32 c) {
  std::string out;
  if (c < 0x80) {  // ASCII, the common case, without ICU
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+')
      out += char(c);
    else if (c >= 'A' && c <= 'Z')
      out += char(c - 'A' + 'a');
    return out;
  }
  UChar unit[2];
  int32_t units = 0;
  U16_APPEND_UNSAFE(unit, units, c);
  UChar folded[16];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_strFoldCase(folded, 16, unit, units, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString decomposed;
  nfkd().normalize(icu::UnicodeString(folded, length), decomposed, status);
  if (U_FAILURE(status)) return out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    // Ligatures and letters with a stroke NFKD keeps whole: their usual spelling without accent.
    switch (d) {
      case 0x0153:
        out += "oe";
        continue;  // œ
      case 0x00E6:
        out += "ae";
        continue;  // æ
      case 0x00F8:
        out += "o";
        continue;  // ø
      case 0x0142:
        out += "l";
        continue;  // ł
      case 0x0111:
        out += "d";
        continue;  // đ
      default:
        break;
    }
    if (d < 0x80) {
      out += fold_code_point(d);
    } else if (u_isalnum(d)) {
      append_utf8(out, d);
    }
  }
  return out;
}

}  // namespace

FoldedText fold_text(std::string_view text) {
  FoldedText out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = int32_t(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;  // an invalid byte: nothing to match
    for (char k : fold_code_point(c)) {
      out.key += k;
      out.origin.emplace_back(std::size_t(begin), std::size_t(i));
    }
  }
  return out;
}

std::string folded_key(std::string_view text) { return fold_text(text).key; }

std::vector<std::pair<std::size_t, std::size_t>> find_folded(const FoldedText& text, const std::string& key) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (key.empty()) return out;
  for (std::size_t at = text.key.find(key); at != std::string::npos; at = text.key.find(key, at + 1)) {
    const std::size_t begin = text.origin[at].first, end = text.origin[at + key.size() - 1].second;
    if (!out.empty() && begin <= out.back().second)
      out.back().second = std::max(out.back().second, end);
    else
      out.emplace_back(begin, end);
  }
  return out;
}

}  // namespace clause
