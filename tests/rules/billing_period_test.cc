// B1 (K Art. 8.3, D Art. 8): billing periods and the invoices due on a date.
#include "rules/billing_period.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

Contract kalanda(const char* start, BillingPeriod period) {
  Contract c;
  c.id = "K-1";
  c.terms_profile = "kalanda-hds";
  c.start = day(start);
  c.billing = period;
  return c;
}

Contract dag(const char* start) {
  Contract c = kalanda(start, BillingPeriod::annual);
  c.terms_profile = "dag";
  return c;
}

const BillingTerms k = testing::kalanda_contract_terms().billing;
const BillingTerms d = testing::dag_contract_terms().billing;

TEST(BillingPeriod, B1KalandaQuarterIsTheCalendarQuarter) {
  Contract c = kalanda("2026-11-15", BillingPeriod::quarterly);
  // Oct 31 + Nov 30 + Dec 31 = 92 days.
  EXPECT_EQ(period_containing(c, k, day("2026-11-15")), (PeriodSpan{day("2026-10-01"), day("2026-12-31")}));
  EXPECT_EQ(period_containing(c, k, day("2026-11-15")).days(), 92);
  EXPECT_EQ(period_containing(c, k, day("2027-02-28")), (PeriodSpan{day("2027-01-01"), day("2027-03-31")}));
}

TEST(BillingPeriod, B1KalandaMonthIsTheCalendarMonth) {
  Contract c = kalanda("2026-01-10", BillingPeriod::monthly);
  EXPECT_EQ(period_containing(c, k, day("2028-02-10")), (PeriodSpan{day("2028-02-01"), day("2028-02-29")}));
  EXPECT_EQ(previous_period(c, k, {day("2027-01-01"), day("2027-01-31")}),
            (PeriodSpan{day("2026-12-01"), day("2026-12-31")}));
}

TEST(BillingPeriod, B1PreviousQuarterCrossesTheYear) {
  Contract c = kalanda("2026-11-15", BillingPeriod::quarterly);
  EXPECT_EQ(previous_period(c, k, {day("2027-01-01"), day("2027-03-31")}),
            (PeriodSpan{day("2026-10-01"), day("2026-12-31")}));
}

TEST(BillingPeriod, B1DagYearRunsFromTheStartDate) {
  Contract c = dag("2026-03-15");
  EXPECT_EQ(period_containing(c, d, day("2027-03-14")), (PeriodSpan{day("2026-03-15"), day("2027-03-14")}));
  EXPECT_EQ(period_containing(c, d, day("2027-03-15")), (PeriodSpan{day("2027-03-15"), day("2028-03-14")}));
}

TEST(BillingPeriod, B1DagStartedOn29FebruaryRenewsOn28ThenOn29) {
  // T5: each period starts at start + 12k months: 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29.
  Contract c = dag("2024-02-29");
  EXPECT_EQ(period_containing(c, d, day("2026-03-01")), (PeriodSpan{day("2026-02-28"), day("2027-02-27")}));
  EXPECT_EQ(period_containing(c, d, day("2028-02-28")), (PeriodSpan{day("2027-02-28"), day("2028-02-28")}));
  EXPECT_EQ(previous_period(c, d, {day("2026-02-28"), day("2027-02-27")}),
            (PeriodSpan{day("2025-02-28"), day("2026-02-27")}));
  EXPECT_TRUE(invoice_due_on(c, d, day("2028-02-29")).has_value());
  EXPECT_FALSE(invoice_due_on(c, d, day("2028-02-28")).has_value());
}

TEST(InvoiceDue, B1FirstInvoiceOnTheStartDateCoversTheRestOfTheQuarter) {
  Contract c = kalanda("2026-11-15", BillingPeriod::quarterly);
  auto due = invoice_due_on(c, k, day("2026-11-15"));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->period, (PeriodSpan{day("2026-10-01"), day("2026-12-31")}));
  EXPECT_EQ(due->billed_from, day("2026-11-15"));
  EXPECT_TRUE(due->partial());
  EXPECT_EQ(due->trace.steps.at(0).key, "first_period_partial");
}

TEST(InvoiceDue, B1NextInvoicesOnTheFirstDayOfEachQuarterOnly) {
  Contract c = kalanda("2026-11-15", BillingPeriod::quarterly);
  EXPECT_FALSE(invoice_due_on(c, k, day("2026-11-14")).has_value());  // before the start
  EXPECT_FALSE(invoice_due_on(c, k, day("2026-12-01")).has_value());  // not a quarter's first day
  auto due = invoice_due_on(c, k, day("2027-01-01"));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->period, (PeriodSpan{day("2027-01-01"), day("2027-03-31")}));
  EXPECT_FALSE(due->partial());
}

TEST(InvoiceDue, B1NoInvoiceAfterTheEndOfService) {
  Contract c = kalanda("2026-01-01", BillingPeriod::monthly);
  c.end = day("2026-12-31");
  EXPECT_TRUE(invoice_due_on(c, k, day("2026-12-01")).has_value());
  EXPECT_FALSE(invoice_due_on(c, k, day("2027-01-01")).has_value());
}

