// RULES T1-T5: the contractual clock. Expected values computed by hand in the comments.
#include "rules/calendar.h"

#include <random>
#include <set>

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::hours;
using std::chrono::minutes;

// T3: Gregorian computus, checked against published Easter dates.
TEST(EasterSunday, T3MatchesPublishedDates) {
  EXPECT_EQ(easter_sunday(2024), day("2024-03-31"));
  EXPECT_EQ(easter_sunday(2025), day("2025-04-20"));
  EXPECT_EQ(easter_sunday(2026), day("2026-04-05"));
  EXPECT_EQ(easter_sunday(2027), day("2027-03-28"));
  EXPECT_EQ(easter_sunday(2038), day("2038-04-25"));  // latest possible date
  EXPECT_EQ(easter_sunday(2285), day("2285-03-22"));  // earliest possible date
}

// T3 2026 metropole: Easter 5 Apr -> Monday 6 Apr, Ascension +39 = Thu 14 May, Whit Monday +50 = 25 May.
TEST(PublicHolidays, T3Metropole2026) {
  std::vector<Date> expected{day("2026-01-01"), day("2026-04-06"), day("2026-05-01"), day("2026-05-08"),
                             day("2026-05-14"), day("2026-05-25"), day("2026-07-14"), day("2026-08-15"),
                             day("2026-11-01"), day("2026-11-11"), day("2026-12-25")};
  EXPECT_EQ(public_holidays(2026, HolidayZone::metropole), expected);
}

// T3 alsace-moselle adds Good Friday (Easter - 2 = 3 Apr 2026) and 26 Dec.
TEST(PublicHolidays, T3AlsaceMoselleAddsGoodFridayAndSaintStephen) {
  auto list = public_holidays(2026, HolidayZone::alsace_moselle);
  EXPECT_EQ(list.size(), 13u);
  EXPECT_EQ(list[1], day("2026-04-03"));
  EXPECT_EQ(list.back(), day("2026-12-26"));
  EXPECT_TRUE(is_public_holiday(day("2026-04-03"), HolidayZone::alsace_moselle));
  EXPECT_FALSE(is_public_holiday(day("2026-04-03"), HolidayZone::metropole));
  EXPECT_TRUE(is_public_holiday(day("2026-12-26"), HolidayZone::alsace_moselle));
  EXPECT_FALSE(is_public_holiday(day("2026-12-26"), HolidayZone::metropole));
}

// T3 Easter-based holidays of other years: 2024 (Easter 31 Mar): 1 Apr, 9 May, 20 May;
// 2025 (20 Apr): 21 Apr, 29 May, 9 Jun; 2027 (28 Mar): 29 Mar, 6 May, 17 May.
TEST(PublicHolidays, T3EasterBasedHolidaysMoveWithEaster) {
  for (const char* d : {"2024-04-01", "2024-05-09", "2024-05-20", "2025-04-21", "2025-05-29", "2025-06-09",
                        "2027-03-29", "2027-05-06", "2027-05-17"})
    EXPECT_TRUE(is_public_holiday(day(d), HolidayZone::metropole)) << d;
  EXPECT_FALSE(is_public_holiday(day("2025-04-01"), HolidayZone::metropole));
  EXPECT_FALSE(is_public_holiday(day("2026-04-05"), HolidayZone::metropole));  // Easter Sunday itself
}

TEST(PublicHolidays, T3IsPublicHolidayAgreesWithTheListOverManyYears) {
  for (int y = 1990; y <= 2100; ++y)
    for (auto zone : {HolidayZone::metropole, HolidayZone::alsace_moselle}) {
      auto list = public_holidays(y, zone);
      int count = 0;
      for (auto d = to_days(Date{std::chrono::year{y} / 1 / 1}); d <= to_days(Date{std::chrono::year{y} / 12 / 31});
           ++d)
        count += is_public_holiday(Date{d}, zone);
      // May 1 or 8 can coincide with Ascension (e.g. 2008: Ascension on 1 May).
      EXPECT_EQ(count, int(std::set<Date>(list.begin(), list.end()).size())) << y;
    }
}

