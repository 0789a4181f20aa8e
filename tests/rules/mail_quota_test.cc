// B5 (D Art. 6.1): 25 GB quota, 10.00 EUR per started 5 GB above it after 30 days, capped at 35 GB.
// B5 Decision: the 30 days are a free grace; the 31st consecutive day above quota is billable.
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
  EXPECT_EQ(mail_steps(25000, d), 0);  // at the quota: nothing above
  EXPECT_EQ(mail_steps(25001, d), 1);  // 1 MB above starts a step
  EXPECT_EQ(mail_steps(30000, d), 1);  // 5 GB above: one step
  EXPECT_EQ(mail_steps(31000, d), 2);  // 6 GB above: two started steps
  EXPECT_EQ(mail_steps(35000, d), 2);  // 10 GB above: two steps
  EXPECT_EQ(mail_steps(36000, d), 2);  // capped at 35 GB: still two steps
}

TEST(MailOverage, B5ThirtyDaysAboveAreTheFreeGrace) {
  // 31 GB from 1 to 30 Oct: 30 days above quota, all of them grace (B5 Decision): nothing billed.
  MailOverage m = mail_overage(daily("2026-10-01", 30, 31000), {2026, 10}, d);
  EXPECT_EQ(m.first_exceeded, day("2026-10-01"));
  EXPECT_FALSE(m.grace_reached.has_value());
  EXPECT_EQ(m.amount, Money{});
}

TEST(MailOverage, B5TheThirtyFirstDayIsTheFirstBillableDay) {
  // 31 GB from 1 to 31 Oct: 31 Oct is the 31st day; 6 GB above = 2 started steps x 10.00 = 20.00.
  MailOverage m = mail_overage(daily("2026-10-01", 31, 31000), {2026, 10}, d);
  EXPECT_EQ(m.grace_reached, day("2026-10-31"));
  EXPECT_EQ(m.steps, 2);
  EXPECT_EQ(m.amount, Money::from_cents(2000));
}

TEST(MailOverage, B5AboveFromSeptemberFirstBillsOctoberNotSeptember) {
  // 28 GB from 1 Sep to 31 Oct. Grace: 1-30 Sep (30 days); day 31 = 1 Oct.
  // September: no billable day, 0. October: billable 1-31 Oct, 3 GB above = 1 step = 10.00.
  std::vector<MailUsageSample> s = daily("2026-09-01", 61, 28000);
  MailOverage september = mail_overage(s, {2026, 9}, d);
  EXPECT_FALSE(september.grace_reached.has_value());
  EXPECT_EQ(september.amount, Money{});
  MailOverage october = mail_overage(s, {2026, 10}, d);
  EXPECT_EQ(october.grace_reached, day("2026-10-01"));
  EXPECT_EQ(october.peak_megabytes, 28000);
  EXPECT_EQ(october.steps, 1);
  EXPECT_EQ(october.amount, Money::from_cents(1000));
}

TEST(MailOverage, B5TheHighestUsageOnAGraceDayDoesNotCount) {
  // Above quota from 10 Oct: grace 10 Oct-8 Nov (22 + 8 = 30 days), first billable day 9 Nov.
  // November: 36 GB on 1-8 Nov (grace), 27 GB from 9 Nov: billed on 27 GB, 2 GB above = 1 step =
  // 10.00, not the 2 steps (20.00) the 36 GB of a grace day would give.
  std::vector<MailUsageSample> s = daily("2026-10-10", 22, 27000);
  for (auto& x : daily("2026-11-01", 8, 36000)) s.push_back(x);
  for (auto& x : daily("2026-11-09", 22, 27000)) s.push_back(x);
  MailOverage m = mail_overage(s, {2026, 11}, d);
  EXPECT_EQ(m.grace_reached, day("2026-11-09"));
  EXPECT_EQ(m.peak_megabytes, 27000);
  EXPECT_EQ(m.amount, Money::from_cents(1000));
  EXPECT_EQ(mail_overage(s, {2026, 10}, d).amount, Money{});  // October: grace only
}

TEST(MailOverage, B5BackUnderTheQuotaRestartsTheGrace) {
  // 31 GB from 1 Sep, 24 GB on 20 Sep, 31 GB again from 21 Sep: the grace restarts on 21 Sep and
  // runs 21 Sep-20 Oct (10 + 20 = 30 days): the first billable day is 21 Oct, not 1 Oct.
  std::vector<MailUsageSample> s = daily("2026-09-01", 61, 31000);
  s[19].megabytes = 24000;  // 20 Sep
  MailOverage m = mail_overage(s, {2026, 10}, d);
  EXPECT_EQ(m.grace_reached, day("2026-10-21"));
  EXPECT_EQ(m.amount, Money::from_cents(2000));  // 6 GB above: 2 steps
}

