// N1, B3, T5: anniversaries and renewal dates computed from the start date.
#include "rules/anniversary.h"

#include <gtest/gtest.h>

#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

Contract started(const char* start, int term_months = 12) {
  Contract c;
  c.start = day(start);
  c.term_months = term_months;
  return c;
}

TEST(Anniversary, T5StartedOn29FebruaryClampsOnlyInCommonYears) {
  Contract c = started("2024-02-29");
  EXPECT_EQ(anniversary(c, 1), day("2025-02-28"));
  EXPECT_EQ(anniversary(c, 2), day("2026-02-28"));
  EXPECT_EQ(anniversary(c, 4), day("2028-02-29"));
}

TEST(Anniversary, N1FirstAnniversaryOnOrAfterADate) {
  Contract c = started("2024-02-29");
  EXPECT_EQ(anniversary_on_or_after(c, day("2024-02-29")), day("2025-02-28"));  // never the start
  EXPECT_EQ(anniversary_on_or_after(c, day("2026-02-28")), day("2026-02-28"));
  EXPECT_EQ(anniversary_on_or_after(c, day("2026-03-01")), day("2027-02-28"));
  EXPECT_EQ(anniversary_on_or_after(c, day("2027-03-01")), day("2028-02-29"));
}

TEST(Anniversary, N1RenewalFollowsTheTermLength) {
  Contract c = started("2026-01-31", 24);
  EXPECT_EQ(renewal_on_or_after(c, day("2026-06-01")), day("2028-01-31"));
  EXPECT_EQ(renewal_on_or_after(c, day("2028-02-01")), day("2030-01-31"));
}

}  // namespace
}  // namespace clause
