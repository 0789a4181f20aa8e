// B2 (K Art. 8.3): a first period started inside a billing period is prorated; D never prorates.
#include "rules/proration.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

DuePeriod due(const char* issue, const char* first, const char* last) {
  return DuePeriod{day(issue), {day(first), day(last)}, day(issue), {}};
}

const BillingTerms k = testing::kalanda_contract_terms().billing;

TEST(Proration, B2QuarterStartedOn15NovemberPays47DaysOf92) {
  // 15 Nov - 31 Dec = 16 + 31 = 47 days of 92: 3000.00 x 47 / 92 = 1532.6087 -> 1532.61.
  ProratedPrice p = period_amount(Money::from_cents(300000), due("2026-11-15", "2026-10-01", "2026-12-31"), k);
  EXPECT_EQ(p.amount, Money::from_cents(153261));
  EXPECT_EQ(p.days_billed, 47);
  EXPECT_EQ(p.days_in_period, 92);
  EXPECT_EQ(p.trace.steps.at(0).rule, "B2");
}

TEST(Proration, B2HalfCentRoundsAwayFromZero) {
  // 16 Nov - 31 Dec = 46 days of 92: 1000.01 / 2 = 500.005 -> 500.01.
  EXPECT_EQ(period_amount(Money::from_cents(100001), due("2026-11-16", "2026-10-01", "2026-12-31"), k).amount,
            Money::from_cents(50001));
}

TEST(Proration, B2MonthStartedOn10FebruaryPays19DaysOf28) {
  // 10-28 Feb 2026 = 19 days of 28: 100.00 x 19 / 28 = 67.857 -> 67.86.
  EXPECT_EQ(period_amount(Money::from_cents(10000), due("2026-02-10", "2026-02-01", "2026-02-28"), k).amount,
            Money::from_cents(6786));
}

TEST(Proration, B2WholePeriodPaysTheFullPrice) {
  DuePeriod whole = due("2027-01-01", "2027-01-01", "2027-03-31");
  EXPECT_EQ(period_amount(Money::from_cents(300000), whole, k).amount, Money::from_cents(300000));
}

TEST(Proration, B2ProfileWithoutProrationPaysTheFullPrice) {
  const BillingTerms d = testing::dag_contract_terms().billing;  // prorate_first_period = false
  ProratedPrice p = period_amount(Money::from_cents(300000), due("2026-11-15", "2026-10-01", "2026-12-31"), d);
  EXPECT_EQ(p.amount, Money::from_cents(300000));
  EXPECT_EQ(p.trace.steps.at(0).key, "no_proration_by_terms");
}

}  // namespace
}  // namespace clause
