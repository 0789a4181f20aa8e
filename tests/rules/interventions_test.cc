// RULES I1-I3 (K Art. 3.3, Art. 5, Art. 8.1): 4 emergencies per server and contract year, then
// 129.00 EUR/h in started 15-minute steps (32.25 EUR each); 2 h per intervention.
#include "rules/interventions.h"

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::minutes;

Contract contract(const char* start = "2025-06-15") {
  Contract c;
  c.id = "C-1";
  c.start = day(start);
  return c;
}

Intervention work(const char* id, const char* service, InterventionKind kind, const char* start, const char* end,
                  std::optional<std::string> quote = std::nullopt) {
  return Intervention{id, "C-1", service, std::nullopt, kind, at(start), at(end), std::move(quote)};
}

const Interval kNovember{at("2026-10-31T23:00:00Z"), at("2026-11-30T23:00:00Z")};

// Contract years from 15 Jun 2025: [2025-06-15, 2026-06-15), [2026-06-15, 2027-06-15), ...
TEST(ContractYear, I1AnniversaryToAnniversary) {
  EXPECT_EQ(contract_year_of(contract(), day("2026-06-14")), (ContractYear{0, day("2025-06-15"), day("2026-06-15")}));
  EXPECT_EQ(contract_year_of(contract(), day("2026-06-15")), (ContractYear{1, day("2026-06-15"), day("2027-06-15")}));
  // T5: started 29 Feb 2024: anniversaries 28 Feb 2025, ..., 29 Feb 2028.
  EXPECT_EQ(contract_year_of(contract("2024-02-29"), day("2025-02-28")).begin, day("2025-02-28"));
  EXPECT_EQ(contract_year_of(contract("2024-02-29"), day("2025-02-27")).index, 0);
  EXPECT_EQ(contract_year_of(contract("2024-02-29"), day("2028-02-29")),
            (ContractYear{4, day("2028-02-29"), day("2029-02-28")}));
}

TEST(BillingSteps, I1StartedStepsAtTheHourlyRate) {
  EXPECT_EQ(started_steps(minutes{65}, minutes{15}), 5);
  EXPECT_EQ(started_steps(minutes{60}, minutes{15}), 4);
  EXPECT_EQ(started_steps(minutes{0}, minutes{15}), 0);
  EXPECT_EQ(price_of_steps(5, minutes{15}, Money::from_cents(12900)), Money::from_cents(16125));
}

// I1: on web1, emergencies on 1 Jun 2026 (year 0, not counted), then Jul, Aug, Sep, 2 Nov (4th,
// free) and 10 Nov 10:00-11:05 (5th): 1 h 05 = 5 steps x 32.25 = 161.25. db1's first is free.
// The client-caused one (I3) on 5 Nov, 30 min = 2 steps = 64.50, uses no slot.
TEST(Interventions, I1FifthEmergencyOfTheContractYearIsBilled) {
  const auto terms = kalanda_terms().interventions;
  const std::vector<Intervention> all{
      work("E0", "web1", InterventionKind::emergency, "2026-06-01T10:00:00+02:00", "2026-06-01T11:00:00+02:00"),
      work("E1", "web1", InterventionKind::emergency, "2026-07-01T10:00:00+02:00", "2026-07-01T11:00:00+02:00"),
      work("E2", "web1", InterventionKind::emergency, "2026-08-01T10:00:00+02:00", "2026-08-01T11:00:00+02:00"),
      work("E3", "web1", InterventionKind::emergency, "2026-09-01T10:00:00+02:00", "2026-09-01T11:00:00+02:00"),
      work("E4", "web1", InterventionKind::emergency, "2026-11-02T10:00:00+01:00", "2026-11-02T11:00:00+01:00"),
      work("CC", "web1", InterventionKind::client_caused, "2026-11-05T10:00:00+01:00", "2026-11-05T10:30:00+01:00"),
      work("E5", "web1", InterventionKind::emergency, "2026-11-10T10:00:00+01:00", "2026-11-10T11:05:00+01:00"),
      work("D1", "db1", InterventionKind::emergency, "2026-11-12T10:00:00+01:00", "2026-11-12T11:05:00+01:00")};
  const auto billing = bill_interventions(contract(), terms, paris_clock(), all, kNovember);
  ASSERT_EQ(billing.lines.size(), 4u);
  EXPECT_EQ(billing.lines[0].intervention_id, "E4");
  EXPECT_EQ(billing.lines[0].emergency_rank, 4);
  EXPECT_TRUE(billing.lines[0].uses_allowance);
  EXPECT_EQ(billing.lines[0].amount, Money{});
  EXPECT_EQ(billing.lines[1].intervention_id, "CC");
  EXPECT_EQ(billing.lines[1].amount, Money::from_cents(6450));
  EXPECT_EQ(billing.lines[1].trace.steps[0].rule, "I3");
  EXPECT_EQ(billing.lines[2].emergency_rank, 5);
  EXPECT_FALSE(billing.lines[2].uses_allowance);
  EXPECT_EQ(billing.lines[2].billed_steps, 5);
  EXPECT_EQ(billing.lines[2].amount, Money::from_cents(16125));
  EXPECT_EQ(billing.lines[3].emergency_rank, 1);
  EXPECT_EQ(billing.lines[3].amount, Money{});
  EXPECT_EQ(billing.total, Money::from_cents(22575));  // 64.50 + 161.25
}

