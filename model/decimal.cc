#include "model/decimal.h"

namespace clause {

std::optional<Milli> parse_milli(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text[0] == '-') { negative = true; text.remove_prefix(1); }
  if (text.empty() || text.size() > 15) return std::nullopt;
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (frac.empty() || frac.size() > 3))) return std::nullopt;
  std::int64_t v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  size_t digits = 0;
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
    ++digits;
  }
  for (; digits < 3; ++digits) v *= 10;
  return Milli{negative ? -v : v};
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
