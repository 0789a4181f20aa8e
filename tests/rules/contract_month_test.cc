// N4 and R4 on the months a contract gets a statement for, and the continuity a month carries.
#include "rules/contract_month.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

Contract kalanda_36_months() {
  Contract c;
  c.id = "K-1";
  c.terms_profile = "kalanda-hds";
  c.start = day("2026-01-01");
  c.term_months = 36;
  c.tacit_renewal = false;
  return c;
}

TEST(ActiveInMonth, N4NotActiveAfterTheTerm) {
  // Ends on 2028-12-31 (N4): December 2028 active, January 2029 not.
  EXPECT_TRUE(active_in_month(kalanda_36_months(), {2028, 12}));
  EXPECT_FALSE(active_in_month(kalanda_36_months(), {2029, 1}));
  EXPECT_FALSE(active_in_month(kalanda_36_months(), {2025, 12}));
}

TEST(ActiveInMonth, N1TacitlyRenewedStaysActive) {
  Contract c = kalanda_36_months();
  c.tacit_renewal = true;
  EXPECT_TRUE(active_in_month(c, {2035, 6}));
}

TEST(StatementMonth, R4ContinuityMonthsGetAStatement) {
  // Ended 2028-12-31 by its term, no take-over: continuity 1 Jan .. 31 Mar 2029 (+90 days).
  ReversibilityRequest q{"REV-1", "K-1", day("2028-09-01"), day("2028-12-31"), std::nullopt, std::nullopt};
  auto continuity = continuity_period(q, testing::kalanda_contract_terms().reversibility);
  EXPECT_EQ(continuity->last, day("2029-03-31"));
  EXPECT_TRUE(statement_month(kalanda_36_months(), continuity, {2028, 12}));
  EXPECT_TRUE(statement_month(kalanda_36_months(), continuity, {2029, 1}));
  EXPECT_TRUE(statement_month(kalanda_36_months(), continuity, {2029, 3}));
  EXPECT_FALSE(statement_month(kalanda_36_months(), continuity, {2029, 4}));
  EXPECT_FALSE(statement_month(kalanda_36_months(), std::nullopt, {2029, 1}));
}

TEST(ContractMonth, R4AContinuityMonthCarriesItsDays) {
  ContractRecords r;
  r.contract = kalanda_36_months();
  r.reversibility_requests = {{"REV-1", "K-1", day("2028-09-01"), day("2028-12-31"), day("2029-02-15"), std::nullopt}};
  TermsProfile terms = testing::kalanda_terms();
  terms.billing = testing::kalanda_contract_terms().billing;
  terms.reversibility = testing::kalanda_contract_terms().reversibility;
  ContractMonthFigures f = compute_contract_month(r, terms, testing::paris_clock(), {2029, 2});
  ASSERT_TRUE(f.continuity.has_value());
  EXPECT_EQ(f.continuity->last, day("2029-02-15"));
  EXPECT_EQ(f.continuity_days, (PeriodSpan{day("2029-02-01"), day("2029-02-15")}));
  EXPECT_FALSE(compute_contract_month(r, terms, testing::paris_clock(), {2028, 12}).continuity_days.has_value());
}

}  // namespace
}  // namespace clause
