// Fixed-point decimals for values that are not money but must stay exact: price indices (268.5),
// percentages with decimals. Stored as an integer count of 1/1000.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clause {

struct Milli {
  std::int64_t thousandths = 0;
  friend constexpr auto operator<=>(Milli, Milli) = default;
};

// "268.5", "268.500", "99.9": a dot and at most three decimals.
std::optional<Milli> parse_milli(std::string_view text);
// Shortest exact form: 268500 -> "268.5", 99000 -> "99".
std::string format_milli(Milli v);

}  // namespace clause
