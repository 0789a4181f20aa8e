// N4 (K Art. 9) end of service: the recorded end, or the term's end without tacit renewal; N1
// (D Art. 7) tacit renewal at each anniversary until an end is recorded.
#include "rules/service_end.h"

#include <gtest/gtest.h>

#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

Contract kalanda_36_months(const char* start) {
  Contract c;
  c.id = "K-1";
  c.terms_profile = "kalanda-hds";
  c.start = day(start);
  c.term_months = 36;
  c.tacit_renewal = false;
  return c;
}

Contract dag(const char* start) {
  Contract c;
  c.id = "D-1";
  c.terms_profile = "dag";
  c.start = day(start);
  c.term_months = 12;
  c.tacit_renewal = true;
  c.billing = BillingPeriod::annual;
  return c;
}

TEST(ServiceEnd, N4WithoutTacitRenewalTheDayBeforeStartPlusTerm) {
  // 2026-01-01 + 36 months = 2029-01-01 (T5); the day before: 2028-12-31.
  EXPECT_EQ(service_end(kalanda_36_months("2026-01-01")), day("2028-12-31"));
}

TEST(ServiceEnd, N4TermFromTheLastDayOfAMonthClamps) {
  // 2026-01-31 + 13 months = 2027-02-28 (T5 clamps 31 Feb); the day before: 2027-02-27.
  Contract c = kalanda_36_months("2026-01-31");
  c.term_months = 13;
  EXPECT_EQ(service_end(c), day("2027-02-27"));
}

TEST(ServiceEnd, N4ARecordedEndWinsOverTheTerm) {
  Contract c = kalanda_36_months("2026-01-01");
  c.end = day("2027-06-30");
  EXPECT_EQ(service_end(c), day("2027-06-30"));
  c.end = day("2029-06-30");  // extended beyond the term
  EXPECT_EQ(service_end(c), day("2029-06-30"));
}

TEST(ServiceEnd, N1TacitRenewalHasNoEndUntilOneIsRecorded) {
  Contract c = dag("2026-03-15");
  EXPECT_FALSE(service_end(c).has_value());
  c.end = day("2028-03-14");
  EXPECT_EQ(service_end(c), day("2028-03-14"));
}

TEST(ServiceEnd, N4InServiceFromTheStartToTheEndIncluded) {
  Contract c = kalanda_36_months("2026-01-01");
  EXPECT_FALSE(in_service_on(c, day("2025-12-31")));
  EXPECT_TRUE(in_service_on(c, day("2026-01-01")));
  EXPECT_TRUE(in_service_on(c, day("2028-12-31")));
  EXPECT_FALSE(in_service_on(c, day("2029-01-01")));
  EXPECT_TRUE(in_service_on(dag("2026-03-15"), day("2040-01-01")));
}

TEST(NextRenewal, N1TheNextAnniversaryOfATacitlyRenewedContract) {
  Contract c = dag("2026-03-15");
  EXPECT_EQ(next_renewal_on_or_after(c, day("2026-03-15")), day("2027-03-15"));  // never the start
  EXPECT_EQ(next_renewal_on_or_after(c, day("2027-03-15")), day("2027-03-15"));
  EXPECT_EQ(next_renewal_on_or_after(c, day("2027-03-16")), day("2028-03-15"));
}

TEST(NextRenewal, N1NoRenewalOnceTheEndIsBeforeIt) {
  Contract c = dag("2026-03-15");
  c.end = day("2028-03-14");  // terminated at the second anniversary
  EXPECT_EQ(next_renewal_on_or_after(c, day("2027-01-01")), day("2027-03-15"));
  EXPECT_FALSE(next_renewal_on_or_after(c, day("2027-03-16")).has_value());
}

TEST(NextRenewal, N4NoRenewalWithoutTacitRenewal) {
  EXPECT_FALSE(next_renewal_on_or_after(kalanda_36_months("2026-01-01"), day("2026-06-01")).has_value());
}

}  // namespace
}  // namespace clause
