// RULES S7 fee basis, B6 rounding.
#include "rules/monthly_fee.h"

#include <gtest/gtest.h>

#include "rules/credit_cap.h"
#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;

const std::vector<FeeRevision> kHistory{{"SRV-1", day("2025-03-15"), Money::from_cents(100000), std::nullopt},
                                        {"SRV-1", day("2026-03-15"), Money::from_cents(105000), Milli{275000}},
                                        {"SRV-2", day("2025-01-01"), Money::from_cents(99900), std::nullopt}};

// Quarterly 1000.00 / 3 = 333.333 -> 333.33; after the revision 1050.00 / 3 = 350.00.
TEST(MonthlyFee, S7FeeInForceOnTheDateDividedByThePeriod) {
  EXPECT_EQ(monthly_fee_on(kHistory, "SRV-1", day("2026-03-14"), BillingPeriod::quarterly)->monthly,
            Money::from_cents(33333));
  EXPECT_EQ(monthly_fee_on(kHistory, "SRV-1", day("2026-03-15"), BillingPeriod::quarterly)->monthly,
            Money::from_cents(35000));
  EXPECT_EQ(monthly_fee_on(kHistory, "SRV-1", day("2026-03-15"), BillingPeriod::monthly)->monthly,
            Money::from_cents(105000));
  // Annual 1050.00 / 12 = 87.50; 999.00 / 12 = 83.25.
  EXPECT_EQ(monthly_fee_on(kHistory, "SRV-1", day("2027-01-01"), BillingPeriod::annual)->monthly,
            Money::from_cents(8750));
  EXPECT_EQ(monthly_fee_on(kHistory, "SRV-2", day("2027-01-01"), BillingPeriod::annual)->monthly,
            Money::from_cents(8325));
  EXPECT_FALSE(monthly_fee_on(kHistory, "SRV-1", day("2025-03-14"), BillingPeriod::monthly).has_value());
}

// B6: 1000.06 / 12 = 83.338 -> 83.34; 1000.02 / 3 = 333.34 exactly; 1000.01 / 3 = 333.336... -> 333.34.
TEST(MonthlyFee, B6RoundsHalfAwayFromZero) {
  std::vector<FeeRevision> h{{"S", day("2026-01-01"), Money::from_cents(100006), std::nullopt}};
  EXPECT_EQ(monthly_fee_on(h, "S", day("2026-01-01"), BillingPeriod::annual)->monthly, Money::from_cents(8334));
  h[0].period_price = Money::from_cents(100001);
  EXPECT_EQ(monthly_fee_on(h, "S", day("2026-01-01"), BillingPeriod::quarterly)->monthly, Money::from_cents(33334));
}

TEST(MonthlyFee, S7HighestFeeOfTheMonthIncludesARevisionInsideIt) {
  EXPECT_EQ(
      highest_monthly_fee(kHistory, "SRV-1", day("2026-03-01"), day("2026-03-31"), BillingPeriod::quarterly)->monthly,
      Money::from_cents(35000));
  EXPECT_EQ(
      highest_monthly_fee(kHistory, "SRV-1", day("2026-02-01"), day("2026-02-28"), BillingPeriod::quarterly)->monthly,
      Money::from_cents(33333));
  // Service starting mid-month: in force from 15 March 2025 only.
  EXPECT_EQ(
      highest_monthly_fee(kHistory, "SRV-1", day("2025-03-01"), day("2025-03-31"), BillingPeriod::monthly)->monthly,
      Money::from_cents(100000));
}

// S7: cap = 100 % of 500.00; 600.00 -> 500.00 (reached); exactly 500.00 is not cut.
TEST(CreditCap, S7CapsTheMonthAtTheFee) {
  const auto terms = kalanda_terms().service_levels;
  const auto over = apply_credit_cap(Money::from_cents(60000), Money::from_cents(50000), terms);
  EXPECT_TRUE(over.reached);
  EXPECT_EQ(over.total, Money::from_cents(50000));
  EXPECT_EQ(over.trace.steps[0].key, "cap_reached");
  const auto equal = apply_credit_cap(Money::from_cents(50000), Money::from_cents(50000), terms);
  EXPECT_TRUE(equal.reached);  // F1: a total equal to the cap has reached it, nothing cut
  EXPECT_EQ(equal.trace.steps[0].key, "cap_met");
  EXPECT_EQ(equal.total, Money::from_cents(50000));
  auto half = terms;
  half.cap_percent_of_fee = 50;
  EXPECT_EQ(apply_credit_cap(Money::from_cents(30000), Money::from_cents(50000), half).total, Money::from_cents(25000));
}

}  // namespace
}  // namespace clause