// T5: the day of month is kept and clamped to the target month's last day.
TEST(AddMonths, T5ClampsToMonthEnd) {
  EXPECT_EQ(add_months(day("2024-02-29"), 24), day("2026-02-28"));
  EXPECT_EQ(add_months(day("2026-01-31"), 1), day("2026-02-28"));
  EXPECT_EQ(add_months(day("2024-01-31"), 1), day("2024-02-29"));
  EXPECT_EQ(add_months(day("2026-03-31"), -1), day("2026-02-28"));
  EXPECT_EQ(add_months(day("2026-12-15"), 1), day("2027-01-15"));
  EXPECT_EQ(add_months(day("2024-02-29"), 48), day("2028-02-29"));
}

TEST(AddDays, CrossesMonthAndLeapDay) {
  EXPECT_EQ(add_days(day("2024-02-28"), 1), day("2024-02-29"));
  EXPECT_EQ(add_days(day("2026-03-01"), -1), day("2026-02-28"));
}

// T4: Sat 31 Oct 2026 is ouvrable not ouvré; Sun never; 11 Nov (Wed) neither.
TEST(DayKinds, T4OuvresAndOuvrables) {
  EXPECT_TRUE(is_jour_ouvre(day("2026-10-30"), HolidayZone::metropole));
  EXPECT_FALSE(is_jour_ouvre(day("2026-10-31"), HolidayZone::metropole));
  EXPECT_TRUE(is_jour_ouvrable(day("2026-10-31"), HolidayZone::metropole));
  EXPECT_FALSE(is_jour_ouvrable(day("2026-11-01"), HolidayZone::metropole));
  EXPECT_FALSE(is_jour_ouvre(day("2026-11-11"), HolidayZone::metropole));
  EXPECT_FALSE(is_jour_ouvrable(day("2026-11-11"), HolidayZone::metropole));
}

// T4 / R3: 10 jours ouvrés after Fri 30 Oct 2026: 2,3,4,5,6,9,10,(11 holiday),12,13,16 -> 16 Nov.
TEST(AddDelay, T4JoursOuvresSkipWeekendsAndHolidays) {
  EXPECT_EQ(add_delay(day("2026-10-30"), {10, DayCount::ouvres}, HolidayZone::metropole), day("2026-11-16"));
}

// T4: 7 jours ouvrables after Fri 30 Oct 2026: Sat 31, 2, 3, 4, 5, 6, Sat 7 -> 7 Nov.
TEST(AddDelay, T4JoursOuvrablesCountSaturdays) {
  EXPECT_EQ(add_delay(day("2026-10-30"), {7, DayCount::ouvrables}, HolidayZone::metropole), day("2026-11-07"));
}

// T4: calendar days, and francs = N whole days between, so the deadline is from + N + 1.
TEST(AddDelay, T4CalendarAndFrancs) {
  EXPECT_EQ(add_delay(day("2026-10-30"), {10, DayCount::calendar}, HolidayZone::metropole), day("2026-11-09"));
  EXPECT_EQ(add_delay(day("2026-01-01"), {32, DayCount::francs}, HolidayZone::metropole), day("2026-02-03"));
}

// T4/N1: 32 jours francs before 1 Mar 2027 -> A - 33 = 27 Jan 2027 (1 + 28 + 4 days back).
TEST(LatestDateBefore, T4JoursFrancsIsDeadlineMinusNPlusOne) {
  EXPECT_EQ(latest_date_before(day("2027-03-01"), {32, DayCount::francs}, HolidayZone::metropole), day("2027-01-27"));
  EXPECT_EQ(latest_date_before(day("2027-03-01"), {7, DayCount::calendar}, HolidayZone::metropole), day("2027-02-22"));
}

