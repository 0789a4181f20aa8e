#include "batch/output_paths.h"

#include <utility>

namespace clause {
namespace {

// Folds the Latin letters of French names to ASCII; any other byte sequence becomes a separator.
std::string_view ascii_fold(std::string_view utf8, size_t& consumed) {
  static const std::pair<std::string_view, std::string_view> folds[] = {
      {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"á", "a"}, {"ç", "c"},  {"é", "e"},  {"è", "e"},  {"ê", "e"},
      {"ë", "e"}, {"î", "i"}, {"ï", "i"}, {"í", "i"}, {"ô", "o"},  {"ö", "o"},  {"ó", "o"},  {"ù", "u"},
      {"û", "u"}, {"ü", "u"}, {"ú", "u"}, {"ÿ", "y"}, {"ñ", "n"},  {"œ", "oe"}, {"æ", "ae"}, {"À", "a"},
      {"Â", "a"}, {"Ç", "c"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"},  {"Ë", "e"},  {"Î", "i"},  {"Ï", "i"},
      {"Ô", "o"}, {"Ù", "u"}, {"Û", "u"}, {"Ü", "u"}, {"Œ", "oe"}, {"Æ", "ae"}};
  for (const auto& [from, to] : folds)
    if (utf8.substr(0, from.size()) == from) {
      consumed = from.size();
      return to;
    }
  consumed = 1;
  return {};
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string path_segment(std::string_view id) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(id.size());
  for (size_t i = 0; i < id.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (is_ascii_alnum(c) || c == '-' || (c == '.' && i > 0)) {
      out += char(c);
    } else {
      out += '_';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out.empty() ? "_" : out;
}

std::string readable_slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::string_view piece;
    char single[2] = {0, 0};
    size_t used = 1;
    if (is_ascii_alnum(c)) {
      single[0] = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      piece = std::string_view(single, 1);
    } else if (c >= 128) {
      piece = ascii_fold(text.substr(i), used);
    }
    i += used;
    if (piece.empty()) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += piece;
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "client" : out;
}

std::string client_folder_name(std::string_view account_name, std::string_view account_id) {
  return readable_slug(account_name) + "--" + path_segment(account_id);
}

}  // namespace clause
