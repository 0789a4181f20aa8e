// RULES S5 (K Art. 14, HA annex). October 2026 in Paris lasts 745 h = 2,682,000 s; fee 1000.00.
#include "rules/availability.h"

#include <random>

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::hours;
using std::chrono::minutes;

const Money kFee = Money::from_cents(100000);
const YearMonth kOctober{2026, 10};

Outage outage(const char* id, Instant start, Instant end, OutageKind kind = OutageKind::unplanned) {
  return Outage{id, "SRV-1", start, end, kind, ""};
}

// An unplanned outage of `down` starting 5 Oct 2026 10:00 CEST.
std::vector<Outage> down_for(seconds down) {
  const Instant start = at("2026-10-05T10:00:00+02:00");
  return {outage("O1", start, start + down)};
}

AvailabilityCredit credit_for(seconds down) {
  const auto m = measure_availability(down_for(down), "SRV-1", kOctober, paris_clock());
  return availability_credit(m, kFee, kalanda_terms().service_levels);
}

TEST(Availability, S5NoOutageIsFullAvailabilityAndNoCredit) {
  const auto m = measure_availability({}, "SRV-1", kOctober, paris_clock());
  EXPECT_EQ(m.month_length, hours{745});
  EXPECT_EQ(m.availability, Ppm{1000000});
  EXPECT_EQ(availability_credit(m, kFee, kalanda_terms().service_levels).credit, Money{});
}

// S5 boundaries, unavailable = (1 - a) x 2,682,000 s:
//  99.9 % -> 2,682 s (5 %, [99.5, 99.9] is closed); 2,681 s -> above 99.9 -> 0.
//  99.5 % -> 13,410 s -> 5 % = 50.00; 13,411 s -> 10 % = 100.00.
//  99 %   -> 26,820 s -> 10 %; 26,821 s -> 25 %.
//  97 %   -> 80,460 s -> 25 % = 250.00; 80,461 s -> 50 %.
//  90 %   -> 268,200 s -> 50 %; 268,201 s -> 75 % = 750.00.
TEST(Availability, S5ExactTierBoundariesBelongToTheBetterTier) {
  struct Case {
    long down;
    int percent;
    long long cents;
  } cases[] = {{2681, 0, 0},        {2682, 5, 5000},     {13410, 5, 5000},    {13411, 10, 10000},
               {26820, 10, 10000},  {26821, 25, 25000},  {80460, 25, 25000},  {80461, 50, 50000},
               {268200, 50, 50000}, {268201, 75, 75000}, {2682000, 75, 75000}};
  for (const auto& c : cases) {
    const auto credit = credit_for(seconds{c.down});
    EXPECT_EQ(credit.percent, Percent{c.percent}) << c.down;
    EXPECT_EQ(credit.credit, Money::from_cents(c.cents)) << c.down;
  }
}

// 13,410 s down: (2,682,000 - 13,410) / 2,682,000 = 0.995 exactly -> 995000 ppm.
TEST(Availability, S5PpmOfAnExactFigure) {
  const auto m = measure_availability(down_for(seconds{13410}), "SRV-1", kOctober, paris_clock());
  EXPECT_EQ(m.availability, Ppm{995000});
  EXPECT_EQ(m.trace.steps[0],
            (TraceStep{"S5",
                       "availability_measured",
                       {{"month_length", seconds{2682000}},
                        {"unavailable", seconds{13410}},
                        {"outages", 1LL},
                        {"availability", ShownPercent{99500, 3, true}}}}));  // F1: exactly 99.5 %, to the second
}

// Union: 10:00-12:00 and 11:00-13:00 -> 3 h, not 4; planned, client and force-majeure outages
// and other services do not count; an outage from 30 Sep 22:00 local (20:00Z) to 1 Oct 02:00
// local counts from the month start (22:00Z) only: 2 h. Total 5 h = 18,000 s.
TEST(Availability, S5UnionOfAttributableOutagesClippedToTheMonth) {
  std::vector<Outage> outages{
      outage("A", at("2026-10-05T10:00:00+02:00"), at("2026-10-05T12:00:00+02:00")),
      outage("B", at("2026-10-05T11:00:00+02:00"), at("2026-10-05T13:00:00+02:00")),
      outage("P", at("2026-10-06T01:00:00+02:00"), at("2026-10-06T05:00:00+02:00"), OutageKind::planned),
      outage("C", at("2026-10-07T01:00:00+02:00"), at("2026-10-07T05:00:00+02:00"), OutageKind::client),
      outage("F", at("2026-10-08T01:00:00+02:00"), at("2026-10-08T05:00:00+02:00"), OutageKind::force_majeure),
      outage("E", at("2026-09-30T22:00:00+02:00"), at("2026-10-01T02:00:00+02:00"))};
  Outage other = outage("X", at("2026-10-09T01:00:00+02:00"), at("2026-10-09T05:00:00+02:00"));
  other.service_id = "SRV-2";
  outages.push_back(other);
  const auto m = measure_availability(outages, "SRV-1", kOctober, paris_clock());
  EXPECT_EQ(m.unavailable, hours{5});
  EXPECT_EQ(m.counted_outages, (std::vector<std::string>{"A", "B", "E"}));
}

// Daily series: 31 days; 25 Oct lasts 25 h; 5 Oct with 3 h down = 21/24 = 875000 ppm.
TEST(Availability, S5DailySeriesPerLocalDay) {
  const auto m = measure_availability(down_for(hours{3}), "SRV-1", kOctober, paris_clock());
  ASSERT_EQ(m.days.size(), 31u);
  EXPECT_EQ(m.days[4].day, day("2026-10-05"));
  EXPECT_EQ(m.days[4].unavailable, hours{3});
  EXPECT_EQ(m.days[4].availability, Ppm{875000});
  EXPECT_EQ(m.days[24].length, hours{25});
  EXPECT_EQ(m.days[0].availability, Ppm{1000000});
}

TEST(Availability, S10ProfileWithoutCreditsHasNoTier) {
  const auto m = measure_availability(down_for(hours{100}), "SRV-1", kOctober, paris_clock());
  EXPECT_EQ(availability_credit(m, kFee, dag_terms().service_levels).credit, Money{});
}

// Property: availability in [0, 100 %], the days add up to the month, the credit never exceeds the fee.
TEST(Availability, PropertyBoundsAndDailySums) {
  std::mt19937 rng(5);
  const auto clock = paris_clock();
  for (int i = 0; i < 300; ++i) {
    YearMonth m{2024 + int(rng() % 4), 1 + unsigned(rng() % 12)};
    const Interval month = clock.month(m);
    std::vector<Outage> outages;
    for (int k = 0, n = int(rng() % 6); k < n; ++k) {
      const Instant s = month.begin - hours{24} + seconds{long(rng() % (35u * 86400))};
      outages.push_back(outage("O", s, s + seconds{long(rng() % (10u * 86400))}));
    }
    const auto measure = measure_availability(outages, "SRV-1", m, clock);
    EXPECT_GE(measure.availability.value, 0);
    EXPECT_LE(measure.availability.value, 1000000);
    seconds days_length{0}, days_down{0};
    for (const auto& d : measure.days) {
      days_length += d.length;
      days_down += d.unavailable;
    }
    EXPECT_EQ(days_length, measure.month_length);
    EXPECT_EQ(days_down, measure.unavailable);
    EXPECT_LE(availability_credit(measure, kFee, kalanda_terms().service_levels).credit, kFee);
  }
}

}  // namespace
}  // namespace clause