// T4: 7 jours ouvrables before Mon 16 Nov 2026: 16, 14, 13, 12, (11 holiday), 10, 9, 7 -> the
// seventh is Sat 7 Nov, so the act must be on Fri 6 Nov at the latest (6 Nov + 7 ouvrables = 16 Nov).
TEST(LatestDateBefore, T4JoursOuvrablesIsTheInverseOfAddDelay) {
  EXPECT_EQ(latest_date_before(day("2026-11-16"), {7, DayCount::ouvrables}, HolidayZone::metropole), day("2026-11-06"));
  std::mt19937 rng(7);
  for (int i = 0; i < 500; ++i) {
    Date a = add_days(day("2026-01-01"), int(rng() % 1200));
    Delay delay{int(rng() % 15),
                std::array{DayCount::calendar, DayCount::ouvres, DayCount::ouvrables, DayCount::francs}[rng() % 4]};
    Date x = latest_date_before(a, delay, HolidayZone::metropole);
    EXPECT_LE(to_days(add_delay(x, delay, HolidayZone::metropole)), to_days(a));
    EXPECT_GT(to_days(add_delay(add_days(x, 1), delay, HolidayZone::metropole)), to_days(a));
  }
}

// T1: October 2026 in Paris = 31 x 24 + 1 = 745 h (25 Oct back to winter time); March 2026 = 743 h.
TEST(ContractClock, T1LocalMonthLengthFollowsDst) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.month({2026, 10}).length(), hours{745});
  EXPECT_EQ(clock.month({2026, 3}).length(), hours{743});
  EXPECT_EQ(clock.month({2028, 2}).length(), hours{29 * 24});
  EXPECT_EQ(clock.month({2026, 10}), (Interval{at("2026-09-30T22:00:00Z"), at("2026-10-31T23:00:00Z")}));
}

// T1: 29 Mar 2026 02:30 does not exist (clocks jump 02:00 -> 03:00 = 01:00Z); 25 Oct 2026 02:30
// happens twice, first at 00:30Z (CEST), again at 01:30Z (CET).
TEST(ContractClock, T1DstGapAndOverlap) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.to_instant(day("2026-03-29"), minutes{150}), at("2026-03-29T01:00:00Z"));
  EXPECT_EQ(clock.to_instant(day("2026-03-29"), minutes{60}), at("2026-03-29T00:00:00Z"));
  EXPECT_EQ(clock.to_instant(day("2026-03-29"), minutes{180}), at("2026-03-29T01:00:00Z"));
  EXPECT_EQ(clock.to_instant(day("2026-10-25"), minutes{150}), at("2026-10-25T00:30:00Z"));
  EXPECT_EQ(clock.to_local(at("2026-10-25T00:30:00Z")).time_of_day, minutes{150});
  EXPECT_EQ(clock.to_local(at("2026-10-25T00:30:00Z")).utc_offset, minutes{120});
  EXPECT_EQ(clock.to_local(at("2026-10-25T01:30:00Z")).time_of_day, minutes{150});
  EXPECT_EQ(clock.to_local(at("2026-10-25T01:30:00Z")).utc_offset, minutes{60});
  EXPECT_EQ(clock.to_local(at("2026-11-20T16:30:00Z")).iso_weekday, 5u);
}

// S8: 31 Oct 2026 23:30Z is already 1 Nov 00:30 in Paris.
TEST(ContractClock, S8MonthOfUsesLocalTime) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.month_of(at("2026-10-31T23:30:00Z")), (YearMonth{2026, 11}));
  EXPECT_EQ(clock.month_of(at("2026-10-31T22:59:59Z")), (YearMonth{2026, 10}));
  EXPECT_EQ(clock.local_date(at("2026-06-30T22:00:00Z")), day("2026-07-01"));
}

// T2: HO is [09:00, 18:00) local on business days.
TEST(ContractClock, T2BusinessHoursBoundaries) {
  const auto clock = paris_clock();
  EXPECT_TRUE(clock.is_business_time(at("2026-11-16T09:00:00+01:00")));
  EXPECT_FALSE(clock.is_business_time(at("2026-11-16T08:59:59+01:00")));
  EXPECT_TRUE(clock.is_business_time(at("2026-11-16T17:59:59+01:00")));
  EXPECT_FALSE(clock.is_business_time(at("2026-11-16T18:00:00+01:00")));
  EXPECT_FALSE(clock.is_business_time(at("2026-11-14T10:00:00+01:00")));  // Saturday
  EXPECT_FALSE(clock.is_business_time(at("2026-11-11T10:00:00+01:00")));  // Armistice
  EXPECT_TRUE(clock.is_business_time(at("2026-07-15T09:00:00+02:00")));   // summer time
  EXPECT_FALSE(clock.is_business_time(at("2026-07-15T08:30:00+02:00")));
}

