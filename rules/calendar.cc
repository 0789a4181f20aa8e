// The contractual clock (RULES T1-T5). Holidays and day counts are integer date arithmetic.
// The zone is parsed once by Boost.Date_Time; its DST transitions are then tabulated per year
// (UTC instants) and shared by every clock of the process that uses the same rule, so that
// to_local / to_instant are a table lookup: statements call them millions of times.
#include "rules/calendar.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <stdexcept>

#include <boost/date_time/local_time/local_time.hpp>

namespace clause {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

constexpr int kFirstTabulatedYear = 1970;
constexpr int kLastTabulatedYear = 2200;

unsigned iso_weekday_of(sys_days d) { return std::chrono::weekday{d}.iso_encoding(); }

Date make_date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// TOOLCHAIN.md: Boost reads the POSIX offset with the opposite sign. Flip the sign of the
// standard offset and of the explicit DST offset (the part before the first comma).
std::string flip_posix_signs(const std::string& posix) {
  std::string out;
  size_t i = 0;
  const size_t rules_at = std::min(posix.find(','), posix.size());
  for (int part = 0; part < 2 && i < rules_at; ++part) {
    // a name: <...> or letters. Boost reads letters only; the name itself is never shown (documents
    // print offsets), so a quoted one ("<+04>", Indian/Reunion) is given a placeholder of letters.
    if (posix[i] == '<') {
      size_t close = posix.find('>', i);
      if (close == std::string::npos || close >= rules_at) break;
      out.append(part == 0 ? "QQQ" : "QQR");
      i = close + 1;
    } else {
      while (i < rules_at && std::isalpha(static_cast<unsigned char>(posix[i]))) out += posix[i++];
    }
    if (i >= rules_at) break;
    // an offset: [+-]h[h][:mm[:ss]]
    if (posix[i] == '+' || posix[i] == '-') {
      out += posix[i] == '+' ? '-' : '+';
      ++i;
    } else if (std::isdigit(static_cast<unsigned char>(posix[i]))) {
      out += '-';
    }
    while (i < rules_at && (std::isdigit(static_cast<unsigned char>(posix[i])) || posix[i] == ':')) out += posix[i++];
  }
  out.append(posix, i, std::string::npos);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// T3 holidays

Date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus / Jones / Butcher).
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, unsigned(month), unsigned(day));
}

