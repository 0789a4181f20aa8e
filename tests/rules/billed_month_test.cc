// S7 Decision (B2, R4): the days of a month the invoices bill, and the fee billed for a prorated
// month, which is its credit cap.
#include "rules/billed_month.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const BillingTerms k = testing::kalanda_contract_terms().billing;
const BillingTerms d = testing::dag_contract_terms().billing;

Contract contract(const char* start, BillingPeriod billing) {
  Contract c;
  c.id = "K-1";
  c.start = day(start);
  c.billing = billing;
  return c;
}

MonthlyFee fee(long long period_cents, int months) {
  MonthlyFee f;
  f.period_price = Money::from_cents(period_cents);
  f.monthly = scale_rounded(f.period_price, 1, months);
  return f;
}

TEST(MonthBilling, S7MonthlyStartedOn17NovemberIsBilled14DaysOf30) {
  MonthBilling b = month_billing(contract("2026-11-17", BillingPeriod::monthly), k, {2026, 11});
  EXPECT_TRUE(b.prorated);
  ASSERT_EQ(b.parts.size(), 1u);
  EXPECT_EQ(b.parts[0], (BilledPart{{day("2026-11-17"), day("2026-11-30")}, 30, true}));
  // 1,000.00 x 14 / 30 = 466.666.. -> 466.67.
  BilledFee f = fee_billed_for_month(fee(100000, 1), b);
  EXPECT_EQ(f.amount, Money::from_cents(46667));
  EXPECT_EQ(f.trace.steps.at(0).rule, "S7");
  EXPECT_EQ(f.trace.steps.at(0).key, "prorated");
}

TEST(MonthBilling, S7TheNextMonthIsBilledWhole) {
  MonthBilling b = month_billing(contract("2026-11-17", BillingPeriod::monthly), k, {2026, 12});
  EXPECT_FALSE(b.prorated);
  EXPECT_EQ(fee_billed_for_month(fee(100000, 1), b).amount, Money::from_cents(100000));
}

TEST(MonthBilling, S7QuarterStartedOn17NovemberBillsNovemberFourteenDaysOf92) {
  // 3,000.00 x 14 / 92 = 456.5217 -> 456.52; December, whole, is the monthly fee 1,000.00.
  const Contract c = contract("2026-11-17", BillingPeriod::quarterly);
  MonthBilling november = month_billing(c, k, {2026, 11});
  EXPECT_TRUE(november.prorated);
  EXPECT_EQ(november.parts.at(0), (BilledPart{{day("2026-11-17"), day("2026-11-30")}, 92, true}));
  EXPECT_EQ(fee_billed_for_month(fee(300000, 3), november).amount, Money::from_cents(45652));
  MonthBilling december = month_billing(c, k, {2026, 12});
  EXPECT_FALSE(december.prorated);
  EXPECT_EQ(fee_billed_for_month(fee(300000, 3), december).amount, Money::from_cents(100000));
}

TEST(MonthBilling, S7DagNeverProrates) {
  MonthBilling b = month_billing(contract("2026-11-17", BillingPeriod::annual), d, {2026, 11});
  EXPECT_FALSE(b.prorated);
  EXPECT_EQ(fee_billed_for_month(fee(1200000, 12), b).amount, Money::from_cents(100000));
}

TEST(MonthBilling, S7ContinuityMonthsAfterTheEnd) {
  // Ended 31 Dec 2026, taken over 15 Feb 2027: January whole (31/31), February 15/28 of
  // 1,000.00 = 535.714 -> 535.71; March nothing billed.
  Contract c = contract("2024-01-01", BillingPeriod::monthly);
  c.end = day("2026-12-31");
  ReversibilityRequest q{"REV-1", "K-1", day("2026-09-01"), day("2026-12-31"), day("2027-02-15"), std::nullopt};
  const auto continuity = continuity_period(q, testing::kalanda_contract_terms().reversibility);
  MonthBilling january = month_billing(c, k, {2027, 1}, continuity);
  EXPECT_FALSE(january.prorated);
  EXPECT_EQ(january.parts.at(0), (BilledPart{{day("2027-01-01"), day("2027-01-31")}, 31, false}));
  MonthBilling february = month_billing(c, k, {2027, 2}, continuity);
  EXPECT_TRUE(february.prorated);
  EXPECT_EQ(february.parts.at(0), (BilledPart{{day("2027-02-01"), day("2027-02-15")}, 28, false}));
  EXPECT_EQ(fee_billed_for_month(fee(100000, 1), february).amount, Money::from_cents(53571));
  EXPECT_TRUE(month_billing(c, k, {2027, 3}, continuity).parts.empty());
}

TEST(MonthBilling, N4NothingBilledAfterTheTerm) {
  // 36 months from 1 Jan 2026, no tacit renewal: the last day billed is 31 Dec 2028.
  Contract c = contract("2026-01-01", BillingPeriod::monthly);
  c.term_months = 36;
  c.tacit_renewal = false;
  EXPECT_EQ(month_billing(c, k, {2028, 12}).parts.size(), 1u);
  EXPECT_TRUE(month_billing(c, k, {2029, 1}).parts.empty());
}

}  // namespace
}  // namespace clause
