// B5 (D Art. 6.1): 25 GB quota, 10.00 EUR per started 5 GB above it after 30 days, capped at 35 GB.
#include "rules/mail_quota.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "rules/calendar.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const BillingTerms d = testing::dag_contract_terms().billing;

// `count` daily samples of `megabytes` from `first`.
std::vector<MailUsageSample> daily(const char* first, int count, std::int64_t megabytes) {
  std::vector<MailUsageSample> out;
  for (int i = 0; i < count; ++i) out.push_back({"D-1", add_days(day(first), i), megabytes});
  return out;
}

TEST(MailSteps, B5StartedStepsAboveTheQuotaCappedAt35Gb) {
  EXPECT_EQ(mail_steps(25000, d), 0);   // at the quota: nothing above
  EXPECT_EQ(mail_steps(25001, d), 1);   // 1 MB above starts a step
  EXPECT_EQ(mail_steps(30000, d), 1);   // 5 GB above: one step
  EXPECT_EQ(mail_steps(31000, d), 2);   // 6 GB above: two started steps
  EXPECT_EQ(mail_steps(35000, d), 2);   // 10 GB above: two steps
  EXPECT_EQ(mail_steps(36000, d), 2);   // capped at 35 GB: still two steps
}

TEST(MailOverage, B5ThirtyOneGbForThirtyDaysBillsTwentyEuros) {
  // 31 GB from 1 to 30 Oct: the 30th day above quota is 30 Oct; 6 GB above = 2 steps x 10.00.
  MailOverage m = mail_overage(daily("2026-10-01", 30, 31000), {2026, 10}, d);
  EXPECT_EQ(m.first_exceeded, day("2026-10-01"));
  EXPECT_EQ(m.grace_reached, day("2026-10-30"));
  EXPECT_EQ(m.steps, 2);
  EXPECT_EQ(m.amount, Money::from_cents(2000));
}

TEST(MailOverage, B5TwentyNineDaysAboveOnlyWarns) {
  MailOverage m = mail_overage(daily("2026-10-01", 29, 31000), {2026, 10}, d);
  EXPECT_EQ(m.first_exceeded, day("2026-10-01"));
  EXPECT_FALSE(m.grace_reached.has_value());
  EXPECT_EQ(m.amount, Money{});
}

TEST(MailOverage, B5UsageLevelsOfAFollowingMonth) {
  // Above quota since 15 Sep: 30th day = 14 Oct; every day of November is billable.
  struct Case { std::int64_t megabytes; Money amount; };
  for (Case c : {Case{25000, Money{}}, Case{30000, Money::from_cents(1000)}, Case{35000, Money::from_cents(2000)},
                 Case{36000, Money::from_cents(2000)}}) {
    MailOverage m = mail_overage(daily("2026-09-15", 77, c.megabytes), {2026, 11}, d);
    EXPECT_EQ(m.amount, c.amount) << c.megabytes << " MB";
  }
  EXPECT_EQ(mail_overage(daily("2026-09-15", 77, 30000), {2026, 11}, d).grace_reached, day("2026-11-01"));
}

TEST(MailOverage, B5ADayBackUnderTheQuotaRestartsTheThirtyDays) {
  std::vector<MailUsageSample> s = daily("2026-10-01", 31, 31000);
  s[14].megabytes = 24000;              // 15 Oct under quota: the run restarts on 16 Oct
  MailOverage m = mail_overage(s, {2026, 10}, d);
  EXPECT_FALSE(m.grace_reached.has_value());   // 16-31 Oct = 16 days only
  EXPECT_EQ(m.first_exceeded, day("2026-10-01"));
}

TEST(MailOverage, B5AMissingSampleBreaksTheRun) {
  std::vector<MailUsageSample> s = daily("2026-10-01", 31, 31000);
  s.erase(s.begin() + 14);               // no sample for 15 Oct
  EXPECT_FALSE(mail_overage(s, {2026, 10}, d).grace_reached.has_value());
}

TEST(MailOverage, B5ProfileWithoutMailQuotaBillsNothing) {
  const BillingTerms k = testing::kalanda_contract_terms().billing;
  EXPECT_EQ(mail_overage(daily("2026-09-01", 61, 36000), {2026, 10}, k).amount, Money{});
}

}  // namespace
}  // namespace clause
