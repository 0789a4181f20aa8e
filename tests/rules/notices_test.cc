// N1-N3 (D Art. 7, 8; K Art. 9, 15): termination notice, price change notice, cure deadlines.
#include "rules/notices.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const TermTerms d = testing::dag_contract_terms().term;
const TermTerms k = testing::kalanda_contract_terms().term;

Contract dag(const char* start) {
  Contract c;
  c.id = "D-1";
  c.start = day(start);
  return c;
}

TEST(TerminationNotice, N1ThirtyTwoJoursFrancsIsTheAnniversaryMinus33Days) {
  // 2026-03-01 - 28 days = 2026-02-01, - 5 more = 2026-01-27.
  EXPECT_EQ(latest_termination_notice(dag("2025-03-01"), d, day("2026-03-01")), day("2026-01-27"));
}

TEST(TerminationNotice, N1OnTheLastDayTheContractEndsAtTheAnniversary) {
  TerminationOutcome t = termination_date(dag("2025-03-01"), d, day("2026-01-27"));
  EXPECT_EQ(t.effective, day("2026-03-01"));
  EXPECT_EQ(t.latest_notice, day("2026-01-27"));
  EXPECT_TRUE(t.at_anniversary);
}

TEST(TerminationNotice, N1OneDayLateTheContractRenewsForAYear) {
  TerminationOutcome t = termination_date(dag("2025-03-01"), d, day("2026-01-28"));
  EXPECT_EQ(t.effective, day("2027-03-01"));
  EXPECT_EQ(t.latest_notice, day("2027-01-27"));  // Feb 2027 has 28 days too
}

TEST(TerminationNotice, N1AnniversaryOn29February) {
  // Start 2024-02-29: renewals 2027-02-28 (- 33 days = 2027-01-26) and 2028-02-29 (- 33 = 2028-01-27).
  Contract c = dag("2024-02-29");
  EXPECT_EQ(termination_date(c, d, day("2027-01-26")).effective, day("2027-02-28"));
  TerminationOutcome late = termination_date(c, d, day("2027-01-27"));
  EXPECT_EQ(late.effective, day("2028-02-29"));
  EXPECT_EQ(late.latest_notice, day("2028-01-27"));
}

TEST(TerminationNotice, N1RequestedDateAfterTheFirstTwelveMonths) {
  Contract c = dag("2025-03-01");
  // 2026-06-15 - 33 days = 2026-05-13, after the notice of 2026-05-01: date kept.
  TerminationOutcome kept = termination_date(c, d, day("2026-05-01"), day("2026-06-15"));
  EXPECT_EQ(kept.effective, day("2026-06-15"));
  EXPECT_TRUE(kept.requested_date_kept);
  EXPECT_FALSE(kept.at_anniversary);
  // 2026-06-01 - 33 days = 2026-04-29, before the notice: moved to 2026-05-01 + 33 = 2026-06-03.
  TerminationOutcome moved = termination_date(c, d, day("2026-05-01"), day("2026-06-01"));
  EXPECT_EQ(moved.effective, day("2026-06-03"));
  EXPECT_FALSE(moved.requested_date_kept);
}

TEST(TerminationNotice, N1RequestedDateInsideTheInitialTermWaitsForTheAnniversary) {
  TerminationOutcome t = termination_date(dag("2025-03-01"), d, day("2025-06-01"), day("2025-09-01"));
  EXPECT_EQ(t.effective, day("2026-03-01"));
  EXPECT_FALSE(t.requested_date_kept);
}

TEST(PriceChangeNotice, N2OneMonthBeforeAndOneMonthToTerminate) {
  PriceChangeNotice p = price_change_notice(day("2027-03-31"), day("2027-02-10"), d);
  EXPECT_EQ(p.announce_by, day("2027-02-28"));  // T5: 31 Mar - 1 month, clamped
  EXPECT_EQ(p.client_may_terminate_until, day("2027-03-10"));
}

TEST(BreachCure, N3KalandaSevenAndTenDays) {
  auto deadlines = breach_cure_deadlines(day("2026-12-18"), k, HolidayZone::metropole);
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_EQ(deadlines[0].deadline, day("2026-12-25"));  // K Art. 9: 18 Dec + 7 days
  EXPECT_EQ(deadlines[1].deadline, day("2026-12-28"));  // K Art. 15: 18 Dec + 10 days
}

TEST(BreachCure, N3DagSevenJoursOuvrablesSkipSundaysAndChristmas) {
  // From Fri 18 Dec 2026: Sat 19, Mon 21, 22, 23, 24, (25 holiday), Sat 26, Mon 28 = 7th.
  EXPECT_EQ(breach_cure_deadlines(day("2026-12-18"), d, HolidayZone::metropole).at(0).deadline, day("2026-12-28"));
  // Alsace-Moselle: 26 Dec is a holiday too, so the 7th is Tue 29.
  EXPECT_EQ(breach_cure_deadlines(day("2026-12-18"), d, HolidayZone::alsace_moselle).at(0).deadline, day("2026-12-29"));
}

TEST(ForceMajeure, N3TerminationFromThe31stDay) {
  EXPECT_EQ(force_majeure_termination_from(day("2026-01-10"), d), day("2026-02-10"));  // 10 Jan + 31 days
}

}  // namespace
}  // namespace clause
