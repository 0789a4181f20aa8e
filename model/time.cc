#include "model/time.h"

#include <charconv>

namespace clause {
namespace {

// Reads exactly `width` digits at text[pos..]; false when any is not a digit.
bool read_digits(std::string_view text, size_t pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  out = v;
  return true;
}

std::string two(unsigned v) { return std::string{char('0' + v / 10), char('0' + v % 10)}; }

}  // namespace

Date YearMonth::first_day() const {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
}
Date YearMonth::last_day() const {
  return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
}
YearMonth YearMonth::next() const { return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1}; }
YearMonth YearMonth::previous() const { return month == 1 ? YearMonth{year - 1, 12} : YearMonth{year, month - 1}; }

std::optional<Date> parse_date(std::string_view text) {
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d)) return std::nullopt;
  Date date{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date d) {
  return std::to_string(int(d.year())) + "-" + two(unsigned(d.month())) + "-" + two(unsigned(d.day()));
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
  int y, m;
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || m < 1 || m > 12) return std::nullopt;
  return YearMonth{y, unsigned(m)};
}

std::string format_year_month(YearMonth m) { return std::to_string(m.year) + "-" + two(m.month); }

std::optional<Instant> parse_instant(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS then Z or +HH:MM / -HH:MM
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  int hh, mm, ss;
  if (!date || !read_digits(text, 11, 2, hh) || !read_digits(text, 14, 2, mm) || !read_digits(text, 17, 2, ss))
    return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::string_view zone = text.substr(19);
  int offset_minutes = 0;
  if (zone == "Z") {
    offset_minutes = 0;
  } else {
    int oh, om;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || !read_digits(zone, 1, 2, oh) ||
        !read_digits(zone, 4, 2, om) || oh > 14 || om > 59)
      return std::nullopt;
    offset_minutes = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
  }
  auto local =
      std::chrono::sys_days{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
  return std::chrono::time_point_cast<std::chrono::seconds>(local - std::chrono::minutes{offset_minutes});
}

std::string format_instant_utc(Instant t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::hh_mm_ss hms{t - days};
  return format_date(Date{days}) + "T" + two(unsigned(hms.hours().count())) + ":" +
         two(unsigned(hms.minutes().count())) + ":" + two(unsigned(hms.seconds().count())) + "Z";
}

}  // namespace clause