TEST(MailOverage, B5TwentyNineDaysAboveOnlyWarns) {
  MailOverage m = mail_overage(daily("2026-10-01", 29, 31000), {2026, 10}, d);
  EXPECT_EQ(m.first_exceeded, day("2026-10-01"));
  EXPECT_FALSE(m.grace_reached.has_value());
  EXPECT_EQ(m.amount, Money{});
}

TEST(MailOverage, B5UsageLevelsOfAFollowingMonth) {
  // Above quota since 15 Sep: grace 15 Sep-14 Oct, 31st day = 15 Oct; all of November is billable.
  struct Case {
    std::int64_t megabytes;
    Money amount;
  };
  for (Case c : {Case{25000, Money{}}, Case{30000, Money::from_cents(1000)}, Case{35000, Money::from_cents(2000)},
                 Case{36000, Money::from_cents(2000)}}) {
    MailOverage m = mail_overage(daily("2026-09-15", 77, c.megabytes), {2026, 11}, d);
    EXPECT_EQ(m.amount, c.amount) << c.megabytes << " MB";
  }
  EXPECT_EQ(mail_overage(daily("2026-09-15", 77, 30000), {2026, 11}, d).grace_reached, day("2026-11-01"));
}

TEST(MailOverage, B5ADayBackUnderTheQuotaRestartsTheThirtyDays) {
  std::vector<MailUsageSample> s = daily("2026-10-01", 31, 31000);
  s[14].megabytes = 24000;  // 15 Oct under quota: the run restarts on 16 Oct
  MailOverage m = mail_overage(s, {2026, 10}, d);
  EXPECT_FALSE(m.grace_reached.has_value());  // 16-31 Oct = 16 days only
  EXPECT_EQ(m.first_exceeded, day("2026-10-01"));
}

TEST(MailOverage, B5AMissingSampleBreaksTheRun) {
  std::vector<MailUsageSample> s = daily("2026-10-01", 31, 31000);
  s.erase(s.begin() + 14);  // no sample for 15 Oct
  EXPECT_FALSE(mail_overage(s, {2026, 10}, d).grace_reached.has_value());
}

TEST(MailOverage, B5ProfileWithoutMailQuotaBillsNothing) {
  const BillingTerms k = testing::kalanda_contract_terms().billing;
  EXPECT_EQ(mail_overage(daily("2026-09-01", 61, 36000), {2026, 10}, k).amount, Money{});
}

// B5 warning ("le Client est averti au premier dépassement"): once per run above the quota.
TEST(MailWarning, B5TheFirstDayAboveTheQuotaIsWarned) {
  auto samples = daily("2026-08-31", 1, 25000);  // at the quota: not above
  for (const auto& s : daily("2026-09-01", 3, 25100)) samples.push_back(s);
  EXPECT_EQ(quota_first_exceeded_on(samples, day("2026-09-01"), d), 25100);
  EXPECT_EQ(quota_first_exceeded_on(samples, day("2026-09-02"), d), std::nullopt);  // the same exceedance
  EXPECT_EQ(quota_first_exceeded_on(samples, day("2026-08-31"), d), std::nullopt);
}

TEST(MailWarning, B5BackUnderTheQuotaThenAboveIsANewExceedance) {
  auto samples = daily("2026-09-01", 2, 26000);
  samples.push_back({"D-1", day("2026-09-03"), 24000});
  samples.push_back({"D-1", day("2026-09-04"), 25001});
  EXPECT_EQ(quota_first_exceeded_on(samples, day("2026-09-04"), d), 25001);
}

TEST(MailWarning, B5ADayWithoutSampleBeforeStartsANewExceedance) {
  auto samples = daily("2026-09-01", 1, 26000);
  samples.push_back({"D-1", day("2026-09-03"), 26000});  // 2 Sep not measured: not proven above
  EXPECT_EQ(quota_first_exceeded_on(samples, day("2026-09-03"), d), 26000);
}

TEST(MailWarning, B5NoWarningWithoutAQuotaInTheTerms) {
  EXPECT_EQ(quota_first_exceeded_on(daily("2026-09-01", 1, 90000), day("2026-09-01"),
                                    testing::kalanda_contract_terms().billing),
            std::nullopt);
}

}  // namespace
}  // namespace clause
