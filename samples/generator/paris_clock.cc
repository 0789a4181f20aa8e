#include "samples/generator/paris_clock.h"

namespace clause {
namespace {

using namespace std::chrono;

// 01:00 UTC on the last Sunday of `month` of `y`: when EU clocks change.
Instant change_instant(year y, month m) {
  const sys_days last_sunday{year_month_weekday_last{y, m, weekday_last{Sunday}}};
  return Instant{last_sunday + hours{1}};
}

std::string two(long v) { return std::string{char('0' + v / 10), char('0' + v % 10)}; }

}  // namespace

minutes paris_offset(Instant t) {
  const year y = year_month_day{floor<days>(t)}.year();
  const bool summer = change_instant(y, March) <= t && t < change_instant(y, October);
  return summer ? minutes{120} : minutes{60};
}

std::string format_paris(Instant t) {
  const minutes offset = paris_offset(t);
  const Instant local = t + offset;
  const auto day = floor<days>(local);
  const hh_mm_ss hms{local - day};
  return format_date(Date{day}) + "T" + two(hms.hours().count()) + ":" + two(hms.minutes().count()) + ":" +
         two(hms.seconds().count()) + "+" + two(offset.count() / 60) + ":00";
}

Instant paris_instant(Date day, minutes time_of_day) {
  const Instant wall{sys_days{day} + time_of_day};
  const Instant as_summer = wall - minutes{120};
  if (paris_offset(as_summer) == minutes{120}) return as_summer;
  return wall - minutes{60};
}

}  // namespace clause
