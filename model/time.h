// Instants, dates and intervals. An Instant is a UTC point in time (RULES T1): every stored
// timestamp is one. Local clocks (business hours, months) live in rules/calendar.h, which converts
// with the contract's time zone; nothing here knows about zones or reads the system clock.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace clause {

using Instant = std::chrono::sys_seconds;  // UTC, second precision
using Date = std::chrono::year_month_day;  // a civil date, no zone
using std::chrono::minutes;
using std::chrono::seconds;

// A half-open interval [begin, end) of UTC instants.
struct Interval {
  Instant begin;
  Instant end;
  seconds length() const { return end > begin ? end - begin : seconds{0}; }
  bool contains(Instant t) const { return begin <= t && t < end; }
  friend bool operator==(const Interval&, const Interval&) = default;
};

// A calendar month, e.g. 2026-10, as used by statements and price indices.
struct YearMonth {
  int year = 0;
  unsigned month = 0;  // 1..12
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
  Date first_day() const;
  Date last_day() const;  // 28, 29, 30 or 31
  YearMonth next() const;
  YearMonth previous() const;
};

// ISO 8601 with an explicit offset or Z: "2026-10-25T02:30:00+02:00". Returns nothing when the
// text is not exactly that shape or names an impossible date or time.
std::optional<Instant> parse_instant(std::string_view text);
// "2026-10-25T00:30:00Z": always UTC, always with seconds, so that stored text sorts as time does.
std::string format_instant_utc(Instant t);

// "2026-02-28"; nothing for "2026-02-29" or any other shape.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date d);

// "2026-10"; nothing for any other shape or a month outside 1..12.
std::optional<YearMonth> parse_year_month(std::string_view text);
std::string format_year_month(YearMonth m);

inline Date to_date(std::chrono::sys_days d) { return Date{d}; }
inline std::chrono::sys_days to_days(Date d) { return std::chrono::sys_days{d}; }

}  // namespace clause
