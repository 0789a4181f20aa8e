// Excel sheet names (reports/xlsx/sheet_names.h).
#include "reports/xlsx/sheet_names.h"

#include <cctype>

namespace clause::xlsx {
namespace {

constexpr std::size_t kMaxChars = 31;

// The first `n` UTF-8 characters of `s` (never cutting a character in two).
std::string first_chars(std::string_view s, std::size_t n) {
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
  }
  return std::string(s.substr(0, i));
}

std::string lowered(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string SheetNames::claim(std::string_view wanted, std::string_view fallback) {
  std::string base;
  for (char c : wanted) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  while (!base.empty() && (base.front() == '\'' || base.front() == ' ')) base.erase(0, 1);
  while (!base.empty() && (base.back() == '\'' || base.back() == ' ')) base.pop_back();
  if (base.empty()) base = std::string(fallback);
  if (lowered(base) == "history") base += " (1)";
  std::string name = first_chars(base, kMaxChars);
  for (int n = 2; taken_.count(lowered(name)); ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    name = first_chars(base, kMaxChars - suffix.size()) + suffix;
  }
  taken_.insert(lowered(name));
  return name;
}

}  // namespace clause::xlsx
