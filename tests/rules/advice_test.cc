// RULES I4 (K Art. 3.4): 30 min per managed server per month, unlimited carry-over.
#include "rules/advice.h"

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::minutes;

// Contract from 20 Aug 2026 with 2 managed servers (an unmanaged one and a mailbox do not
// count): 60 min a month. Used: Sep 100, Oct 90 -> balances Aug 60, Sep 20, Oct -10, Nov 50.
TEST(AdviceBalance, I4RunningBalanceCarriesOverAndMayGoNegative) {
  Contract c;
  c.id = "C-1";
  c.start = day("2026-08-20");
  const std::vector<Service> services{{"S1", "C-1", ServiceKind::server, "a", "", true},
                                      {"S2", "C-1", ServiceKind::server, "b", "", true},
                                      {"S3", "C-1", ServiceKind::server, "c", "", false},
                                      {"S4", "C-1", ServiceKind::mailbox, "", "", true}};
  const std::vector<Intervention> work{
      {"A1", "C-1", "S1", std::nullopt, InterventionKind::advice, at("2026-09-10T10:00:00+02:00"),
       at("2026-09-10T11:40:00+02:00"), std::nullopt},
      {"A2", "C-1", "S2", std::nullopt, InterventionKind::advice, at("2026-10-10T10:00:00+02:00"),
       at("2026-10-10T11:30:00+02:00"), std::nullopt},
      {"E1", "C-1", "S2", std::nullopt, InterventionKind::emergency, at("2026-10-11T10:00:00+02:00"),
       at("2026-10-11T11:30:00+02:00"), std::nullopt}};
  const auto terms = kalanda_terms().interventions;
  const auto october = advice_balance(c, services, terms, paris_clock(), work, {2026, 10});
  ASSERT_EQ(october.months.size(), 3u);
  EXPECT_EQ(october.months[0].granted, minutes{60});
  EXPECT_EQ(october.months[1].balance, minutes{20});
  EXPECT_EQ(october.months[2].used, minutes{90});
  EXPECT_EQ(october.balance, minutes{-10});
  EXPECT_TRUE(october.negative);
  EXPECT_EQ(october.trace.steps[0].key, "advice_balance_negative");
  const auto november = advice_balance(c, services, terms, paris_clock(), work, {2026, 11});
  EXPECT_EQ(november.balance, minutes{50});
  EXPECT_FALSE(november.negative);
}

// The balance stops growing after the end of service (R4 aside).
TEST(AdviceBalance, I4StopsAtTheEndOfService) {
  Contract c;
  c.id = "C-1";
  c.start = day("2026-01-01");
  c.end = day("2026-03-31");
  const std::vector<Service> services{{"S1", "C-1", ServiceKind::server, "a", "", true}};
  EXPECT_EQ(advice_balance(c, services, kalanda_terms().interventions, paris_clock(), {}, {2026, 12}).balance,
            minutes{90});
}

// N4: a 3-month term without tacit renewal and no recorded end stops on 31 Mar: 3 x 30 min.
TEST(AdviceBalance, N4StopsAtTheEndOfTheTerm) {
  Contract c;
  c.id = "C-1";
  c.start = day("2026-01-01");
  c.term_months = 3;
  c.tacit_renewal = false;
  const std::vector<Service> services{{"S1", "C-1", ServiceKind::server, "a", "", true}};
  EXPECT_EQ(advice_balance(c, services, kalanda_terms().interventions, paris_clock(), {}, {2026, 12}).balance,
            minutes{90});
}

}  // namespace
}  // namespace clause
