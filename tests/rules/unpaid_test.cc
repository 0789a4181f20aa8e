// B9 (K Art. 8.3, D Art. 8): unpaid invoices and their consequences; settlement dates (R2).
#include "rules/unpaid.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const IssuedInvoice f42{"F-2026-0042", day("2026-11-01"), day("2026-12-01"), Money::from_cents(120000)};
const std::vector<Payment> payments = {
    {"P2", "F-2026-0042", day("2027-01-12"), Money::from_cents(60000)},
    {"P1", "F-2026-0042", day("2026-12-20"), Money::from_cents(60000)},
    {"P3", "F-2026-0001", day("2026-01-05"), Money::from_cents(99999)},
};

TEST(SettledOn, B9TheDayThePaymentsReachTheTotal) {
  EXPECT_EQ(settled_on(f42, payments), day("2027-01-12"));   // 600.00 on 20 Dec + 600.00 on 12 Jan
  EXPECT_FALSE(settled_on(f42, {payments[1]}).has_value());  // half paid
}

TEST(Overdue, B9PastTheDueDateAndNotSettled) {
  EXPECT_TRUE(overdue_on({f42}, payments, day("2026-12-01")).empty());  // due that day: not late yet
  EXPECT_EQ(overdue_on({f42}, payments, day("2026-12-02")).size(), 1u);
  EXPECT_EQ(overdue_on({f42}, payments, day("2027-01-11")).size(), 1u);
  EXPECT_TRUE(overdue_on({f42}, payments, day("2027-01-12")).empty());
}

TEST(Outstanding, R2IssuedAndNotSettledWhetherDueOrNot) {
  EXPECT_TRUE(outstanding_on({f42}, payments, day("2026-10-31")).empty());   // not issued yet
  EXPECT_EQ(outstanding_on({f42}, payments, day("2026-11-02")).size(), 1u);  // issued, not yet due
}

TEST(UnpaidConsequences, B9KalandaTerminationFifteenDaysAfterFormalNotice) {
  Contract c;
  c.start = day("2026-01-01");
  const BillingTerms k = testing::kalanda_contract_terms().billing;
  UnpaidConsequences u = unpaid_consequences(c, k, f42, day("2026-12-10"));
  EXPECT_TRUE(u.all_sums_due_now);
  EXPECT_TRUE(u.interventions_suspended);
  EXPECT_FALSE(u.renewal_refused);
  EXPECT_EQ(u.termination_from, day("2026-12-25"));  // 10 Dec + 15 days
  EXPECT_FALSE(u.definitive_suspension.has_value());
  EXPECT_EQ(u.wording, k.unpaid_consequences);
  EXPECT_FALSE(unpaid_consequences(c, k, f42, std::nullopt).termination_from.has_value());
}

TEST(UnpaidConsequences, B9DagNoRenewalAndSuspensionFifteenDaysAfterTheAnniversary) {
  Contract c;
  c.start = day("2025-03-15");
  const BillingTerms d = testing::dag_contract_terms().billing;
  IssuedInvoice renewal{"F-2026-0007", day("2026-03-15"), day("2026-04-14"), Money::from_cents(240000)};
  UnpaidConsequences u = unpaid_consequences(c, d, renewal, std::nullopt);
  EXPECT_TRUE(u.renewal_refused);
  EXPECT_FALSE(u.all_sums_due_now);
  EXPECT_EQ(u.service_stops, day("2026-03-15"));
  EXPECT_EQ(u.definitive_suspension, day("2026-03-30"));  // 15 Mar + 15 days
}

}  // namespace
}  // namespace clause