TEST(ContractClock, T2GoodFridayIsBusinessTimeOnlyOutsideAlsaceMoselle) {
  EXPECT_TRUE(paris_clock().is_business_time(at("2026-04-03T10:00:00+02:00")));
  EXPECT_FALSE(paris_clock(HolidayZone::alsace_moselle).is_business_time(at("2026-04-03T10:00:00+02:00")));
}

// S1 clock: Friday 17:30 + 1 h HO = 30 min Friday + 30 min Monday -> Monday 09:30.
TEST(HoClock, FridayEveningRollsToMondayMorning) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.add_business_time(at("2026-11-20T17:30:00+01:00"), minutes{60}), at("2026-11-23T09:30:00+01:00"));
}

// Eve of a holiday: Tue 10 Nov 17:30 + 1 h -> Wed 11 Nov is a holiday -> Thu 12 Nov 09:30.
// Wed 13 May 2026 17:30 + 1 h -> Ascension Thu 14 May -> Fri 15 May 09:30 (CEST).
TEST(HoClock, EveOfHolidaySkipsTheHoliday) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.add_business_time(at("2026-11-10T17:30:00+01:00"), minutes{60}), at("2026-11-12T09:30:00+01:00"));
  EXPECT_EQ(clock.add_business_time(at("2026-05-13T17:30:00+02:00"), minutes{60}), at("2026-05-15T09:30:00+02:00"));
}

// Across the spring change: Fri 27 Mar 2026 17:30 CET + 1 h -> Mon 30 Mar 09:30 CEST (07:30Z).
// Across the autumn change: Fri 23 Oct 17:30 CEST + 1 h -> Mon 26 Oct 09:30 CET (08:30Z).
TEST(HoClock, DstChangesOverTheWeekend) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.add_business_time(at("2026-03-27T17:30:00+01:00"), minutes{60}), at("2026-03-30T07:30:00Z"));
  EXPECT_EQ(clock.add_business_time(at("2026-10-23T17:30:00+02:00"), minutes{60}), at("2026-10-26T08:30:00Z"));
}

// A start in HNO waits for the opening; a span ending exactly at closing stays on that day.
TEST(HoClock, StartsAtOpeningAndMayEndExactlyAtClosing) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.add_business_time(at("2026-11-21T03:00:00+01:00"), minutes{60}), at("2026-11-23T10:00:00+01:00"));
  EXPECT_EQ(clock.add_business_time(at("2026-11-16T07:00:00+01:00"), minutes{60}), at("2026-11-16T10:00:00+01:00"));
  EXPECT_EQ(clock.add_business_time(at("2026-11-16T17:00:00+01:00"), minutes{60}), at("2026-11-16T18:00:00+01:00"));
  EXPECT_EQ(clock.add_business_time(at("2026-11-16T18:00:00+01:00"), minutes{60}), at("2026-11-17T10:00:00+01:00"));
  // 9 h = one full business day: Mon 09:00 + 540 min = Mon 18:00.
  EXPECT_EQ(clock.add_business_time(at("2026-11-16T09:00:00+01:00"), minutes{540}), at("2026-11-16T18:00:00+01:00"));
}

// Fri 17:30 -> Mon 09:30 holds 60 business minutes; a whole week of November 2026 holds
// 4 business days (11 Nov off) x 540 = 2160.
TEST(HoClock, BusinessTimeBetween) {
  const auto clock = paris_clock();
  EXPECT_EQ(clock.business_time_between(at("2026-11-20T17:30:00+01:00"), at("2026-11-23T09:30:00+01:00")), minutes{60});
  EXPECT_EQ(clock.business_time_between(at("2026-11-09T00:00:00+01:00"), at("2026-11-16T00:00:00+01:00")),
            minutes{2160});
  EXPECT_EQ(clock.business_time_between(at("2026-11-16T12:00:00+01:00"), at("2026-11-16T11:00:00+01:00")), minutes{0});
}

