// Fixed-point decimals for values that are not money but must stay exact: price indices (268.5),
// percentages with decimals. Stored as an integer count of 1/1000. Also the one place decimal text
// is read (issue 11): money (model/money.h) and thousandths share parse_fixed_point, and the
// figures of documents that are not money (percentages, counts) are read by parse_double.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clause {

struct Milli {
  std::int64_t thousandths = 0;
  friend constexpr auto operator<=>(Milli, Milli) = default;
};

// "-12.5" as an integer count of 10^-decimals (-1250 for 2 decimals): an optional minus, digits,
// optionally a dot and 1 to `decimals` digits, at most `max_length` characters after the minus.
// Nothing otherwise. The one fixed-point reader of parse_money and parse_milli.
std::optional<std::int64_t> parse_fixed_point(std::string_view text, int decimals, std::size_t max_length);
// A whole string read as a double (std::from_chars: "3.25", "-12", "1e3"): only for the figures of
// a document that are not money (percentages, counts, layout sizes). Nothing otherwise.
std::optional<double> parse_double(std::string_view text);
// The decimals a machine-form figure carries: "66.7" -> 1, "5" -> 0.
int decimals_of(std::string_view text);

// "268.5", "268.500", "99.9": a dot and at most three decimals.
std::optional<Milli> parse_milli(std::string_view text);
// Shortest exact form: 268500 -> "268.5", 99000 -> "99".
std::string format_milli(Milli v);

}  // namespace clause
