#include "model/money.h"

#include <cstdlib>

#include "model/decimal.h"

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
  auto cents = parse_fixed_point(text, 2, 16);
  if (!cents) return std::nullopt;
  return Money{*cents};
}

std::string format_money_plain(Money m) {
  std::int64_t c = m.cents < 0 ? -m.cents : m.cents;
  std::string frac = std::to_string(c % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (m.cents < 0 ? "-" : "") + std::to_string(c / 100) + "." + frac;
}

}  // namespace clause
