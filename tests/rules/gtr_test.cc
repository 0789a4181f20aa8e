// RULES S3, S4 (K Art. 14): GTR applicability and credit. Monthly fee 500.00 EUR, base GTR 4 h.
#include "rules/gtr.h"

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::hours;
using std::chrono::minutes;

const Money kFee = Money::from_cents(50000);

Contract contract(int gtr_hours = 4, bool backup = true) {
  Contract c;
  c.id = "C-1";
  c.backup_option = backup;
  c.gtr_hours = gtr_hours;
  return c;
}

Incident blocking(const char* start, const char* restored) {
  Incident i;
  i.id = "INC-1";
  i.contacted = at("2026-11-16T06:00:00+01:00");
  i.intervention_start = at(start);
  i.restored = at(restored);
  i.blocking = true;
  i.cause = IncidentCause::server;
  return i;
}

TEST(GtrApplicability, S3AllThreeConditionsHold) {
  const auto terms = kalanda_terms().service_levels;
  auto i = blocking("2026-11-16T10:00:00+01:00", "2026-11-16T18:00:00+01:00");
  EXPECT_TRUE(gtr_applicability(i, contract(), terms).applies);
  EXPECT_FALSE(gtr_applicability(i, contract(4, false), terms).applies);
  i.cause = IncidentCause::unknown;
  EXPECT_FALSE(gtr_applicability(i, contract(), terms).applies);
  i.cause = IncidentCause::server;
  i.blocking = false;
  const auto not_blocking = gtr_applicability(i, contract(), terms);
  EXPECT_FALSE(not_blocking.applies);
  EXPECT_EQ(not_blocking.trace.steps[0],
            (TraceStep{"S3",
                       "gtr_not_applicable",
                       {{"blocking", false}, {"cause", std::string("server")}, {"backup_option", true}}}));
}

// S4: 10:00 -> 18:00 = 8 h; 8 - 4 = 4 h late -> 10 % = 50.00.
TEST(GtrCredit, S4FourHoursBeyondTheBaseIsTenPercent) {
  const auto o = gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-16T18:00:00+01:00"), contract(), kFee,
                             kalanda_terms().service_levels);
  EXPECT_EQ(o.restoration_time, hours{8});
  EXPECT_EQ(o.lateness, hours{4});
  EXPECT_EQ(o.percent, Percent{10});
  EXPECT_EQ(o.credit, Money::from_cents(5000));
}

// S4: the clock starts at the intervention (10:00), not the contact (06:00): 7 h 59 -> 3 h 59 late -> 0.
TEST(GtrCredit, S4ClockStartsAtInterventionNotContact) {
  const auto o = gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-16T17:59:00+01:00"), contract(), kFee,
                             kalanda_terms().service_levels);
  EXPECT_EQ(o.restoration_time, minutes{479});
  EXPECT_EQ(o.lateness, minutes{239});
  EXPECT_EQ(o.percent, Percent{0});
  EXPECT_EQ(o.credit, Money{});
}

// S4: restored within the base GTR (10:00 -> 13:30, 3 h 30 < 4 h): no lateness.
TEST(GtrCredit, S4WithinTheBaseGtr) {
  const auto o = gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-16T13:30:00+01:00"), contract(), kFee,
                             kalanda_terms().service_levels);
  EXPECT_EQ(o.lateness, seconds{0});
  EXPECT_EQ(o.trace.steps.back().key, "gtr_within");
}

// S4 data loss: 10:00 -> 21:00 = 11 h, minus 3 h of backup restore = 8 h -> 4 h late -> 10 %.
// Without data loss the same backup time is not removed: 11 - 4 = 7 h late -> still 10 %;
// at 22:00 it makes the difference: 12 - 3 - 4 = 5 h (10 %) vs 12 - 4 = 8 h (25 %).
TEST(GtrCredit, S4DataLossRemovesBackupRestoreTime) {
  const auto terms = kalanda_terms().service_levels;
  auto i = blocking("2026-11-16T10:00:00+01:00", "2026-11-16T21:00:00+01:00");
  i.data_loss = true;
  i.backup_restore = hours{3};
  EXPECT_EQ(gtr_outcome(i, contract(), kFee, terms).restoration_time, hours{8});
  i.restored = at("2026-11-16T22:00:00+01:00");
  EXPECT_EQ(gtr_outcome(i, contract(), kFee, terms).percent, Percent{10});
  i.data_loss = false;
  EXPECT_EQ(gtr_outcome(i, contract(), kFee, terms).percent, Percent{25});
}

// S4 tiers: 4 h + 16 h = 20 h restoration -> 16 h late -> 50 % = 250.00; 28 h -> 24 h -> 100 %.
TEST(GtrCredit, S4UpperTiers) {
  const auto terms = kalanda_terms().service_levels;
  EXPECT_EQ(
      gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-17T06:00:00+01:00"), contract(), kFee, terms).credit,
      Money::from_cents(25000));
  EXPECT_EQ(
      gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-17T14:00:00+01:00"), contract(), kFee, terms).credit,
      Money::from_cents(50000));
}

// S4 Decision: gtr_hours 0 (no base in the annex) -> lateness = restoration time: 4 h -> 10 %.
TEST(GtrCredit, S4NoBaseGtrMeansLatenessIsTheRestorationTime) {
  const auto o = gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-16T14:00:00+01:00"), contract(0), kFee,
                             kalanda_terms().service_levels);
  EXPECT_EQ(o.lateness, hours{4});
  EXPECT_EQ(o.credit, Money::from_cents(5000));
}

// S3: not applicable -> measured, no credit.
TEST(GtrCredit, S3NotApplicableMeasuresWithoutCredit) {
  const auto o = gtr_outcome(blocking("2026-11-16T10:00:00+01:00", "2026-11-17T14:00:00+01:00"), contract(4, false),
                             kFee, kalanda_terms().service_levels);
  EXPECT_TRUE(o.measured);
  EXPECT_EQ(o.lateness, hours{24});
  EXPECT_EQ(o.credit, Money{});
}

TEST(GtrCredit, S4NotRestoredIsNotMeasured) {
  auto i = blocking("2026-11-16T10:00:00+01:00", "2026-11-16T11:00:00+01:00");
  i.restored.reset();
  const auto o = gtr_outcome(i, contract(), kFee, kalanda_terms().service_levels);
  EXPECT_FALSE(o.measured);
  EXPECT_EQ(o.trace.steps.back().key, "gtr_not_restored");
}

}  // namespace
}  // namespace clause