// Property: the HO clock lands inside HO or exactly at a closing time, and the business time
// between the start and the result is exactly what was added.
TEST(HoClock, PropertyLandsInHoAndRoundTrips) {
  const auto clock = paris_clock();
  std::mt19937 rng(2026);
  const Instant base = at("2024-01-01T00:00:00Z");
  for (int i = 0; i < 5000; ++i) {
    const Instant t = base + seconds{long(rng() % (5u * 365 * 86400))};
    const minutes add{long(rng() % 3000) + 1};
    const Instant r = clock.add_business_time(t, add);
    const auto local = clock.to_local(r);
    const bool at_closing = local.time_of_day == minutes{18 * 60} && clock.is_business_day(local.date);
    EXPECT_TRUE(clock.is_business_time(r) || at_closing) << format_instant_utc(t) << " + " << add.count();
    EXPECT_EQ(clock.business_time_between(t, r), add) << format_instant_utc(t);
  }
}

// Property: local days of each month sum to the month, and to_instant(to_local(t)) == t.
TEST(ContractClock, PropertyMonthDaysSumToTheMonth) {
  const auto clock = paris_clock();
  for (YearMonth m{2020, 1}; m < YearMonth{2031, 1}; m = m.next()) {
    seconds sum{0};
    for (Date d = m.first_day(); d < m.next().first_day(); d = add_days(d, 1))
      sum += clock.to_instant(add_days(d, 1), minutes{0}) - clock.to_instant(d, minutes{0});
    EXPECT_EQ(sum, clock.month(m).length());
    const auto days_in = (to_days(m.next().first_day()) - to_days(m.first_day())).count();
    const long expected_hours = days_in * 24 + (m.month == 10 ? 1 : 0) - (m.month == 3 ? 1 : 0);
    EXPECT_EQ(clock.month(m).length(), hours{expected_hours}) << format_year_month(m);
  }
  std::mt19937 rng(11);
  for (int i = 0; i < 2000; ++i) {
    const Instant t = at("2020-01-01T00:00:00Z") + minutes{long(rng() % (10u * 365 * 1440))};
    const auto local = clock.to_local(t);
    const Instant back = clock.to_instant(local.date, local.time_of_day);
    // An autumn-overlap reading maps to its first occurrence, one hour earlier.
    EXPECT_TRUE(back == t || back == t - hours{1}) << format_instant_utc(t);
  }
}

TEST(ContractClock, RejectsAnInvalidPosixRule) {
  try {
    ContractClock({"Mars/Olympus", "??"}, HolidayZone::metropole, BusinessHours{});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "time zone Mars/Olympus: invalid POSIX rule \"??\"");
  }
}

TEST(ContractClock, ZoneWithoutDst) {
  const ContractClock utc({"UTC", "UTC0"}, HolidayZone::metropole, BusinessHours{});
  EXPECT_EQ(utc.month({2026, 10}).length(), hours{744});
  EXPECT_EQ(utc.to_local(at("2026-10-25T01:30:00Z")).time_of_day, minutes{90});
}

// T1: a zone whose POSIX name is quoted, as tzdata writes the zones without an abbreviation
// (Indian/Reunion "<+04>-4", UTC+4 all year): 2026-11-02 05:30 UTC is 09:30 local, a Monday in HO.
TEST(ContractClock, T1QuotedZoneNameIsRead) {
  const ContractClock reunion({"Indian/Reunion", "<+04>-4"}, HolidayZone::metropole, BusinessHours{});
  EXPECT_EQ(reunion.to_local(at("2026-11-02T05:30:00Z")).time_of_day, minutes{9 * 60 + 30});
  EXPECT_EQ(reunion.month({2026, 10}).length(), hours{744});
}

}  // namespace
}  // namespace clause