// B1 (Decision): the variable lines of the last period are settled the day after the end, for the
// last period clipped to the contract: ending 2026-12-31 (monthly) -> 2027-01-01 for 1-31 Dec.
TEST(FinalSettlement, B1TheDayAfterTheEndSettlesTheLastPeriod) {
  Contract c = kalanda("2024-01-01", BillingPeriod::monthly);
  c.end = day("2026-12-31");
  auto s = final_settlement_on(c, k, day("2027-01-01"));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->from, day("2026-12-01"));
  EXPECT_EQ(s->to, day("2026-12-31"));
  EXPECT_EQ(s->trace.steps.at(0).rule, "B1");
  EXPECT_FALSE(final_settlement_on(c, k, day("2026-12-31")).has_value());  // still in service
  EXPECT_FALSE(final_settlement_on(c, k, day("2027-01-02")).has_value());  // once, that day only
  c.end.reset();
  EXPECT_FALSE(final_settlement_on(c, k, day("2027-01-01")).has_value());  // no end, no settlement
}

// A quarterly contract ending mid-quarter (2026-11-20) settles Q4 from 1 Oct to its end, on 21 Nov;
// one that also started inside that quarter (2026-10-10) settles from its start.
TEST(FinalSettlement, B1TheLastPeriodIsClippedToTheContract) {
  Contract c = kalanda("2025-01-01", BillingPeriod::quarterly);
  c.end = day("2026-11-20");
  auto s = final_settlement_on(c, k, day("2026-11-21"));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->from, day("2026-10-01"));
  EXPECT_EQ(s->to, day("2026-11-20"));
  c.start = day("2026-10-10");
  EXPECT_EQ(final_settlement_on(c, k, day("2026-11-21"))->from, day("2026-10-10"));
}

// N4 (K Art. 9): a K contract from 2026-01-01 for 36 months, no tacit renewal, no recorded end:
// its service ends on 2028-12-31 (2026-01-01 + 36 months - 1 day).
Contract kalanda_36_months() {
  Contract c = kalanda("2026-01-01", BillingPeriod::monthly);
  c.term_months = 36;
  c.tacit_renewal = false;
  return c;
}

TEST(InvoiceDue, N4NoInvoiceAfterTheTermOfAContractWithoutTacitRenewal) {
  Contract c = kalanda_36_months();
  auto december = invoice_due_on(c, k, day("2028-12-01"));
  ASSERT_TRUE(december.has_value());
  EXPECT_EQ(december->period, (PeriodSpan{day("2028-12-01"), day("2028-12-31")}));
  EXPECT_FALSE(invoice_due_on(c, k, day("2029-01-01")).has_value());
}

TEST(InvoiceDue, N4ARecordedEndWinsOverTheTerm) {
  Contract c = kalanda_36_months();
  c.end = day("2029-06-30");  // extended: still invoiced in January and June 2029
  EXPECT_TRUE(invoice_due_on(c, k, day("2029-01-01")).has_value());
  EXPECT_TRUE(invoice_due_on(c, k, day("2029-06-01")).has_value());
  EXPECT_FALSE(invoice_due_on(c, k, day("2029-07-01")).has_value());
  c.end = day("2027-06-30");  // terminated early
  EXPECT_FALSE(invoice_due_on(c, k, day("2027-07-01")).has_value());
}

TEST(InvoiceDue, N1DagWithoutEndIsInvoicedAtEachAnniversary) {
  // D: 12 months renewed tacitly (N1), invoiced annually from the start date (B1).
  Contract c = dag("2026-03-15");
  c.term_months = 12;
  c.tacit_renewal = true;
  auto second = invoice_due_on(c, d, day("2027-03-15"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->period, (PeriodSpan{day("2027-03-15"), day("2028-03-14")}));
  auto third = invoice_due_on(c, d, day("2028-03-15"));
  ASSERT_TRUE(third.has_value());
  EXPECT_EQ(third->period, (PeriodSpan{day("2028-03-15"), day("2029-03-14")}));
}

TEST(FinalSettlement, N4TheDayAfterTheTermSettlesTheLastMonth) {
  auto s = final_settlement_on(kalanda_36_months(), k, day("2029-01-01"));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->from, day("2028-12-01"));
  EXPECT_EQ(s->to, day("2028-12-31"));
  EXPECT_FALSE(final_settlement_on(kalanda_36_months(), k, day("2028-12-31")).has_value());
}

TEST(InvoiceDue, B1DagInvoicesAtEachAnniversaryForTwelveMonths) {
  Contract c = dag("2026-03-15");
  auto due = invoice_due_on(c, d, day("2027-03-15"));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->period, (PeriodSpan{day("2027-03-15"), day("2028-03-14")}));
  EXPECT_FALSE(due->partial());
  EXPECT_FALSE(invoice_due_on(c, d, day("2027-04-01")).has_value());
}

}  // namespace
}  // namespace clause