std::vector<Date> public_holidays(int year, HolidayZone zone) {
  const sys_days easter = to_days(easter_sunday(year));
  std::vector<Date> out{make_date(year, 1, 1),   to_date(easter + days{1}),  make_date(year, 5, 1),
                        make_date(year, 5, 8),   to_date(easter + days{39}), to_date(easter + days{50}),
                        make_date(year, 7, 14),  make_date(year, 8, 15),     make_date(year, 11, 1),
                        make_date(year, 11, 11), make_date(year, 12, 25)};
  if (zone == HolidayZone::alsace_moselle) {
    out.push_back(to_date(easter - days{2}));  // Good Friday
    out.push_back(make_date(year, 12, 26));    // Saint Stephen
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_public_holiday(Date d, HolidayZone zone) {
  // Called for every day an HO clock walks over: fixed dates first, Easter only when needed.
  const unsigned m = unsigned(d.month()), day = unsigned(d.day());
  switch (m) {
    case 1:
      if (day == 1) return true;
      break;
    case 5:
      if (day == 1 || day == 8) return true;
      break;
    case 7:
      if (day == 14) return true;
      break;
    case 8:
      if (day == 15) return true;
      break;
    case 11:
      if (day == 1 || day == 11) return true;
      break;
    case 12:
      return day == 25 || (day == 26 && zone == HolidayZone::alsace_moselle);
    default:
      break;
  }
  if (m < 3 || m > 6) return false;  // Good Friday (>= 20 Mar) .. Whit Monday (<= 14 Jun)
  const auto offset = (to_days(d) - to_days(easter_sunday(int(d.year())))).count();
  return offset == 1 || offset == 39 || offset == 50 || (offset == -2 && zone == HolidayZone::alsace_moselle);
}

// ---------------------------------------------------------------------------------------------
// T4, T5 day counts and months

Date add_months(Date d, int months) {
  const std::chrono::year_month ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
  const auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  return Date{ym.year(), ym.month(), std::min(d.day(), last)};
}

Date add_days(Date d, int n) { return to_date(to_days(d) + days{n}); }

bool is_jour_ouvre(Date d, HolidayZone zone) { return iso_weekday_of(to_days(d)) <= 5 && !is_public_holiday(d, zone); }

bool is_jour_ouvrable(Date d, HolidayZone zone) {
  return iso_weekday_of(to_days(d)) <= 6 && !is_public_holiday(d, zone);
}

namespace {
bool counts(Date d, DayCount kind, HolidayZone zone) {
  return kind == DayCount::ouvres ? is_jour_ouvre(d, zone) : is_jour_ouvrable(d, zone);
}
}  // namespace

// calendar: from + N. francs: neither the day of the act nor the last day counts, so the
// deadline falls the day after the N whole days: from + N + 1. ouvrés / ouvrables: the N-th
// day of that kind strictly after `from`.
Date add_delay(Date from, Delay delay, HolidayZone zone) {
  switch (delay.count) {
    case DayCount::calendar:
      return add_days(from, delay.days);
    case DayCount::francs:
      return add_days(from, delay.days + 1);
    case DayCount::ouvres:
    case DayCount::ouvrables: {
      Date d = from;
      for (int found = 0; found < delay.days;) {
        d = add_days(d, 1);
        if (counts(d, delay.count, zone)) ++found;
      }
      return d;
    }
  }
  return from;
}

// The latest X with add_delay(X, delay) <= deadline: calendar A - N, francs A - N - 1 (T4:
// 32 jours francs before A -> A - 33), ouvrés / ouvrables: the day before the N-th day of that
// kind counted backwards from A inclusive.
Date latest_date_before(Date deadline, Delay delay, HolidayZone zone) {
  switch (delay.count) {
    case DayCount::calendar:
      return add_days(deadline, -delay.days);
    case DayCount::francs:
      return add_days(deadline, -delay.days - 1);
    case DayCount::ouvres:
    case DayCount::ouvrables: {
      if (delay.days <= 0) return deadline;
      Date d = add_days(deadline, 1);
      for (int found = 0; found < delay.days;) {
        d = add_days(d, -1);
        if (counts(d, delay.count, zone)) ++found;
      }
      return add_days(d, -1);
    }
  }
  return deadline;
}

// ---------------------------------------------------------------------------------------------
// ContractClock

struct ContractClock::Zone {
  seconds standard_offset{0};
  seconds dst_offset{0};  // added to the standard offset in summer
  bool has_dst = false;
  struct Transitions {
    Instant dst_start;
    Instant dst_end;
  };
  std::vector<Transitions> years;  // kFirstTabulatedYear .. kLastTabulatedYear
  boost::local_time::posix_time_zone boost_zone;

  explicit Zone(const boost::local_time::posix_time_zone& z) : boost_zone(z) {
    standard_offset = seconds{z.base_utc_offset().total_seconds()};
    has_dst = z.has_dst();
    if (!has_dst) return;
    dst_offset = seconds{z.dst_offset().total_seconds()};
    for (int y = kFirstTabulatedYear; y <= kLastTabulatedYear; ++y) years.push_back(compute(y));
  }

  static Instant from_ptime(const boost::posix_time::ptime& p) {
    const auto d = p.date();
    const sys_days day = to_days(make_date(int(d.year()), unsigned(d.month()), unsigned(d.day())));
    return Instant{day} + seconds{p.time_of_day().total_seconds()};
  }

  // Boost gives the start in local standard time and the end in local summer time.
  Transitions compute(int year) const {
    const auto start = from_ptime(boost_zone.dst_local_start_time(static_cast<unsigned short>(year)));
    const auto end = from_ptime(boost_zone.dst_local_end_time(static_cast<unsigned short>(year)));
    return {start - standard_offset, end - standard_offset - dst_offset};
  }

  Transitions transitions(int year) const {
    if (year >= kFirstTabulatedYear && year <= kLastTabulatedYear) return years[size_t(year - kFirstTabulatedYear)];
    return compute(year);
  }

  seconds offset_at(Instant t) const {
    if (!has_dst) return standard_offset;
    const int year = int(Date{std::chrono::floor<days>(t)}.year());
    const Transitions tr = transitions(year);
    const bool summer =
        tr.dst_start < tr.dst_end ? (tr.dst_start <= t && t < tr.dst_end) : (t < tr.dst_end || tr.dst_start <= t);
    return summer ? standard_offset + dst_offset : standard_offset;
  }

  // Local (days since epoch + seconds of day) -> instant, per ContractClock::to_instant.
  Instant to_instant(sys_days d, seconds time_of_day) const {
    const Instant local{d + time_of_day};  // the wall clock read as if it were UTC
    if (!has_dst) return local - standard_offset;
    const Instant summer = local - standard_offset - dst_offset;  // earlier candidate
    const Instant winter = local - standard_offset;
    const bool summer_ok = offset_at(summer) == standard_offset + dst_offset;
    const bool winter_ok = offset_at(winter) == standard_offset;
    if (summer_ok && winter_ok) return std::min(summer, winter);  // autumn: first occurrence
    if (summer_ok) return summer;
    if (winter_ok) return winter;
    // Spring gap: the transition instant, which is the first instant after the gap.
    const int year = int(Date{d}.year());
    return transitions(year).dst_start;
  }
};

ContractClock::ContractClock(const TimeZoneRule& zone, HolidayZone holidays, BusinessHours hours)
    : zone_(shared_zone(zone)), holidays_(holidays), hours_(std::move(hours)) {
  for (unsigned w : hours_.weekdays)
    if (w >= 1 && w <= 7) business_weekdays_ |= 1u << w;
}

std::shared_ptr<const ContractClock::Zone> ContractClock::shared_zone(const TimeZoneRule& rule) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const ContractClock::Zone>> zones;
  std::lock_guard lock(mutex);
  auto found = zones.find(rule.posix);
  if (found != zones.end()) return found->second;
  std::shared_ptr<const ContractClock::Zone> made;
  try {
    made =
        std::make_shared<const ContractClock::Zone>(boost::local_time::posix_time_zone(flip_posix_signs(rule.posix)));
  } catch (const std::exception&) {
    throw std::invalid_argument("time zone " + rule.name + ": invalid POSIX rule \"" + rule.posix + "\"");
  }
  zones.emplace(rule.posix, made);
  return made;
}

bool ContractClock::is_repeated_local_time(Instant t) const {
  const LocalTime here = to_local(t);
  // A wall time repeats when the same wall time, read at the offset in force a few hours before
  // or after, lands on another instant (any zone whose changes are at most a few hours apart).
  for (const Instant other : {t - std::chrono::hours{3}, t + std::chrono::hours{3}}) {
    const std::chrono::minutes offset = to_local(other).utc_offset;
    if (offset == here.utc_offset) continue;
    const LocalTime twin = to_local(t + (here.utc_offset - offset));
    if (twin.date == here.date && twin.time_of_day == here.time_of_day) return true;
  }
  return false;
}

LocalTime ContractClock::to_local(Instant t) const {
  const seconds offset = zone_->offset_at(t);
  const Instant local = t + offset;
  const sys_days day = std::chrono::floor<days>(local);
  return LocalTime{to_date(day), std::chrono::floor<minutes>(local - day), iso_weekday_of(day),
                   std::chrono::duration_cast<minutes>(offset)};
}

Instant ContractClock::to_instant(Date d, minutes time_of_day) const {
  return zone_->to_instant(to_days(d), time_of_day);
}

Interval ContractClock::month(YearMonth m) const {
  return Interval{to_instant(m.first_day(), minutes{0}), to_instant(m.next().first_day(), minutes{0})};
}

YearMonth ContractClock::month_of(Instant t) const {
  const Date d = local_date(t);
  return YearMonth{int(d.year()), unsigned(d.month())};
}

Date ContractClock::local_date(Instant t) const { return to_date(std::chrono::floor<days>(t + zone_->offset_at(t))); }

bool ContractClock::is_business_day(Date d) const {
  return (business_weekdays_ >> iso_weekday_of(to_days(d)) & 1u) && !is_public_holiday(d, holidays_);
}

bool ContractClock::is_business_time(Instant t) const {
  const Instant local = t + zone_->offset_at(t);
  const sys_days day = std::chrono::floor<days>(local);
  const seconds tod = local - day;
  return tod >= hours_.opens && tod < hours_.closes && is_business_day(to_date(day));
}

Instant ContractClock::add_business_time(Instant t, minutes business) const {
  if (business <= minutes{0}) return t;
  seconds remaining = business;
  const Instant local = t + zone_->offset_at(t);
  sys_days day = std::chrono::floor<days>(local);
  seconds from = local - day;
  // Walk the days; a year without any business day would mean a misconfigured BusinessHours.
  for (int guard = 0; guard < 3660; ++guard, ++day, from = seconds{0}) {
    if (!is_business_day(to_date(day)) || from >= hours_.closes) continue;
    const seconds start = std::max<seconds>(from, hours_.opens);
    const seconds available = hours_.closes - start;
    if (remaining <= available) {
      // Same-day arithmetic in local time: business hours never straddle a DST change.
      return zone_->to_instant(day, start + remaining);
    }
    remaining -= available;
  }
  throw std::logic_error("business hours: no business day within ten years");
}

minutes ContractClock::business_time_between(Instant from, Instant to) const {
  if (to <= from) return minutes{0};
  const sys_days first = std::chrono::floor<days>(from + zone_->offset_at(from));
  const sys_days last = std::chrono::floor<days>(to + zone_->offset_at(to));
  seconds total{0};
  for (sys_days day = first; day <= last; ++day) {
    if (!is_business_day(to_date(day))) continue;
    const Instant open = zone_->to_instant(day, hours_.opens);
    const Instant close = zone_->to_instant(day, hours_.closes);
    const Instant a = std::max(open, from), b = std::min(close, to);
    if (b > a) total += b - a;
  }
  return std::chrono::floor<minutes>(total);
}

}  // namespace clause