// I2: 2 h 01 in the allowance without a quote: the extra minute is listed, not billed; with a
// quote it is billed as one started step = 32.25.
TEST(Interventions, I2ExcessBeyondTwoHoursNeedsAQuote) {
  const auto terms = kalanda_terms().interventions;
  const auto without = bill_interventions(
      contract(), terms, paris_clock(),
      {work("E1", "web1", InterventionKind::emergency, "2026-11-02T10:00:00+01:00", "2026-11-02T12:01:00+01:00")},
      kNovember);
  EXPECT_EQ(without.lines[0].excess, minutes{1});
  EXPECT_TRUE(without.lines[0].excess_not_billed);
  EXPECT_EQ(without.lines[0].amount, Money{});
  EXPECT_EQ(without.lines[0].trace.steps[1].key, "excess_quote_required");
  const auto with = bill_interventions(contract(), terms, paris_clock(),
                                       {work("E1", "web1", InterventionKind::emergency, "2026-11-02T10:00:00+01:00",
                                             "2026-11-02T12:01:00+01:00", "DEV-2026-017")},
                                       kNovember);
  EXPECT_FALSE(with.lines[0].excess_not_billed);
  EXPECT_EQ(with.lines[0].amount, Money::from_cents(3225));
}

// I1 + I2: a billed (client-caused) 2 h 01 without a quote bills 2 h = 8 steps = 258.00; with a
// quote 121 min = 9 started steps = 290.25.
TEST(Interventions, I2BilledInterventionBeyondTwoHours) {
  const auto terms = kalanda_terms().interventions;
  auto cc =
      work("CC", "web1", InterventionKind::client_caused, "2026-11-02T10:00:00+01:00", "2026-11-02T12:01:00+01:00");
  EXPECT_EQ(bill_interventions(contract(), terms, paris_clock(), {cc}, kNovember).total, Money::from_cents(25800));
  cc.quote_reference = "DEV-1";
  EXPECT_EQ(bill_interventions(contract(), terms, paris_clock(), {cc}, kNovember).total, Money::from_cents(29025));
}

TEST(Interventions, I1ScheduledAndAdviceAreNotBilledHere) {
  const auto billing = bill_interventions(
      contract(), kalanda_terms().interventions, paris_clock(),
      {work("S", "web1", InterventionKind::scheduled, "2026-11-02T10:00:00+01:00", "2026-11-02T15:00:00+01:00"),
       work("A", "web1", InterventionKind::advice, "2026-11-03T10:00:00+01:00", "2026-11-03T11:00:00+01:00")},
      kNovember);
  EXPECT_EQ(billing.total, Money{});
  EXPECT_EQ(billing.lines[0].trace.steps[0].key, "not_billed_scheduled");
}

}  // namespace
}  // namespace clause
