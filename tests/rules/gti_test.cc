// RULES S1, S2 (K Art. 5, Art. 14): GTI deadline and lateness credit. Monthly fee 500.00 EUR.
#include "rules/gti.h"

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::hours;
using std::chrono::minutes;

const Money kFee = Money::from_cents(50000);

Incident incident(const char* contacted, std::optional<const char*> start) {
  Incident i;
  i.id = "INC-1";
  i.service_id = "SRV-1";
  i.contacted = at(contacted);
  if (start) i.intervention_start = at(*start);
  return i;
}

// S1: HO contact -> + 1 business hour; HNO contact -> + 3 elapsed hours.
TEST(GtiDeadline, S1ContactInHoAddsOneBusinessHour) {
  const auto d = gti_deadline(at("2026-11-16T10:00:00+01:00"), kalanda_terms().service_levels, paris_clock());
  EXPECT_TRUE(d.contacted_in_ho);
  EXPECT_EQ(d.deadline, at("2026-11-16T11:00:00+01:00"));
  ASSERT_EQ(d.trace.steps.size(), 1u);
  EXPECT_EQ(d.trace.steps[0], (TraceStep{"S1",
                                         "gti_deadline_ho",
                                         {{"contacted", at("2026-11-16T10:00:00+01:00")},
                                          {"guarantee", minutes{60}},
                                          {"deadline", at("2026-11-16T11:00:00+01:00")}}}));
}

TEST(GtiDeadline, S1FridayEveningRollsToMondayMorning) {
  EXPECT_EQ(gti_deadline(at("2026-11-20T17:30:00+01:00"), kalanda_terms().service_levels, paris_clock()).deadline,
            at("2026-11-23T09:30:00+01:00"));
}

// 09:00 exactly is HO (+1 h HO = 10:00); 18:00 exactly is HNO (+3 h = 21:00).
TEST(GtiDeadline, S1BoundariesAtOpeningAndClosing) {
  const auto terms = kalanda_terms().service_levels;
  const auto at_nine = gti_deadline(at("2026-11-16T09:00:00+01:00"), terms, paris_clock());
  EXPECT_TRUE(at_nine.contacted_in_ho);
  EXPECT_EQ(at_nine.deadline, at("2026-11-16T10:00:00+01:00"));
  const auto at_six = gti_deadline(at("2026-11-16T18:00:00+01:00"), terms, paris_clock());
  EXPECT_FALSE(at_six.contacted_in_ho);
  EXPECT_EQ(at_six.deadline, at("2026-11-16T21:00:00+01:00"));
  EXPECT_EQ(at_six.trace.steps[0].key, "gti_deadline_hno");
}

// S1 HNO: elapsed time, even across the autumn change: 25 Oct 2026 01:30 CEST (23:30Z) + 3 h
// = 02:30Z = 03:30 CET.
TEST(GtiDeadline, S1HnoIsElapsedTimeAcrossDst) {
  EXPECT_EQ(gti_deadline(at("2026-10-25T01:30:00+02:00"), kalanda_terms().service_levels, paris_clock()).deadline,
            at("2026-10-25T03:30:00+01:00"));
}

// S2: deadline 11:00; start 12:00 = exactly 1 h late -> 10 % (inclusive) of 500.00 = 50.00.
TEST(GtiCredit, S2ExactlyOneHourLateIsTenPercent) {
  const auto o = gti_outcome(incident("2026-11-16T10:00:00+01:00", "2026-11-16T12:00:00+01:00"), kFee,
                             kalanda_terms().service_levels, paris_clock());
  EXPECT_FALSE(o.met);
  EXPECT_EQ(o.lateness, hours{1});
  EXPECT_EQ(o.percent, Percent{10});
  EXPECT_EQ(o.credit, Money::from_cents(5000));
  EXPECT_EQ(o.trace.steps.back(), (TraceStep{"S2",
                                             "gti_late",
                                             {{"intervention_start", at("2026-11-16T12:00:00+01:00")},
                                              {"lateness", seconds{3600}},
                                              {"tier", Percent{10}},
                                              {"monthly_fee", kFee},
                                              {"credit", Money::from_cents(5000)}}}));
}

// S2: 59 min 59 s late: late but below the first tier -> 0.
TEST(GtiCredit, S2JustUnderOneHourEarnsNothing) {
  const auto o = gti_outcome(incident("2026-11-16T10:00:00+01:00", "2026-11-16T11:59:59+01:00"), kFee,
                             kalanda_terms().service_levels, paris_clock());
  EXPECT_FALSE(o.met);
  EXPECT_EQ(o.percent, Percent{0});
  EXPECT_EQ(o.credit, Money{});
}

TEST(GtiCredit, S2StartAtTheDeadlineIsOnTime) {
  const auto o = gti_outcome(incident("2026-11-16T10:00:00+01:00", "2026-11-16T11:00:00+01:00"), kFee,
                             kalanda_terms().service_levels, paris_clock());
  EXPECT_TRUE(o.met);
  EXPECT_EQ(o.lateness, seconds{0});
  EXPECT_EQ(o.trace.steps.back().key, "gti_on_time");
}

// S2 HNO: Sat 03:00 -> deadline 06:00. Start 09:00 = 3 h -> 25 % = 125.00; 10:00 = 4 h -> 50 %
// = 250.00; 14:00 = 8 h -> 100 % = 500.00; 13:59 = 7 h 59 -> still 50 %.
TEST(GtiCredit, S2TiersAreInclusive) {
  const auto terms = kalanda_terms().service_levels;
  struct Case {
    const char* start;
    int percent;
    long long cents;
  } cases[] = {{"2026-11-21T09:00:00+01:00", 25, 12500},
               {"2026-11-21T10:00:00+01:00", 50, 25000},
               {"2026-11-21T13:59:00+01:00", 50, 25000},
               {"2026-11-21T14:00:00+01:00", 100, 50000},
               {"2026-11-21T08:59:00+01:00", 10, 5000}};
  for (const auto& c : cases) {
    const auto o = gti_outcome(incident("2026-11-21T03:00:00+01:00", c.start), kFee, terms, paris_clock());
    EXPECT_EQ(o.percent, Percent{c.percent}) << c.start;
    EXPECT_EQ(o.credit, Money::from_cents(c.cents)) << c.start;
  }
}

TEST(GtiCredit, S2NotStartedIsReportedWithoutCredit) {
  const auto o = gti_outcome(incident("2026-11-16T10:00:00+01:00", std::nullopt), kFee, kalanda_terms().service_levels,
                             paris_clock());
  EXPECT_FALSE(o.met);
  EXPECT_EQ(o.credit, Money{});
  EXPECT_EQ(o.trace.steps.back().key, "gti_not_started");
}

// S10: dag measures the same 4 h lateness and grants nothing.
TEST(GtiCredit, S10ProfileWithoutCreditsMeasuresOnly) {
  const auto o = gti_outcome(incident("2026-11-21T03:00:00+01:00", "2026-11-21T10:00:00+01:00"), kFee,
                             dag_terms().service_levels, paris_clock());
  EXPECT_EQ(o.lateness, hours{4});
  EXPECT_EQ(o.percent, Percent{0});
  EXPECT_EQ(o.credit, Money{});
}

}  // namespace
}  // namespace clause
