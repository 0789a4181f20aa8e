// The contractual clock (RULES T1-T5): local time in the contract's zone with DST (Boost.Date_Time),
// French public holidays for any year, business hours (HO/HNO), the HO clock, day counts and
// month arithmetic. Pure: no clock, no I/O; "now" is always a parameter.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "model/contract.h"
#include "model/terms.h"
#include "model/time.h"
#include "model/time_zone.h"

namespace clause {

// A local wall-clock reading.
struct LocalTime {
  Date date{};
  std::chrono::minutes time_of_day{0};
  unsigned iso_weekday = 1;  // Monday = 1 .. Sunday = 7
  std::chrono::minutes utc_offset{0};
};

// T3: Easter Sunday by the Gregorian computus.
Date easter_sunday(int year);
// T3: the legal public holidays of `year` in `zone`, sorted.
std::vector<Date> public_holidays(int year, HolidayZone zone);
bool is_public_holiday(Date d, HolidayZone zone);

// T5: keeps the day of month, clamped to the last day of the target month.
Date add_months(Date d, int months);
Date add_days(Date d, int days);

// T4: is `d` a jour ouvré (Mon-Fri, not a holiday) / ouvrable (Mon-Sat, not a holiday).
bool is_jour_ouvre(Date d, HolidayZone zone);
bool is_jour_ouvrable(Date d, HolidayZone zone);
// T4: the date `delay` after `from` ("within 10 jours ouvrés of D"): counts forward days of the kind.
Date add_delay(Date from, Delay delay, HolidayZone zone);
// T4: the latest date an act may happen to respect "`delay` before `deadline`"
// (32 jours francs before A -> A - 33 days).
Date latest_date_before(Date deadline, Delay delay, HolidayZone zone);

// The clock of one contract: zone, holiday zone, business hours. Cheap to copy; build one per contract.
class ContractClock {
 public:
  ContractClock(const TimeZoneRule& zone, HolidayZone holidays, BusinessHours hours);

  LocalTime to_local(Instant t) const;
  // The instant of a local wall-clock time. A time that does not exist (spring gap) maps to the
  // instant just after the gap; an ambiguous time (autumn) maps to the first occurrence.
  Instant to_instant(Date d, std::chrono::minutes time_of_day) const;
  // T1: the local month as a UTC interval (October 2026 in Paris = 745 hours).
  Interval month(YearMonth m) const;
  YearMonth month_of(Instant t) const;  // S8
  // F2: the local wall time of `t` happens twice (the autumn repeated hour, 02:30 CEST then
  // 02:30 CET), so it must be shown with its offset.
  bool is_repeated_local_time(Instant t) const;
  Date local_date(Instant t) const;

  bool is_business_time(Instant t) const;  // T2: HO
  // The HO clock: `t` plus `business` minutes counted only inside HO (S1, S9).
  Instant add_business_time(Instant t, std::chrono::minutes business) const;
  // Business minutes between two instants (0 when to <= from).
  std::chrono::minutes business_time_between(Instant from, Instant to) const;

  HolidayZone holiday_zone() const { return holidays_; }
  // T2: a business weekday of BusinessHours that is not a public holiday of the zone.
  bool is_business_day(Date d) const;
  const BusinessHours& business_hours() const { return hours_; }

 private:
  struct Zone;  // the Boost posix_time_zone, kept out of this header
  // One Zone per POSIX rule for the whole process (memoised: building one tabulates DST years).
  // Throws std::invalid_argument "time zone NAME: invalid POSIX rule \"RULE\"".
  static std::shared_ptr<const Zone> shared_zone(const TimeZoneRule& rule);

  std::shared_ptr<const Zone> zone_;
  HolidayZone holidays_;
  BusinessHours hours_;
  unsigned business_weekdays_ = 0;  // bit w set for ISO weekday w of hours_.weekdays
};

}  // namespace clause
