// R4 (K Art. 16) Decision: continuity after the end of service is a service like any other, its
// months invoiced in arrears on the first day after each, for their days of service (B2).
#include "rules/continuity.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const ReversibilityTerms r = testing::kalanda_contract_terms().reversibility;  // 90 days
const BillingTerms k = testing::kalanda_contract_terms().billing;

Contract ended(const char* end, BillingPeriod billing = BillingPeriod::monthly) {
  Contract c;
  c.id = "K-1";
  c.terms_profile = "kalanda-hds";
  c.start = day("2024-01-01");
  c.end = day(end);
  c.billing = billing;
  return c;
}

ReversibilityRequest request(const char* end, std::optional<const char*> takeover = {}) {
  ReversibilityRequest q{"REV-1", "K-1", day("2026-09-01"), day(end), std::nullopt, std::nullopt};
  if (takeover) q.takeover = day(*takeover);
  return q;
}

TEST(Continuity, R4NinetyDaysAfterTheEndWithoutTakeOver) {
  // 31 Dec 2026 + 90 days: 31 Jan is +31, 28 Feb +59, 31 Mar +90 -> 1 Jan .. 31 Mar 2027.
  auto c = continuity_period(request("2026-12-31"), r);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->first, day("2027-01-01"));
  EXPECT_EQ(c->last, day("2027-03-31"));
  EXPECT_FALSE(c->takeover);
  EXPECT_EQ(c->trace.steps.at(0).key, "continuity");
}

TEST(Continuity, R4UntilTheTakeOverDate) {
  auto c = continuity_period(request("2026-12-31", "2027-02-15"), r);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->last, day("2027-02-15"));
  EXPECT_TRUE(c->takeover);
}

TEST(Continuity, R4ATakeOverBeyondDayNinetyStopsAtDayNinety) {
  auto c = continuity_period(request("2026-12-31", "2027-04-30"), r);
  EXPECT_EQ(c->last, day("2027-03-31"));
  EXPECT_FALSE(c->takeover);
  EXPECT_EQ(c->trace.steps.at(0).key, "takeover_capped");
}

TEST(Continuity, R4NoContinuityWhenTakenOverAtTheEnd) {
  EXPECT_FALSE(continuity_period(request("2026-12-31", "2026-12-31"), r).has_value());
}

TEST(Continuity, R4ContinuityMonthsForStatements) {
  auto c = *continuity_period(request("2026-12-31"), r);
  EXPECT_FALSE(continuity_days_in(c, {2026, 12}).has_value());
  EXPECT_EQ(continuity_days_in(c, {2027, 1}), (PeriodSpan{day("2027-01-01"), day("2027-01-31")}));
  EXPECT_EQ(continuity_days_in(c, {2027, 3}), (PeriodSpan{day("2027-03-01"), day("2027-03-31")}));
  EXPECT_FALSE(continuity_days_in(c, {2027, 4}).has_value());
}

TEST(ContinuityInvoice, R4JanuaryInvoicedOnFirstFebruaryForItsThirtyOneDays) {
  const Contract contract = ended("2026-12-31");
  auto c = *continuity_period(request("2026-12-31"), r);
  EXPECT_FALSE(continuity_invoice_due_on(contract, k, c, day("2027-01-01")).has_value());  // December: in advance
  auto due = continuity_invoice_due_on(contract, k, c, day("2027-02-01"));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->month, (YearMonth{2027, 1}));
  EXPECT_EQ(due->billed, (PeriodSpan{day("2027-01-01"), day("2027-01-31")}));
  EXPECT_FALSE(due->last);
  // 31 / 31 of the monthly price: 1,000.00.
  ProratedPrice amount = continuity_amount(Money::from_cents(100000), *due);
  EXPECT_EQ(amount.days_billed, 31);
  EXPECT_EQ(amount.days_in_period, 31);
  EXPECT_EQ(amount.amount, Money::from_cents(100000));
  EXPECT_EQ(due->trace.steps.at(0).key, "continuity_in_arrears");
}

