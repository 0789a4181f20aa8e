#include "model/money.h"

#include <cstdlib>

namespace clause {

// 128-bit intermediates keep value x numerator exact; __extension__ silences -Wpedantic for the GCC type.
__extension__ typedef __int128 Wide;

std::int64_t divide_rounded(std::int64_t numerator, std::int64_t denominator) {
  // Half away from zero (B6): 0.5 -> 1, -0.5 -> -1.
  Wide n = numerator, d = denominator;
  bool negative = (n < 0) != (d < 0);
  if (n < 0) n = -n;
  if (d < 0) d = -d;
  Wide q = (2 * n + d) / (2 * d);
  return static_cast<std::int64_t>(negative ? -q : q);
}

Money scale_rounded(Money value, std::int64_t numerator, std::int64_t denominator) {
  Wide n = static_cast<Wide>(value.cents) * numerator;
  Wide d = denominator;
  bool negative = n < 0;
  if (negative) n = -n;
  Wide q = (2 * n + d) / (2 * d);
  return Money{static_cast<std::int64_t>(negative ? -q : q)};
}

std::optional<Money> parse_money(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text[0] == '-') { negative = true; text.remove_prefix(1); }
  if (text.empty() || text.size() > 16) return std::nullopt;
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (frac.empty() || frac.size() > 2))) return std::nullopt;
  std::int64_t cents = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  int digits = 0;
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
    ++digits;
  }
  for (; digits < 2; ++digits) cents *= 10;
  return Money{negative ? -cents : cents};
}

std::string format_money_plain(Money m) {
  std::int64_t c = m.cents < 0 ? -m.cents : m.cents;
  std::string frac = std::to_string(c % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (m.cents < 0 ? "-" : "") + std::to_string(c / 100) + "." + frac;
}

}  // namespace clause
