// Money in integer cents of euros (RULES B6): no floating point ever touches an amount.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clause {

struct Money {
  std::int64_t cents = 0;

  static constexpr Money from_cents(std::int64_t c) { return Money{c}; }
  friend constexpr Money operator+(Money a, Money b) { return {a.cents + b.cents}; }
  friend constexpr Money operator-(Money a, Money b) { return {a.cents - b.cents}; }
  friend constexpr Money operator-(Money a) { return {-a.cents}; }
  Money& operator+=(Money o) {
    cents += o.cents;
    return *this;
  }
  Money& operator-=(Money o) {
    cents -= o.cents;
    return *this;
  }
  friend constexpr auto operator<=>(Money, Money) = default;
};

// value * numerator / denominator rounded half away from zero (RULES B6). denominator > 0.
// Used for percentages (fee * 25 / 100), proration (price * days / days_in_period) and
// index ratios; exact for any operands whose product fits in 128 bits.
Money scale_rounded(Money value, std::int64_t numerator, std::int64_t denominator);
std::int64_t divide_rounded(std::int64_t numerator, std::int64_t denominator);

// "1234.56", "-3.5", "12": a dot and at most two decimals (the import format). Nothing otherwise.
std::optional<Money> parse_money(std::string_view text);
// "1234.56", "-0.05": the machine form, for CSV, XML and the database.
std::string format_money_plain(Money m);

}  // namespace clause