TEST(ContinuityInvoice, R4FebruaryThenMarchUpToDayNinety) {
  const Contract contract = ended("2026-12-31");
  auto c = *continuity_period(request("2026-12-31"), r);
  auto february = continuity_invoice_due_on(contract, k, c, day("2027-03-01"));
  ASSERT_TRUE(february.has_value());
  EXPECT_EQ(february->billed, (PeriodSpan{day("2027-02-01"), day("2027-02-28")}));
  EXPECT_EQ(continuity_amount(Money::from_cents(100000), *february).amount, Money::from_cents(100000));  // 28/28
  auto march = continuity_invoice_due_on(contract, k, c, day("2027-04-01"));
  ASSERT_TRUE(march.has_value());
  EXPECT_EQ(march->billed, (PeriodSpan{day("2027-03-01"), day("2027-03-31")}));  // day 90 = 31 Mar
  EXPECT_TRUE(march->last);
  EXPECT_FALSE(continuity_invoice_due_on(contract, k, c, day("2027-05-01")).has_value());
  EXPECT_FALSE(continuity_invoice_due_on(contract, k, c, day("2027-02-15")).has_value());  // not a 1st
}

TEST(ContinuityInvoice, R4TakeOverOn15FebruaryBillsFifteenDaysOf28) {
  // 1 Mar bills 1-15 Feb: 1,000.00 x 15 / 28 = 535.714 -> 535.71; nothing on 1 Apr.
  const Contract contract = ended("2026-12-31");
  auto c = *continuity_period(request("2026-12-31", "2027-02-15"), r);
  auto due = continuity_invoice_due_on(contract, k, c, day("2027-03-01"));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->billed, (PeriodSpan{day("2027-02-01"), day("2027-02-15")}));
  EXPECT_TRUE(due->last);
  ProratedPrice amount = continuity_amount(Money::from_cents(100000), *due);
  EXPECT_EQ(amount.days_billed, 15);
  EXPECT_EQ(amount.days_in_period, 28);
  EXPECT_EQ(amount.amount, Money::from_cents(53571));
  EXPECT_FALSE(continuity_invoice_due_on(contract, k, c, day("2027-04-01")).has_value());
}

TEST(ContinuityInvoice, R4DaysOfThePeriodInvoicedInAdvanceAreNotInvoicedAgain) {
  // Quarterly, ended 15 Feb 2027: Q1 (1 Jan-31 Mar) was invoiced in advance on 1 Jan. Continuity
  // 16 Feb .. 16 May (15 Feb + 90: 13 Feb days + 31 + 30 + 16 = 90). In arrears: April on 1 May
  // (30/30) and 1-16 May on 1 Jun (16/31); nothing on 1 Mar or 1 Apr.
  const Contract contract = ended("2027-02-15", BillingPeriod::quarterly);
  auto c = *continuity_period(request("2027-02-15"), r);
  EXPECT_EQ(c.last, day("2027-05-16"));
  EXPECT_EQ(continuity_in_arrears(contract, k, c), (PeriodSpan{day("2027-04-01"), day("2027-05-16")}));
  EXPECT_FALSE(continuity_invoice_due_on(contract, k, c, day("2027-03-01")).has_value());
  EXPECT_FALSE(continuity_invoice_due_on(contract, k, c, day("2027-04-01")).has_value());
  EXPECT_EQ(continuity_invoice_due_on(contract, k, c, day("2027-05-01"))->billed,
            (PeriodSpan{day("2027-04-01"), day("2027-04-30")}));
  auto may = continuity_invoice_due_on(contract, k, c, day("2027-06-01"));
  ASSERT_TRUE(may.has_value());
  EXPECT_EQ(may->billed, (PeriodSpan{day("2027-05-01"), day("2027-05-16")}));
  // Monthly price of the quarter: 3,000.00 / 3 = 1,000.00; 1,000.00 x 16 / 31 = 516.129 -> 516.13.
  EXPECT_EQ(continuity_amount(Money::from_cents(100000), *may).amount, Money::from_cents(51613));
}

TEST(ContractContinuity, R4FromTheLatestRequestOfTheContract) {
  ContractRecords records;
  records.contract = ended("2026-12-31");
  records.reversibility_requests = {request("2026-12-31"), request("2026-12-31", "2027-02-15")};
  records.reversibility_requests[1].id = "REV-2";
  records.reversibility_requests[1].requested = day("2026-10-01");
  auto c = contract_continuity(records, r);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->last, day("2027-02-15"));
  records.reversibility_requests.clear();
  EXPECT_FALSE(contract_continuity(records, r).has_value());
}

}  // namespace
}  // namespace clause
