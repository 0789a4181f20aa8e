#include "model/decimal.h"

#include <charconv>
#include <system_error>

namespace clause {

std::optional<std::int64_t> parse_fixed_point(std::string_view text, int decimals, std::size_t max_length) {
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > max_length) return std::nullopt;
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (frac.empty() || frac.size() > std::size_t(decimals))))
    return std::nullopt;
  std::int64_t v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  int digits = 0;
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
    ++digits;
  }
  for (; digits < decimals; ++digits) v *= 10;
  return negative ? -v : v;
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

int decimals_of(std::string_view text) {
  const auto dot = text.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

std::optional<Milli> parse_milli(std::string_view text) {
  auto v = parse_fixed_point(text, 3, 15);
  if (!v) return std::nullopt;
  return Milli{*v};
}

std::string format_milli(Milli m) {
  std::int64_t v = m.thousandths < 0 ? -m.thousandths : m.thousandths;
  std::string out = (m.thousandths < 0 ? "-" : "") + std::to_string(v / 1000);
  std::int64_t frac = v % 1000;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    while (f.size() < 3) f = "0" + f;
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace clause
